import { connectPostgres, type PostgresClient } from '../lib/db/postgres';
import { CancelledError, cancellation, errorMessage } from '../lib/errors';
import type { Logger } from '../lib/logger';
import {
  execute,
  MigrationFailedError,
  plan,
  type Batch,
  type ExecuteFailure,
  type MigrationTiming,
} from '../lib/migrations/executor';
import { readLedger, type Ledger, type LedgerLocation } from '../lib/migrations/ledger';
import type { Migration, MigrationSet } from '../lib/migrations/model';
import { compareLedger, type LedgerProblem } from '../lib/migrations/verify';
import type { MigrationEvent, RunStatus } from '../lib/telemetry/events';
import { preciseNow } from '../lib/time';
import { CircuitBreaker, TimedOutError } from './breaker';
import { acquireMigrationLock, releaseMigrationLock } from './lock';
import type { MigrateOptions, Target } from './options';

export interface TargetResult {
  target: Target;
  status: RunStatus;
  applied: MigrationTiming[];
  /** Pending when this run looked (what it planned to apply). */
  plan: Migration[];
  /** How the plan runs under the transaction policy (empty when nothing is pending or it was refused). */
  batches: Batch[];
  /** Still pending after this run. */
  pendingAfter: number;
  problems: LedgerProblem[];
  failure?: string;
  /** Where a migration failed, for an annotation on its line. */
  failedAt?: { file: string; line?: number };
  /** The executor's account of a failed batch: what was rolled back, the failing statement. */
  executeFailure?: ExecuteFailure;
  notes: string[];
}

export interface TargetContext {
  set: MigrationSet;
  ledger: LedgerLocation;
  options: MigrateOptions;
  logger: Logger;
  /** The job's cancellation: stops the running statement, rolls back and releases the lock. */
  signal: AbortSignal;
  onMigration(event: MigrationEvent): void;
}

/** Migrates one database: connect, lock, verify, plan, apply. Never throws: every outcome is a result to report. */
export async function migrateTarget(target: Target, context: TargetContext): Promise<TargetResult> {
  const result: TargetResult = {
    target,
    status: 'failed',
    applied: [],
    plan: [],
    batches: [],
    pendingAfter: 0,
    problems: [],
    notes: [],
  };
  try {
    if (context.signal.aborted) throw cancellation(context.signal);
    await withTargetSession(target, context, async (client, breaker) => {
      // Read only now, under the lock: a run that held it before us may have applied everything already.
      const ledger = await readLedger(client, context.ledger);
      breaker.check();
      const batches = inspect(ledger, context, result);
      if (batches) await apply(client, breaker, { batches, ledgerExists: ledger.exists }, context, result);
    });
  } catch (error) {
    // A cancel during connect or the lock wait surfaces as PostgreSQL's "canceling statement" error.
    const cancelled = context.signal.aborted;
    result.status = cancelled ? 'cancelled' : 'failed';
    result.failure = cancelled ? cancelledMessage(context.signal) : errorMessage(error);
  }
  return result;
}

function cancelledMessage(signal: AbortSignal): string {
  return `${cancellation(signal).message}: nothing more was applied, the running transaction was rolled back and the lock released`;
}

/** Connects, configures the session and (unless this is a dry run) holds the migration lock while `fn` runs. */
async function withTargetSession(
  target: Target,
  context: TargetContext,
  fn: (client: PostgresClient, breaker: CircuitBreaker) => Promise<void>,
): Promise<void> {
  const { options, logger, ledger } = context;
  const client = await connectPostgres(target.url, {
    logger,
    applicationName: 'schema-actions migrate',
    inputName: options.targets.length > 1 ? 'targets' : 'database-url',
  });
  let locked = false;
  let breaker: CircuitBreaker | undefined;
  try {
    breaker = await CircuitBreaker.arm(target.url, client, logger, context.signal);
    await client.query("SELECT set_config('lock_timeout', $1, false)", [`${options.lockTimeoutMs}ms`]);
    if (options.statementTimeoutMs !== undefined) {
      await client.query("SELECT set_config('statement_timeout', $1, false)", [`${options.statementTimeoutMs}ms`]);
    }
    if (!options.dryRun) {
      await acquireMigrationLock(client, ledger, options.lockWaitMs, options.lockTimeoutMs, logger);
      locked = true;
    }
    await fn(client, breaker);
  } finally {
    if (locked) await releaseMigrationLock(client, ledger).catch(() => undefined);
    await breaker?.disarm();
    await client.close();
  }
}

/**
 * Verifies the ledger against the files and plans what is pending. Returns the batches to execute, or undefined
 * when there is nothing to do (up to date, dry run) or the run must stop (a ledger problem, a refused plan).
 */
