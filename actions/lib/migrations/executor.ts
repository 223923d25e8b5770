import { postgresErrorFields, type PostgresErrorFields, type SqlClient } from '../db/client';
import { preciseNow } from '../time';
import { lineOfPosition } from './chunks';
import { ensureLedger, ledgerInsert, readLedger, type LedgerLocation } from './ledger';
import type { Chunk, Layout, Migration } from './model';

/**
 * How pending migrations are grouped into transactions; one project-level setting that schema-check and
 * migrate-with-telemetry read the same way, so a pull request that passes the check is one the deploy will run.
 * `all`: every pending migration and its ledger row in one transaction, as drizzle-orm's migrate() does.
 * `each`: one transaction per migration; a file marked `-- schema-actions:no-transaction` runs in autocommit.
 */
export type TransactionPolicy = 'all' | 'each';
export const TRANSACTION_POLICIES = ['all', 'each'] as const satisfies readonly TransactionPolicy[];

/** Migrations sent together: inside one BEGIN … COMMIT, or (one migration) statement by statement in autocommit. */
export interface Batch {
  transactional: boolean;
  migrations: Migration[];
}

/** Why a policy cannot run these migrations, and what the user can change. */
export interface Refusal {
  migration: Migration;
  message: string;
  fix: string;
}

export type Plan = { batches: Batch[]; refusal?: undefined } | { batches?: undefined; refusal: Refusal };

/** Pure: the batches `policy` runs `migrations` in, or the first migration it cannot run and why. */
export function plan(migrations: Migration[], policy: TransactionPolicy): Plan {
  if (policy === 'each') {
    return { batches: migrations.map((m) => ({ transactional: !m.noTransaction, migrations: [m] })) };
  }
  const outside = migrations.find((m) => m.noTransaction);
  if (outside) {
    return {
      refusal: {
        migration: outside,
        message: `${outside.name} must run outside a transaction (it starts with -- schema-actions:no-transaction), which transaction: all cannot do`,
        fix: 'set transaction: each on both schema-check and migrate-with-telemetry, or remove the marker from the file',
      },
    };
  }
  return { batches: migrations.length ? [{ transactional: true, migrations }] : [] };
}

/** How long one migration took, from its first statement to its ledger row (or its commit, for a lone batch). */
export interface MigrationTiming {
  migration: Migration;
  /** Epoch milliseconds, sub-millisecond precision. */
  startedAt: number;
  durationMs: number;
}

/** One statement chunk about to be sent, as the hooks see it. */
export interface StatementStep {
  migration: Migration;
  chunk: Chunk;
  /** Index of the chunk in the migration. */
  index: number;
  transactional: boolean;
}

export interface ExecuteHooks {
  /** Before every round trip (BEGIN, each chunk, ledger row, COMMIT); throwing stops the run (circuit breaker). */
  checkpoint?(): void;
  beforeStatement?(step: StatementStep): Promise<void> | void;
  afterStatement?(step: StatementStep, durationMs: number): Promise<void> | void;
  /**
   * A statement failed and its batch was rolled back (or, outside a transaction, stopped). Resolve true to run the
   * batch again (outside a transaction: from the failing chunk) after fixing the cause, e.g. creating a missing role.
   */
  recover?(step: StatementStep, error: MigrationFailedError): Promise<boolean>;
  /** A batch and its ledger rows are committed. */
  committed?(timings: MigrationTiming[]): void;
}

export interface LedgerTarget {
  location: LedgerLocation;
  layout: Layout;
  /** False on a fresh database: the table is created inside the first batch, so a failure leaves nothing behind. */
  exists: boolean;
}

/** A migration PostgreSQL refused: where in the file, and PostgreSQL's own words. */
export class MigrationFailedError extends Error {
  override readonly name = 'MigrationFailedError';
  constructor(
    readonly migration: Migration,
    readonly line: number,
    readonly postgres: PostgresErrorFields,
    /** The chunk that was sent, to show the failing statement. */
    readonly chunk: Chunk,
  ) {
    const detail = postgres.detail ? ` (${postgres.detail})` : '';
    const hint = postgres.hint ? ` Hint: ${postgres.hint}` : '';
    super(`migration ${migration.name} failed at ${migration.file}:${line}: ${postgres.message}${detail}.${hint}`);
  }
}

