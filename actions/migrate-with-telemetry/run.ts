import { randomUUID } from 'node:crypto';
import type { CommandResult, RunContext } from '../lib/command';
import type { Logger } from '../lib/logger';
import { readProject, type Project } from '../lib/project';
import type { RunIdentity, RunStatus, TelemetrySink } from '../lib/telemetry/events';
import { LokiSink } from '../lib/telemetry/loki';
import { OtlpSink } from '../lib/telemetry/otlp';
import { PagerDutySink } from '../lib/telemetry/pagerduty';
import { Telemetry } from '../lib/telemetry/telemetry';
import { preciseNow } from '../lib/time';
import { mapWithLimit } from '../lib/concurrency';
import { planShards, summariseShards } from './fleet';
import { MODES, readMigrateOptions, type MigrateOptions } from './options';
import { shardResult, writeShardResult } from './results';
import { renderMigrateReport } from './report';
import { migrateTarget, type TargetResult } from './target';

/** What the run as a whole came to, over all its targets. */
interface RunSummary {
  status: RunStatus;
  appliedCount: number;
  pendingCount: number;
  failure?: string;
}

export async function run(context: RunContext): Promise<CommandResult> {
  const mode = context.inputs.enum('mode', MODES);
  if (mode === 'plan') return planShards(context);
  if (mode === 'summary') return summariseShards(context);
  return migrate(context);
}

async function migrate(context: RunContext): Promise<CommandResult> {
  const started = preciseNow();
  const options = readMigrateOptions(context.inputs, context.logger, context.baseDir);
  const project = await readProjectWarningProblems(context);
  const identity = runIdentity(context, options, started);
  const telemetry = new Telemetry(createSinks(options, identity, context.logger));
  telemetry.start();

  const results = await migrateAll(context, project, options, telemetry);
  const summary = summarise(results, options);
  // A cancelled job has seconds left before the runner kills it: telemetry gets one of them.
  const settleCapMs = context.signal.aborted ? 1000 : undefined;
  const telemetryWarnings = await finishTelemetry(context.logger, telemetry, summary, started, settleCapMs);
  reportTargetFailures(context.logger, results, options);

  const durationMs = Math.round(preciseNow() - started);
  setOutputs(context, results, summary, options, { runId: identity.runId, durationMs });
  const markdown = renderMigrateReport({
    ...summary,
    ...project,
    runId: identity.runId,
    durationMs,
    options,
    results,
    telemetryWarnings,
  });
  const published = await context.report.publish(context.logger.secrets.redact(markdown), { comment: false });
  context.setOutput('report', published.path);

  if (!['failed', 'timed-out', 'cancelled'].includes(summary.status)) return {};
  const where = options.targets.length === 1 ? results[0]?.failedAt : undefined;
  return { failure: summary.failure ?? summary.status, where };
}

/** Folder problems do not change what is applied: migrate warns, schema-check is where they fail a build. */
async function readProjectWarningProblems(context: RunContext): Promise<Project> {
  const project = await readProject(context);
  for (const problem of project.set.problems) context.logger.warning(problem.message, problem);
  return project;
}

function runIdentity(context: RunContext, options: MigrateOptions, startedAt: number): RunIdentity {
  const { github } = context;
  return {
    runId: randomUUID(),
    environment: options.environment,
    repository: github.repository,
    service: github.repo || 'schema-actions',
    commit: github.sha,
    runUrl:
      github.runId && github.repository
        ? `${github.serverUrl}/${github.repository}/actions/runs/${github.runId}`
        : undefined,
    startedAt,
  };
}

async function migrateAll(
  context: RunContext,
  project: Project,
  options: MigrateOptions,
  telemetry: Telemetry,
): Promise<TargetResult[]> {
  const { logger } = context;
  return logger.group(options.dryRun ? 'Plan (dry run)' : 'Apply migrations', async () => {
    const results = await mapWithLimit(options.targets, options.parallelism, (target) =>
      migrateTarget(target, {
        set: project.set,
        ledger: project.ledger,
        options,
        logger,
        signal: context.signal,
        onMigration: (event) => telemetry.migration(event),
      }),
    );
    if (options.dryRun) printPlan(results, logger);
    return results;
  });
}

