import { connectPostgres, type PostgresClient } from '../lib/db/postgres';
import { errorMessage } from '../lib/errors';
import type { Logger } from '../lib/logger';
import { MigrationFailedError } from '../lib/migrations/apply';
import { readLedger, type LedgerLocation } from '../lib/migrations/ledger';
import type { Migration, MigrationSet } from '../lib/migrations/model';
import { compareLedger, type LedgerProblem } from '../lib/migrations/verify';
import type { MigrationEvent, RunStatus } from '../lib/telemetry/events';
import { applyPlan, ApplyError, type AppliedMigrationTiming } from './apply';
import { CircuitBreaker, TimedOutError } from './breaker';
import { acquireMigrationLock, releaseMigrationLock } from './lock';
import type { MigrateOptions, Target } from './options';

export interface AppliedRecord {
  name: string;
  hash: string;
  durationMs: number;
}

export interface TargetResult {
  target: Target;
  status: RunStatus;
  applied: AppliedRecord[];
  /** Pending when this run looked (what it planned to apply). */
  plan: Migration[];
  /** Still pending after this run. */
  pendingAfter: number;
  problems: LedgerProblem[];
  failure?: string;
  /** Where a migration failed, for an annotation on its line. */
  failedAt?: { file: string; line?: number };
  notes: string[];
}

export interface TargetContext {
  set: MigrationSet;
  ledger: LedgerLocation;
  options: MigrateOptions;
  logger: Logger;
  onMigration(event: MigrationEvent): void;
}

/** Migrates one database: connect, lock, verify, apply. Never throws: every outcome is a result to report. */
export async function migrateTarget(target: Target, context: TargetContext): Promise<TargetResult> {
  const result: TargetResult = {
    target,
    status: 'failed',
    applied: [],
    plan: [],
    pendingAfter: 0,
    problems: [],
    notes: [],
  };
  let client: PostgresClient | undefined;
  let locked = false;
  try {
    client = await connectPostgres(target.url, {
      logger: context.logger,
      applicationName: 'schema-actions migrate',
      inputName: context.options.targets.length > 1 ? 'targets' : 'database-url',
    });
    await configureSession(client, context.options);
    if (!context.options.dryRun) {
      await acquireMigrationLock(
        client,
        context.ledger,
        context.options.lockWaitMs,
        context.options.lockTimeoutMs,
        context.logger,
      );
      locked = true;
    }
    // Read only now, under the lock: a run that held it before us may have applied everything already.
    await verifyAndApply(client, target, context, result);
  } catch (error) {
    result.status = 'failed';
    result.failure = errorMessage(error);
  } finally {
    if (client) {
      if (locked) await releaseMigrationLock(client, context.ledger).catch(() => undefined);
      await client.close();
    }
  }
  return result;
}

async function configureSession(client: PostgresClient, options: MigrateOptions): Promise<void> {
  await client.query("SELECT set_config('lock_timeout', $1, false)", [`${options.lockTimeoutMs}ms`]);
  if (options.statementTimeoutMs !== undefined) {
    await client.query("SELECT set_config('statement_timeout', $1, false)", [`${options.statementTimeoutMs}ms`]);
  }
}

async function verifyAndApply(
  client: PostgresClient,
  target: Target,
  context: TargetContext,
  result: TargetResult,
): Promise<void> {
  const { set, ledger, options, logger } = context;
  const rows = await readLedger(client, ledger);
  if (rows && set.layout === 'v1' && rows.length > 0 && rows.every((row) => row.name === null)) {
    const hasNameColumn = await client.query(
      `SELECT 1 FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 AND column_name = 'name'`,
      [ledger.schema, ledger.table],
    );
    if (hasNameColumn.length === 0) {
      result.failure = `${ledger.schema}.${ledger.table} has drizzle-orm 0.x's columns but ${set.displayDir} uses the 1.x folder layout; run drizzle-orm 1.x's migrate() (or drizzle-kit 1.x migrate) once to upgrade the ledger, then re-run`;
      return;
    }
  }
  const state = compareLedger(set, rows);
  result.plan = state.pending;
  result.pendingAfter = state.pending.length;
  const blocking = state.problems.filter((p) => !(p.kind === 'out-of-order' && options.outOfOrder === 'apply'));
  for (const problem of state.problems) {
    if (!blocking.includes(problem)) result.notes.push(`applying out of order as asked: ${problem.message}`);
  }
  result.problems = blocking;
  if (blocking.length > 0) {
    result.failure = `${blocking.length} problem(s) between the ledger and ${set.displayDir}; nothing was applied (${blocking.map((p) => `${p.kind} ${p.name}`).join(', ')})`;
    return;
  }
  if (state.pending.length === 0) {
    result.status = options.dryRun ? 'dry-run' : 'up-to-date';
    logger.info(`${target.label}: up to date (${state.applied.length} applied)`);
    return;
  }
  if (options.transaction === 'all') {
    const refused = state.pending.filter((m) => m.noTransaction);
    if (refused.length > 0) {
      result.failure = `${refused.map((m) => m.name).join(', ')} must run outside a transaction (-- schema-actions:no-transaction), which transaction: all cannot do; set transaction: each. Nothing was applied`;
      return;
    }
  }
  if (options.dryRun) {
    result.status = 'dry-run';
    return;
  }
  logger.info(`${target.label}: applying ${state.pending.length} migration(s) (transaction: ${options.transaction})`);
  const breaker = await CircuitBreaker.arm(target.url, client, options.timeoutMs, logger);
  const record = (timing: AppliedMigrationTiming): void => {
    result.applied.push({ name: timing.migration.name, hash: timing.migration.hash, durationMs: timing.durationMs });
    result.pendingAfter -= 1;
    logger.info(`${target.label}: applied ${timing.migration.name} in ${Math.round(timing.durationMs)} ms`);
    context.onMigration({
      target: options.targets.length > 1 ? target.label : undefined,
      name: timing.migration.name,
      hash: timing.migration.hash,
      startedAt: timing.startedAt,
      durationMs: timing.durationMs,
      outcome: 'applied',
    });
  };
  try {
    await applyPlan({
      client,
      ledger,
      layout: set.layout,
      ledgerExists: rows !== null,
      migrations: state.pending,
      mode: options.transaction,
      breaker,
      onApplied: record,
    });
    result.status = 'applied';
    if (breaker.tripped) result.notes.push('the timeout expired while committing; the commit completed first');
  } catch (error) {
    if (!(error instanceof ApplyError)) throw error;
    const timedOut = error.reason instanceof TimedOutError;
    result.status = timedOut ? 'timed-out' : 'failed';
    result.failure = error.message;
    if (error.reason instanceof MigrationFailedError) {
      result.failedAt = { file: error.reason.migration.file, line: error.reason.line };
    }
    if (error.partial && error.migration) {
      result.notes.push(
        `${error.migration.name} runs outside a transaction, so the statements before the failing one stayed applied and it is not recorded in the ledger; check the database (e.g. an INVALID index left by CREATE INDEX CONCURRENTLY) before re-running`,
      );
    }
    if (error.migration) {
      context.onMigration({
        target: options.targets.length > 1 ? target.label : undefined,
        name: error.migration.name,
        hash: error.migration.hash,
        startedAt: error.startedAt,
        durationMs: performance.timeOrigin + performance.now() - error.startedAt,
        outcome: timedOut ? 'timed-out' : 'failed',
        error: error.message,
      });
    }
  } finally {
    await breaker.disarm();
  }
}
