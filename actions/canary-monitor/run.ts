import type { CommandResult, RunContext } from '../lib/command';
import { formatDuration } from '../lib/duration';
import { cancellation, errorMessage } from '../lib/errors';
import { redactUrl } from '../lib/secrets';
import { readCanaryConfig, type CanaryConfig, type VercelSettings } from './config';
import { applyDecision, type DecisionOutcome } from './decision';
import { prepareDeployment, type WatchedDeployment } from './deployment';
import { monitor, type MonitorResult } from './monitor';
import { renderCanaryReport } from './report';
import { VercelApi } from './vercel-api';
import { decideVerdict, percent, type Verdict } from './verdict';

interface Vercel {
  settings: VercelSettings;
  api: VercelApi;
  deployment: WatchedDeployment;
}

export async function run(context: RunContext): Promise<CommandResult> {
  const config = readCanaryConfig(context.inputs, context.logger, context.baseDir);
  const vercel = await prepareVercel(context, config);
  const result = await probe(context, config);
  const verdict = decideVerdict(result, config.thresholds);
  context.logger.info(
    `Verdict: ${verdict.healthy ? 'healthy' : 'unhealthy'} — ${verdict.samples} samples, ${verdict.errors} errors ` +
      `(${percent(verdict.errorRate)}), p50 ${verdict.p50Ms ?? '—'}ms, p95 ${verdict.p95Ms ?? '—'}ms`,
  );
  const cancelled = context.signal.aborted;
  const { decision, decisionError } = await decide(context, verdict, vercel);

  context.setOutput('healthy', verdict.healthy && !cancelled);
  context.setOutput('decision', decision.decision);
  context.setOutput('samples', verdict.samples);
  context.setOutput('errors', verdict.errors);
  context.setOutput('error-rate', Number(verdict.errorRate.toFixed(4)));
  context.setOutput('p50-ms', verdict.p50Ms ?? '');
  context.setOutput('p95-ms', verdict.p95Ms ?? '');
  const published = await context.report.publish(
    renderCanaryReport({ config, run: result, verdict, deployment: vercel?.deployment, decision, decisionError }),
    { comment: false },
  );
  context.setOutput('report', published.path);

  if (cancelled) return { failure: `${decision.detail} (${verdict.samples} probe(s) ran)` };
  if (decisionError) return { failure: `the Vercel step failed: ${decisionError}` };
  if (!verdict.healthy && config.failOnUnhealthy) {
    const done = decision.decision === 'rolled-back' ? `; ${decision.detail}` : '';
    return { failure: `unhealthy: ${verdict.reasons.join('; ')}${done}` };
  }
  return {};
}

/** With Vercel inputs: the deployment to watch, created from deploy-dir or looked up, and READY. */
async function prepareVercel(context: RunContext, config: CanaryConfig): Promise<Vercel | undefined> {
  const { logger } = context;
  const settings = config.vercel;
  if (!settings) return undefined;
  const api = new VercelApi({ token: settings.token, apiUrl: settings.apiUrl, teamId: settings.teamId });
  const deployment = await logger.group('Prepare the Vercel deployment', async () => {
    const ready = await prepareDeployment(settings, api, logger);
    logger.info(`Deployment ${ready.id} is READY at https://${ready.url}`);
    return ready;
  });
  context.setOutput('deployment-url', `https://${deployment.url}`);
  if (config.urls.length === 0) config.urls = [`https://${deployment.url}`];
  return { settings, api, deployment };
}

async function probe(context: RunContext, config: CanaryConfig): Promise<MonitorResult> {
  const { logger } = context;
  const result = await logger.group('Probe', async () => {
    logger.info(
      `Probing ${config.urls.map(redactUrl).join(', ')} every ${formatDuration(config.intervalMs)} ` +
        `for ${formatDuration(config.durationMs)}`,
    );
    return monitor(
      {
        urls: config.urls,
        intervalMs: config.intervalMs,
        durationMs: config.durationMs,
        probe: config.probe,
        failFastAfter: config.thresholds.failFastAfter,
      },
      {
        onResult: (r) =>
          logger.info(
            [
              `${formatDuration(r.at)} ${redactUrl(r.url)}:`,
              r.ok ? 'ok' : 'FAILED',
              r.status,
              `${r.latencyMs}ms`,
              r.reason && `— ${r.reason}`,
            ]
              .filter((part) => part !== undefined && part !== '')
              .join(' '),
          ),
        onSkip: (url, at) =>
          logger.warning(`${formatDuration(at)} ${redactUrl(url)}: tick skipped, the previous probe is still running`),
      },
      context.signal,
    );
  });
  if (result.failFast) {
    logger.error(
      `Stopped early: ${result.failFast.consecutive} consecutive failed probes of ${redactUrl(result.failFast.url)}`,
    );
  }
  return result;
}

/**
 * Promotes or rolls back on Vercel as the verdict says. A cancelled canary has not seen enough to vouch for the
 * deployment: it never promotes (nor rolls back). A Vercel failure here ends in the report, not a bare exception.
 */
async function decide(
  context: RunContext,
  verdict: Verdict,
  vercel: Vercel | undefined,
): Promise<{ decision: DecisionOutcome; decisionError?: string }> {
  const { logger } = context;
  if (context.signal.aborted) {
    const detail = `${cancellation(context.signal).message}: nothing was promoted or rolled back`;
    return { decision: { decision: 'none', detail } };
  }
  if (!vercel) return { decision: { decision: 'none', detail: 'no Vercel inputs: nothing changed' } };
  try {
    const decision = await logger.group('Decide on Vercel', () =>
      applyDecision(verdict.healthy, vercel.settings, vercel.api, vercel.deployment, logger),
    );
    logger.info(decision.detail);
    return { decision };
  } catch (error) {
    const decisionError = errorMessage(error);
    logger.error(decisionError);
    return { decision: { decision: 'none', detail: decisionError }, decisionError };
  }
}