export interface ExecuteFailure {
  /** A MigrationFailedError for a statement PostgreSQL refused; otherwise what stopped the run (time-out, lost connection). */
  error: unknown;
  migration?: Migration;
  startedAt: number;
  /** The failing migration ran outside a transaction: the chunks before the failing one stayed applied. */
  partial: boolean;
  /** Migrations of the failed batch that were rolled back (not recorded in the ledger). */
  rolledBack: Migration[];
}

export interface ExecuteResult {
  /** Every migration committed with its ledger row, in order, including those committed before a failure. */
  committed: MigrationTiming[];
  failure?: ExecuteFailure;
}

const MAX_RECOVERIES = 20;

/**
 * The one path by which migrations reach a database. Each migration's ledger row is written inside the same
 * transaction as its SQL (and the ledger table inside the first one), so a failure, a time-out or a killed process
 * leaves the database and the ledger agreeing: a migration and its row are both there, or neither is.
 */
export async function execute(
  client: SqlClient,
  ledger: LedgerTarget,
  batches: Batch[],
  hooks: ExecuteHooks = {},
): Promise<ExecuteResult> {
  const run = new Execution(client, { ...ledger }, hooks);
  for (const batch of batches) {
    const failure = await run.batch(batch);
    if (failure) return { committed: run.committed, failure };
  }
  return { committed: run.committed };
}

class Execution {
  readonly committed: MigrationTiming[] = [];

  constructor(
    private readonly client: SqlClient,
    private readonly ledger: LedgerTarget,
    private readonly hooks: ExecuteHooks,
  ) {}

  async batch(batch: Batch): Promise<ExecuteFailure | undefined> {
    let resumeAt = 0;
    for (let attempt = 0; ; attempt++) {
      const outcome = batch.transactional ? await this.inTransaction(batch) : await this.autocommit(batch, resumeAt);
      if (!outcome.failure) {
        this.committed.push(...outcome.timings);
        this.hooks.committed?.(outcome.timings);
        return undefined;
      }
      const { error, step } = outcome.failure;
      // A migration that ran COMMIT itself left the rest of the batch in autocommit: rerunning it would repeat
      // what is already committed, so it is not retried, and the ledger says what stayed.
      const escaped = batch.transactional && escapedBefore(batch, step);
      const retry =
        step && !escaped && error instanceof MigrationFailedError && attempt < MAX_RECOVERIES && this.hooks.recover
          ? await this.hooks.recover(step, error).catch(() => false)
          : false;
      if (retry) {
        resumeAt = batch.transactional ? 0 : (step?.index ?? 0);
        continue;
      }
      const kept = escaped ? await this.recorded(batch, outcome.timings) : [];
      if (kept.length) {
        this.committed.push(...kept);
        this.hooks.committed?.(kept);
      }
      const failed = step?.migration ?? outcome.failure.migration;
      return {
        error,
        migration: failed,
        startedAt: outcome.failure.startedAt,
        partial: !batch.transactional || escaped,
        rolledBack: batch.transactional
          ? batch.migrations.filter((m) => !kept.some((k) => k.migration === m) && !(escaped && m === failed))
          : [],
      };
    }
  }

  /** The batch's migrations whose ledger rows are in the database after a failure, as drizzle-orm left them. */
  private async recorded(batch: Batch, finished: MigrationTiming[]): Promise<MigrationTiming[]> {
    const rows = await readLedger(this.client, this.ledger.location).catch(() => undefined);
    if (!rows) return [];
    if (rows.exists) this.ledger.exists = true;
    const hashes = new Set(rows.rows.map((r) => r.hash));
    return finished.filter((t) => hashes.has(t.migration.hash) && batch.migrations.includes(t.migration));
  }

  private async inTransaction(batch: Batch): Promise<BatchOutcome> {
    const timings: MigrationTiming[] = [];
    const cursor: Cursor = { startedAt: preciseNow() };
    try {
      await this.send('BEGIN');
      if (!this.ledger.exists)
        await this.guard(() => ensureLedger(this.client, this.ledger.location, this.ledger.layout));
      for (const migration of batch.migrations) {
        timings.push(await this.migration(migration, true, 0, cursor));
      }
      cursor.migration = undefined;
      cursor.step = undefined;
      await this.send('COMMIT');
    } catch (error) {
      await this.client.exec('ROLLBACK').catch(() => undefined);
      return { timings, failure: { error, ...cursor } };
    }
    this.ledger.exists = true;
    return { timings };
  }

