import { randomUUID } from 'node:crypto';
import type { CommandResult, RunContext } from '../lib/command';
import type { Logger } from '../lib/logger';
import { mapWithLimit } from '../lib/concurrency';
import type { MigrationSet } from '../lib/migrations/model';
import { loadProjectFromInputs } from '../lib/project-inputs';
import { preciseNow, type RunIdentity, type RunStatus, type TelemetrySink } from '../lib/telemetry/events';
import { LokiSink } from '../lib/telemetry/loki';
import { OtlpSink } from '../lib/telemetry/otlp';
import { PagerDutySink } from '../lib/telemetry/pagerduty';
import { Telemetry } from '../lib/telemetry/telemetry';
import { readMigrateOptions, type MigrateOptions } from './options';
import { renderMigrateReport } from './report';
import { migrateTarget, type TargetResult } from './target';

export async function run(context: RunContext): Promise<CommandResult> {
  const { inputs, logger, github } = context;
  const started = preciseNow();
  const options = readMigrateOptions(inputs, logger);
  const project = await logger.group('Read migrations', async () => {
    const loaded = loadProjectFromInputs(inputs, context.baseDir);
    logger.info(`${loaded.set.migrations.length} migrations in ${loaded.set.displayDir} (${loaded.set.layout} layout)`);
    for (const problem of loaded.set.problems)
      logger.warning(problem.message, problem.file ? { file: problem.file, line: problem.line } : undefined);
    return loaded;
  });

  const runId = randomUUID();
  const identity: RunIdentity = {
    runId,
    environment: options.environment,
    repository: github.repository,
    service: github.repo || 'schema-actions',
    commit: github.sha,
    runUrl:
      github.runId && github.repository
        ? `${github.serverUrl}/${github.repository}/actions/runs/${github.runId}`
        : undefined,
    startedAt: started,
  };
  const telemetry = new Telemetry(createSinks(options, identity, logger));
  telemetry.start();

  const results = await logger.group(options.dryRun ? 'Plan (dry run)' : 'Apply migrations', async () => {
    const all = await mapWithLimit(options.targets, options.parallelism, (target) =>
      migrateTarget(target, {
        set: project.set,
        ledger: project.ledger,
        options,
        logger,
        onMigration: (event) => telemetry.migration(event),
      }),
    );
    if (options.dryRun) printPlan(all, logger);
    return all;
  });

  const status = overallStatus(results, options.dryRun);
  const applied = results.flatMap((r) =>
    r.applied.map((a) => ({
      name: a.name,
      hash: a.hash,
      'duration-ms': Math.round(a.durationMs),
      ...(options.targets.length > 1 ? { target: r.target.label } : {}),
    })),
  );
  const pendingCount = results.reduce((sum, r) => sum + r.pendingAfter, 0);
  const failures = results.filter((r) => r.failure);
  const failure = summariseFailures(failures, options.targets.length);

  const telemetryWarnings = await logger.group('Telemetry', async () => {
    telemetry.end({
      status,
      endedAt: preciseNow(),
      durationMs: preciseNow() - started,
      appliedCount: applied.length,
      pendingCount,
      failure,
    });
    const warnings = await telemetry.settle();
    for (const warning of warnings)
      logger.warning(`telemetry is best-effort and did not stop the migration: ${warning}`);
    if (telemetry.sinks.length === 0) logger.info('no telemetry configured');
    return warnings;
  });

  for (const result of failures) {
    const where = result.failedAt ? { file: result.failedAt.file, line: result.failedAt.line } : undefined;
    const prefix = options.targets.length > 1 ? `${result.target.label}: ` : '';
    logger.error(`${prefix}${result.failure ?? result.status}`, where);
    for (const problem of result.problems)
      logger.error(problem.message, problem.file ? { file: problem.file } : undefined);
  }

  const durationMs = Math.round(preciseNow() - started);
  context.setOutput('status', status);
  context.setOutput('applied-count', applied.length);
  context.setOutput('pending-count', pendingCount);
  context.setOutput('applied', applied);
  context.setOutput('duration-ms', durationMs);
  context.setOutput('run-id', runId);
  const markdown = renderMigrateReport({
    status,
    runId,
    durationMs,
    set: project.set,
    ledger: project.ledger,
    options,
    results,
    telemetryWarnings,
  });
  const published = await context.report.publish(logger.secrets.redact(markdown), { comment: false });
  context.setOutput('report', published.path);

  if (status === 'failed' || status === 'timed-out') return { failure: failure ?? status };
  return {};
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
  if (has('timed-out')) return 'timed-out';
  if (dryRun) return 'dry-run';
  if (has('applied')) return 'applied';
  return 'up-to-date';
}

function summariseFailures(failures: TargetResult[], targetCount: number): string | undefined {
  if (failures.length === 0) return undefined;
  if (targetCount === 1) return failures[0]!.failure;
  const first = failures[0]!;
  return `${failures.length} of ${targetCount} targets did not migrate; ${first.target.label}: ${first.failure}`;
}

function printPlan(results: TargetResult[], logger: Logger): void {
  const seen = new Set<MigrationSet['migrations'][number]>();
  for (const result of results) {
    if (result.failure) continue;
    const names = result.plan.map((m) => m.name);
    logger.info(
      `${result.target.label}: ${names.length === 0 ? 'nothing to apply' : `would apply ${names.length}: ${names.join(', ')}`}`,
    );
    for (const migration of result.plan) {
      if (seen.has(migration)) continue;
      seen.add(migration);
      logger.info(`-- ${migration.file}${migration.noTransaction ? ' (outside a transaction)' : ''}\n${migration.sql}`);
    }
  }
}