function summarise(results: TargetResult[], options: MigrateOptions): RunSummary {
  const failures = results.filter((r) => r.failure);
  const first = failures[0];
  return {
    status: overallStatus(results, options.dryRun),
    appliedCount: results.reduce((sum, r) => sum + r.applied.length, 0),
    pendingCount: results.reduce((sum, r) => sum + r.pendingAfter, 0),
    failure:
      first && options.targets.length > 1
        ? `${failures.length} of ${options.targets.length} targets did not migrate; ${first.target.label}: ${first.failure}`
        : first?.failure,
  };
}

async function finishTelemetry(
  logger: Logger,
  telemetry: Telemetry,
  summary: RunSummary,
  started: number,
  settleCapMs?: number,
): Promise<string[]> {
  return logger.group('Telemetry', async () => {
    telemetry.end({ ...summary, endedAt: preciseNow(), durationMs: preciseNow() - started });
    const warnings = await telemetry.settle(settleCapMs);
    for (const warning of warnings)
      logger.warning(`telemetry is best-effort and did not stop the migration: ${warning}`);
    if (telemetry.sinks.length === 0) logger.info('no telemetry configured');
    return warnings;
  });
}

/**
 * With several targets each failure gets its own line (the run's one line only names the first); a single
 * target's failure is the run's failure line. Ledger problems are annotated on their files either way.
 */
function reportTargetFailures(logger: Logger, results: TargetResult[], options: MigrateOptions): void {
  for (const result of results) {
    if (options.targets.length > 1 && result.failure) {
      logger.error(`${result.target.label}: ${result.failure}`, result.failedAt);
    }
    for (const problem of result.problems) logger.error(problem.message, problem);
  }
}

function setOutputs(
  context: RunContext,
  results: TargetResult[],
  summary: RunSummary,
  options: MigrateOptions,
  run: { runId: string; durationMs: number },
): void {
  const applied = results.flatMap((r) =>
    r.applied.map((a) => ({
      name: a.migration.name,
      hash: a.migration.hash,
      'duration-ms': Math.round(a.durationMs),
      ...(options.targets.length > 1 ? { target: r.target.label } : {}),
    })),
  );
  context.setOutput('status', summary.status);
  context.setOutput('applied-count', summary.appliedCount);
  context.setOutput('pending-count', summary.pendingCount);
  context.setOutput('applied', applied);
  context.setOutput('duration-ms', run.durationMs);
  context.setOutput('run-id', run.runId);
  const { shard, shards } = options.sharding ?? { shard: 0, shards: 1 };
  context.setOutput(
    'result-json',
    writeShardResult(shardResult(results, shard, shards), context.env, (text) => context.logger.secrets.redact(text)),
  );
}

function createSinks(options: MigrateOptions, identity: RunIdentity, logger: Logger): TelemetrySink[] {
  const redact = (text: string): string => logger.secrets.redact(text);
  const sinks: TelemetrySink[] = [];
  if (options.loki) sinks.push(new LokiSink(options.loki, identity, redact));
  if (options.pagerduty) sinks.push(new PagerDutySink(options.pagerduty, identity, redact));
  if (options.otlp) sinks.push(new OtlpSink(options.otlp, identity, redact));
  return sinks;
}

/** The run's status is its worst target's: one failure fails the run, whatever the others did. */
export function overallStatus(results: TargetResult[], dryRun: boolean): RunStatus {
  const has = (status: RunStatus) => results.some((r) => r.status === status);
  if (has('failed')) return 'failed';
  if (has('cancelled')) return 'cancelled';
  if (has('timed-out')) return 'timed-out';
  if (dryRun) return 'dry-run';
  if (has('applied')) return 'applied';
  return 'up-to-date';
}

function printPlan(results: TargetResult[], logger: Logger): void {
  const printed = new Set<string>();
  for (const result of results) {
    if (result.failure) continue;
    const names = result.plan.map((m) => m.name);
    logger.info(
      `${result.target.label}: ${names.length === 0 ? 'nothing to apply' : `would apply ${names.length}: ${names.join(', ')}`}`,
    );
    for (const batch of result.batches) {
      for (const migration of batch.migrations) {
        if (printed.has(migration.name)) continue;
        printed.add(migration.name);
        const how = batch.transactional ? '' : ' (outside a transaction)';
        logger.info(`-- ${migration.file}${how}\n${migration.sql}`);
      }
    }
  }
}
