import { postgresErrorFields, type PostgresErrorFields, type SqlClient } from '../db/client';
import { lineOfPosition } from './chunks';
import { ensureLedger, ledgerInsert, type LedgerLocation } from './ledger';
import type { Layout, Migration } from './model';

/** A migration PostgreSQL refused: where in the file, and PostgreSQL's own words. */
export class MigrationFailedError extends Error {
  override readonly name = 'MigrationFailedError';
  constructor(
    readonly migration: Migration,
    readonly line: number,
    readonly postgres: PostgresErrorFields,
  ) {
    const detail = postgres.detail ? ` (${postgres.detail})` : '';
    const hint = postgres.hint ? ` Hint: ${postgres.hint}` : '';
    super(`migration ${migration.name} failed at ${migration.file}:${line}: ${postgres.message}${detail}.${hint}`);
  }
}

/** Runs one migration's chunks in order; the caller owns the transaction. */
export async function runMigrationChunks(client: SqlClient, migration: Migration): Promise<void> {
  for (const chunk of migration.chunks) {
    try {
      await client.exec(chunk.sql);
    } catch (error) {
      const fields = postgresErrorFields(error);
      const line = fields.position ? lineOfPosition(chunk, fields.position) : chunk.line;
      throw new MigrationFailedError(migration, line, fields);
    }
  }
}

export interface AppliedTiming {
  migration: Migration;
  durationMs: number;
}

/**
 * Applies migrations and records them in the ledger in one transaction, as drizzle-orm's migrate() does: either all
 * of them and their ledger rows land, or none. Used to build embedded databases and test fixtures; the production
 * path with locks and time limits is migrate-with-telemetry's.
 */
export async function applyInOneTransaction(
  client: SqlClient,
  migrations: Migration[],
  location: LedgerLocation,
  layout: Layout,
): Promise<AppliedTiming[]> {
  await ensureLedger(client, location, layout);
  const timings: AppliedTiming[] = [];
  await client.exec('BEGIN');
  try {
    for (const migration of migrations) {
      const started = performance.now();
      await runMigrationChunks(client, migration);
      const insert = ledgerInsert(location, layout, migration);
      await client.query(insert.sql, insert.params);
      timings.push({ migration, durationMs: performance.now() - started });
    }
    await client.exec('COMMIT');
  } catch (error) {
    await client.exec('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return timings;
}
