import { postgresErrorFields, type SqlClient } from '../lib/db/client';
import { lineOfPosition } from '../lib/migrations/chunks';
import { MigrationFailedError } from '../lib/migrations/apply';
import { ensureLedger, ledgerInsert, type LedgerLocation } from '../lib/migrations/ledger';
import type { Layout, Migration } from '../lib/migrations/model';
import { preciseNow } from '../lib/telemetry/events';
import type { CircuitBreaker } from './breaker';

export type TransactionMode = 'all' | 'each';

export interface AppliedMigrationTiming {
  migration: Migration;
  startedAt: number;
  durationMs: number;
}

export interface ApplyPlan {
  client: SqlClient;
  ledger: LedgerLocation;
  layout: Layout;
  ledgerExists: boolean;
  migrations: Migration[];
  mode: TransactionMode;
  breaker: CircuitBreaker;
  /** Called once a migration and its ledger row are committed. */
  onApplied(timing: AppliedMigrationTiming): void;
}

/** A failure while applying, with what was committed before it and which migration it happened in. */
export class ApplyError extends Error {
  override readonly name = 'ApplyError';
  constructor(
    readonly reason: unknown,
    readonly migration: Migration | undefined,
    readonly startedAt: number,
    readonly committed: AppliedMigrationTiming[],
    /** True when the failing migration ran outside a transaction and may be partly applied. */
    readonly partial: boolean,
  ) {
    super(reason instanceof Error ? reason.message : String(reason));
  }
}

/**
 * Applies the plan. Each migration's ledger row is written in the same transaction as its SQL (and the ledger table
 * is created inside the first transaction), so a failure, a timeout or a killed process leaves the database and the
 * ledger as they were: either a migration and its row are both there, or neither is.
 */
export async function applyPlan(plan: ApplyPlan): Promise<AppliedMigrationTiming[]> {
  return plan.mode === 'all' ? applyAll(plan) : applyEach(plan);
}

async function applyAll(plan: ApplyPlan): Promise<AppliedMigrationTiming[]> {
  const done: AppliedMigrationTiming[] = [];
  let current: Migration | undefined;
  let startedAt = preciseNow();
  await statement(plan, 'BEGIN');
  try {
    if (!plan.ledgerExists) await guarded(plan, () => ensureLedger(plan.client, plan.ledger, plan.layout));
    for (const migration of plan.migrations) {
      current = migration;
      startedAt = preciseNow();
      await runChunks(plan, migration);
      await insertRow(plan, migration);
      done.push({ migration, startedAt, durationMs: preciseNow() - startedAt });
    }
    current = undefined;
    await statement(plan, 'COMMIT');
  } catch (error) {
    await plan.client.exec('ROLLBACK').catch(() => undefined);
    throw new ApplyError(error, current, startedAt, [], false);
  }
  // Only now are they applied: reported after COMMIT, never before.
  for (const timing of done) plan.onApplied(timing);
  return done;
}

async function applyEach(plan: ApplyPlan): Promise<AppliedMigrationTiming[]> {
  const done: AppliedMigrationTiming[] = [];
  let ledgerExists = plan.ledgerExists;
  for (const migration of plan.migrations) {
    const startedAt = preciseNow();
    const inTransaction = !migration.noTransaction;
    try {
      if (inTransaction) await statement(plan, 'BEGIN');
      if (!ledgerExists) await guarded(plan, () => ensureLedger(plan.client, plan.ledger, plan.layout));
      await runChunks(plan, migration);
      await insertRow(plan, migration);
      if (inTransaction) await statement(plan, 'COMMIT');
    } catch (error) {
      if (inTransaction) await plan.client.exec('ROLLBACK').catch(() => undefined);
      throw new ApplyError(error, migration, startedAt, done, !inTransaction);
    }
    ledgerExists = true;
    const timing = { migration, startedAt, durationMs: preciseNow() - startedAt };
    done.push(timing);
    plan.onApplied(timing);
  }
  return done;
}

async function runChunks(plan: ApplyPlan, migration: Migration): Promise<void> {
  for (const chunk of migration.chunks) {
    plan.breaker.check();
    try {
      await plan.client.exec(chunk.sql);
    } catch (error) {
      if (plan.breaker.tripped) throw plan.breaker.error();
      const fields = postgresErrorFields(error);
      const line = fields.position ? lineOfPosition(chunk, fields.position) : chunk.line;
      throw new MigrationFailedError(migration, line, fields);
    }
  }
}

async function insertRow(plan: ApplyPlan, migration: Migration): Promise<void> {
  const insert = ledgerInsert(plan.ledger, plan.layout, migration);
  await guarded(plan, () => plan.client.query(insert.sql, insert.params));
}

async function statement(plan: ApplyPlan, sql: string): Promise<void> {
  await guarded(plan, () => plan.client.exec(sql));
}

/** Runs one statement unless the breaker has tripped; a cancel it causes becomes the breaker's error. */
async function guarded<T>(plan: ApplyPlan, fn: () => Promise<T>): Promise<T> {
  plan.breaker.check();
  try {
    return await fn();
  } catch (error) {
    if (plan.breaker.tripped) throw plan.breaker.error();
    throw error;
  }
}
