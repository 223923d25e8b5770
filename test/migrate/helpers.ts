import { resolve } from 'node:path';
import { withClient } from '../support/postgres.js';
import { runAction, type ActionRun } from '../support/runner.js';

export const ACTION = resolve('migrate-with-telemetry');

/** Runs the built action (dist/) with a project folder as its workspace. */
export function runMigrate(cwd: string, inputs: Record<string, string>, timeoutMs = 60_000): Promise<ActionRun> {
  return runAction({ action: ACTION, cwd, inputs, timeoutMs });
}

export interface LedgerSnapshot {
  id: number;
  hash: string;
  created_at: string;
  name?: string | null;
  /** Only whether drizzle-orm 1.x's applied_at is set: the time itself differs between runs. */
  applied?: boolean;
}

/** Drizzle's ledger rows in id order, or null when there is no ledger table. */
export async function ledgerRows(
  url: string,
  schema = 'drizzle',
  table = '__drizzle_migrations',
): Promise<LedgerSnapshot[] | null> {
  return withClient(url, async (client) => {
    const columns = await client.query<{ column_name: string }>(
      'SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2',
      [schema, table],
    );
    if (columns.rows.length === 0) return null;
    const v1 = columns.rows.some((c) => c.column_name === 'name');
    const rows = await client.query<LedgerSnapshot>(
      `SELECT id, hash, created_at::text AS created_at${v1 ? ', name, applied_at IS NOT NULL AS applied' : ''}
         FROM "${schema}"."${table}" ORDER BY id`,
    );
    return rows.rows;
  });
}

export async function tables(url: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const rows = await client.query<{ name: string }>(
      `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
        WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
    );
    return rows.rows.map((r) => r.name);
  });
}

/** Adds a password to a test database URL: the server trusts local connections, so any password works. */
export function withPassword(url: string, password: string): string {
  const parsed = new URL(url);
  parsed.password = password;
  return parsed.toString();
}

/**
 * Everything a run leaves behind that a person or a system could read: the log (stdout and stderr without the
 * `::add-mask::` commands, which the runner consumes), outputs, summary and annotations.
 */
export function everything(run: ActionRun): string {
  return [run.logs, run.summary, JSON.stringify(run.outputs), JSON.stringify(run.annotations)].join('\n');
}
