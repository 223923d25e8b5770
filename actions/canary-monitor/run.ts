import type { CommandResult, RunContext } from '../lib/command';
import { formatDuration } from '../lib/duration';
import { cancellation, errorMessage } from '../lib/errors';
import { redactUrl } from '../lib/secrets';
import { readCanaryConfig } from './config';
import { applyDecision, type DecisionOutcome } from './decision';
import { prepareDeployment, type WatchedDeployment } from './deployment';
import { monitor } from './monitor';
import { renderCanaryReport } from './report';
import { VercelApi } from './vercel-api';
import { decideVerdict, percent } from './verdict';

export async function run(context: RunContext): Promise<CommandResult> {
  const { logger } = context;
  const config = readCanaryConfig(context.inputs, logger, context.baseDir);
  const vercel = config.vercel;
  const api = vercel && new VercelApi({ token: vercel.token, apiUrl: vercel.apiUrl, teamId: vercel.teamId });

  let deployment: WatchedDeployment | undefined;
  if (vercel && api) {
    deployment = await logger.group('Prepare the Vercel deployment', async () => {
      const ready = await prepareDeployment(vercel, api, logger);
      logger.info(`Deployment ${ready.id} is READY at https://${ready.url}`);
      return ready;
    });
    context.setOutput('deployment-url', `https://${deployment.url}`);
    if (config.urls.length === 0) config.urls = [`https://${deployment.url}`];
  }

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

  const verdict = decideVerdict(result, config.thresholds);
  logger.info(
    `Verdict: ${verdict.healthy ? 'healthy' : 'unhealthy'} — ${verdict.samples} samples, ${verdict.errors} errors ` +
      `(${percent(verdict.errorRate)}), p50 ${verdict.p50Ms ?? '—'}ms, p95 ${verdict.p95Ms ?? '—'}ms`,
  );

  const cancelled = context.signal.aborted;
  let decision: DecisionOutcome = cancelled
    ? { decision: 'none', detail: `${cancellation(context.signal).message}: nothing was promoted or rolled back` }
    : { decision: 'none', detail: 'no Vercel inputs: nothing changed' };
  let decisionError: string | undefined;
  // A cancelled canary has not seen enough to vouch for the deployment: it never promotes.
  if (vercel && api && deployment && !cancelled) {
    const watched = deployment;
    try {
      decision = await logger.group('Decide on Vercel', () =>
        applyDecision(verdict.healthy, vercel, api, watched, logger),
      );
      logger.info(decision.detail);
    } catch (error) {
      // The verdict is still worth reporting, so a Vercel failure here ends in the report, not a bare exception.
      decisionError = errorMessage(error);
      decision = { decision: 'none', detail: decisionError };
      logger.error(decisionError);
    }
  }

  context.setOutput('healthy', verdict.healthy && !cancelled);
  context.setOutput('decision', decision.decision);
  context.setOutput('samples', verdict.samples);
  context.setOutput('errors', verdict.errors);
  context.setOutput('error-rate', Number(verdict.errorRate.toFixed(4)));
  context.setOutput('p50-ms', verdict.p50Ms ?? '');
  context.setOutput('p95-ms', verdict.p95Ms ?? '');
  const published = await context.report.publish(
    renderCanaryReport({ config, run: result, verdict, deployment, decision, decisionError }),
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