  private async autocommit(batch: Batch, resumeAt: number): Promise<BatchOutcome> {
    const [migration] = batch.migrations;
    if (!migration || batch.migrations.length !== 1) throw new Error('an autocommit batch holds exactly one migration');
    const cursor: Cursor = { startedAt: preciseNow(), migration };
    try {
      if (!this.ledger.exists) {
        await this.guard(() => ensureLedger(this.client, this.ledger.location, this.ledger.layout));
        this.ledger.exists = true;
      }
      return { timings: [await this.migration(migration, false, resumeAt, cursor)] };
    } catch (error) {
      return { timings: [], failure: { error, ...cursor } };
    }
  }

  private async migration(
    migration: Migration,
    transactional: boolean,
    fromChunk: number,
    cursor: Cursor,
  ): Promise<MigrationTiming> {
    const startedAt = preciseNow();
    Object.assign(cursor, { migration, startedAt });
    for (let index = fromChunk; index < migration.chunks.length; index++) {
      const step: StatementStep = { migration, chunk: migration.chunks[index]!, index, transactional };
      cursor.step = step;
      await this.statement(step);
    }
    cursor.step = undefined;
    const insert = ledgerInsert(this.ledger.location, this.ledger.layout, migration);
    await this.guard(() => this.client.query(insert.sql, insert.params));
    return { migration, startedAt, durationMs: preciseNow() - startedAt };
  }

  private async statement(step: StatementStep): Promise<void> {
    this.hooks.checkpoint?.();
    await this.hooks.beforeStatement?.(step);
    const started = preciseNow();
    try {
      await this.client.exec(step.chunk.sql);
    } catch (error) {
      const fields = postgresErrorFields(error);
      const line = fields.position ? lineOfPosition(step.chunk, fields.position) : step.chunk.line;
      throw new MigrationFailedError(step.migration, line, fields, step.chunk);
    }
    await this.hooks.afterStatement?.(step, preciseNow() - started);
  }

  private async send(sql: string): Promise<void> {
    await this.guard(() => this.client.exec(sql));
  }

  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    this.hooks.checkpoint?.();
    return fn();
  }
}

/**
 * Whether a statement that ends or starts a transaction (COMMIT, BEGIN, …) ran in the batch before the failing step,
 * e.g. a `COMMIT;` before a CREATE INDEX CONCURRENTLY. drizzle-orm sends such a file as it is: PostgreSQL commits
 * Drizzle's transaction there and runs what follows in autocommit (Drizzle's own COMMIT then only warns); so do we.
 */
function escapedBefore(batch: Batch, failing: StatementStep | undefined): boolean {
  for (const migration of batch.migrations) {
    for (const [index, chunk] of migration.chunks.entries()) {
      const isFailing = failing && failing.migration === migration && failing.index === index;
      if (isFailing) return false;
      if (controlsTransaction(chunk.sql)) return true;
    }
    if (failing?.migration === migration) return false;
  }
  // The failure came after every chunk (a ledger row, the final COMMIT).
  return batch.migrations.some((m) => m.chunks.some((c) => controlsTransaction(c.sql)));
}

const TRANSACTION_CONTROL = /(?:^|;)\s*(?:commit|end|begin|start\s+transaction|rollback|abort)\b/i;

/** A statement of the chunk, outside comments, strings and dollar-quoted bodies (DO $$ BEGIN … END $$), is one. */
export function controlsTransaction(sql: string): boolean {
  const bare = sql
    .replace(/\$([A-Za-z_][A-Za-z0-9_]*)?\$[\s\S]*?\$\1\$/g, "''")
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/--[^\n]*/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '');
  return bare.split(';').some((statement) => TRANSACTION_CONTROL.test(statement.trim()));
}

interface Cursor {
  startedAt: number;
  migration?: Migration;
  step?: StatementStep;
}

interface BatchOutcome {
  timings: MigrationTiming[];
  failure?: { error: unknown; startedAt: number; migration?: Migration; step?: StatementStep };
}

/**
 * Plans and executes in one call, throwing on a refusal or a failure: for building databases from migrations that
 * are known to apply (fixtures, benchmarks, the embedded base of a check).
 */
export async function applyMigrations(
  client: SqlClient,
  migrations: Migration[],
  ledger: LedgerTarget,
  policy: TransactionPolicy = 'all',
): Promise<MigrationTiming[]> {
  const planned = plan(migrations, policy);
  if (planned.refusal) throw new Error(`${planned.refusal.message}; ${planned.refusal.fix}`);
  const result = await execute(client, ledger, planned.batches);
  if (result.failure) throw result.failure.error;
  return result.committed;
}
