import { quoteIdent, type SqlClient } from '../db/client';
import type { Layout, Migration } from './model';

export interface LedgerLocation {
  schema: string;
  table: string;
}

/** A row of Drizzle's `__drizzle_migrations`. drizzle-orm 0.x writes id, hash, created_at; 1.x adds name, applied_at. */
export interface LedgerRow {
  id: number;
  hash: string;
  createdAt: number | null;
  name: string | null;
  appliedAt: Date | null;
}

export function ledgerTable(location: LedgerLocation): string {
  return `${quoteIdent(location.schema)}.${quoteIdent(location.table)}`;
}

/** What reading the ledger learned: whether it exists, its shape, and its rows in id order. */
export interface Ledger {
  /** False on a fresh database: no migration was ever applied. */
  exists: boolean;
  /** drizzle-orm 1.x's `name` and `applied_at` columns are there (0.x's ledger has only id, hash, created_at). */
  hasNameColumn: boolean;
  rows: LedgerRow[];
}

export async function readLedger(client: SqlClient, location: LedgerLocation): Promise<Ledger> {
  const columns = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2`,
    [location.schema, location.table],
  );
  if (columns.length === 0) return { exists: false, hasNameColumn: false, rows: [] };
  const has = new Set(columns.map((c) => c.column_name));
  const rows = await client.query<{
    id: number;
    hash: string;
    created_at: string | null;
    name?: string | null;
    applied_at?: Date | null;
  }>(
    `SELECT id, hash, created_at${has.has('name') ? ', name' : ''}${has.has('applied_at') ? ', applied_at' : ''}
       FROM ${ledgerTable(location)} ORDER BY id`,
  );
  return {
    exists: true,
    hasNameColumn: has.has('name'),
    rows: rows.map((row) => ({
      id: Number(row.id),
      hash: row.hash,
      createdAt: row.created_at === null || row.created_at === undefined ? null : Number(row.created_at),
      name: row.name ?? null,
      appliedAt: row.applied_at ? new Date(row.applied_at) : null,
    })),
  };
}

/** Creates the ledger exactly as the drizzle-orm version that owns the layout would. */
export async function ensureLedger(client: SqlClient, location: LedgerLocation, layout: Layout): Promise<void> {
  await client.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(location.schema)}`);
  const v1Columns = layout === 'v1' ? `,\n  name text,\n  applied_at timestamp with time zone DEFAULT now()` : '';
  await client.exec(
    `CREATE TABLE IF NOT EXISTS ${ledgerTable(location)} (\n  id SERIAL PRIMARY KEY,\n  hash text NOT NULL,\n  created_at bigint${v1Columns}\n)`,
  );
}

/** The INSERT Drizzle runs after applying a migration, in the same transaction. */
export function ledgerInsert(
  location: LedgerLocation,
  layout: Layout,
  migration: Migration,
): { sql: string; params: unknown[] } {
  if (layout === 'v1') {
    return {
      sql: `INSERT INTO ${ledgerTable(location)} ("hash", "created_at", "name") VALUES ($1, $2, $3)`,
      params: [migration.hash, migration.createdAt, migration.name],
    };
  }
  return {
    sql: `INSERT INTO ${ledgerTable(location)} ("hash", "created_at") VALUES ($1, $2)`,
    params: [migration.hash, migration.createdAt],
  };
}