function inspect(ledger: Ledger, context: TargetContext, result: TargetResult): Batch[] | undefined {
  const { set, options, logger } = context;
  if (set.layout === 'v1' && ledger.rows.length > 0 && !ledger.hasNameColumn) {
    result.failure = `${context.ledger.schema}.${context.ledger.table} has drizzle-orm 0.x's columns but ${set.displayDir} uses the 1.x folder layout; run drizzle-orm 1.x's migrate() (or drizzle-kit 1.x migrate) once to upgrade the ledger, then re-run`;
    return undefined;
  }
  const state = compareLedger(set, ledger.rows);
  result.plan = state.pending;
  result.pendingAfter = state.pending.length;
  const tolerated = (p: LedgerProblem) => p.kind === 'out-of-order' && options.outOfOrder === 'apply';
  for (const problem of state.problems.filter(tolerated)) {
    result.notes.push(`applying out of order as asked: ${problem.message}`);
  }
  result.problems = state.problems.filter((p) => !tolerated(p));
  if (result.problems.length > 0) {
    result.failure = `${result.problems.length} problem(s) between the ledger and ${set.displayDir}; nothing was applied (${result.problems.map((p) => `${p.kind} ${p.name}`).join(', ')})`;
    return undefined;
  }
  if (state.pending.length === 0) {
    result.status = options.dryRun ? 'dry-run' : 'up-to-date';
    logger.info(`${result.target.label}: up to date (${state.applied.length} applied)`);
    return undefined;
  }
  const planned = plan(state.pending, options.transaction);
  if (planned.refusal) {
    result.failure = `${planned.refusal.message}; ${planned.refusal.fix}. Nothing was applied`;
    result.failedAt = { file: planned.refusal.migration.file, line: 1 };
    return undefined;
  }
  result.batches = planned.batches;
  if (options.dryRun) {
    result.status = 'dry-run';
    return undefined;
  }
  return planned.batches;
}

/** Executes the batches under the circuit breaker, reporting each migration once it is committed. */
async function apply(
  client: PostgresClient,
  breaker: CircuitBreaker,
  work: { batches: Batch[]; ledgerExists: boolean },
  context: TargetContext,
  result: TargetResult,
): Promise<void> {
  const { options, logger } = context;
  const { target } = result;
  const label = options.targets.length > 1 ? target.label : undefined;
  logger.info(`${target.label}: applying ${result.plan.length} migration(s) (transaction: ${options.transaction})`);
  breaker.startClock(options.timeoutMs);
  const outcome = await execute(
    client,
    { location: context.ledger, layout: context.set.layout, exists: work.ledgerExists },
    work.batches,
    {
      checkpoint: () => breaker.check(),
      // Only now are they applied: reported after COMMIT, never before.
      committed: (timings) => {
        for (const timing of timings) {
          result.applied.push(timing);
          result.pendingAfter -= 1;
          logger.info(`${target.label}: applied ${timing.migration.name} in ${Math.round(timing.durationMs)} ms`);
          context.onMigration({
            target: label,
            ...migrationEvent(timing.migration),
            startedAt: timing.startedAt,
            durationMs: timing.durationMs,
            outcome: 'applied',
          });
        }
      },
    },
  );
  const stopped = breaker.error();
  if (outcome.failure) {
    recordFailure(stopped ? { ...outcome.failure, error: stopped } : outcome.failure, context, result);
  } else {
    result.status = 'applied';
    if (stopped) result.notes.push(`${stopped.message.split(':')[0]} while committing; the commit completed first`);
  }
}

function recordFailure(failure: ExecuteFailure, context: TargetContext, result: TargetResult): void {
  const timedOut = failure.error instanceof TimedOutError;
  const cancelled = failure.error instanceof CancelledError;
  result.status = timedOut ? 'timed-out' : cancelled ? 'cancelled' : 'failed';
  result.failure = cancelled ? cancelledMessage(context.signal) : errorMessage(failure.error);
  result.executeFailure = failure;
  if (failure.error instanceof MigrationFailedError) {
    result.failedAt = { file: failure.error.migration.file, line: failure.error.line };
  }
  if (failure.partial && failure.migration) {
    result.notes.push(
      `${failure.migration.name} runs outside a transaction, so the statements before the failing one stayed applied and it is not recorded in the ledger; check the database (e.g. an INVALID index left by CREATE INDEX CONCURRENTLY) before re-running`,
    );
  }
  if (failure.migration) {
    context.onMigration({
      target: context.options.targets.length > 1 ? result.target.label : undefined,
      ...migrationEvent(failure.migration),
      startedAt: failure.startedAt,
      durationMs: preciseNow() - failure.startedAt,
      outcome: timedOut ? 'timed-out' : cancelled ? 'cancelled' : 'failed',
      error: result.failure,
    });
  }
}

function migrationEvent(migration: Migration): Pick<MigrationEvent, 'name' | 'hash'> {
  return { name: migration.name, hash: migration.hash };
}
