import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { PostgresClient } from '../../actions/lib/db/postgres';
import { applyMigrations } from '../../actions/lib/migrations/executor';
import { loadMigrationFolder } from '../../actions/lib/migrations/folder';
import type { MigrationSet } from '../../actions/lib/migrations/model';

/** A Drizzle project whose migrations create one object of every kind drift-check compares. */
export const APP = resolve(import.meta.dirname, 'fixtures', 'app');
export const LEDGER = { schema: 'drizzle', table: '__drizzle_migrations' };

export function appMigrations(root = APP): MigrationSet {
  return loadMigrationFolder(join(root, 'drizzle'), root);
}

/** Applies a folder's migrations the way drizzle-orm's migrate() does (one transaction, Drizzle's ledger rows). */
export async function migrate(url: string, set: MigrationSet): Promise<void> {
  await withPg(url, (client) =>
    applyMigrations(client, set.migrations, { location: LEDGER, layout: set.layout, exists: false }),
  );
}

export async function withPg<T>(url: string, fn: (client: PostgresClient) => Promise<T>): Promise<T> {
  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  const client = new PostgresClient(raw);
  try {
    return await fn(client);
  } finally {
    await client.close();
  }
}

/** A copy of the fixture project that a test may edit. */
export function copyApp(): { root: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'drift-app-'));
  cpSync(APP, root, { recursive: true });
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
