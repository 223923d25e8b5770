import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { createRoles, migrationScope, rolesMentioned } from '../../actions/lib/catalog';
import type { IntrospectOptions } from '../../actions/lib/catalog';
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

/**
 * Applies a folder's migrations the way drizzle-orm's migrate() does (one transaction, Drizzle's ledger rows), after
 * creating the roles they grant to: on a real server those exist before any migration runs.
 */
export async function migrate(url: string, set: MigrationSet): Promise<void> {
  const roles = rolesMentioned(set.migrations.map((m) => m.sql));
  await withPg(url, async (client) => {
    // Roles are cluster-wide and other test files create the same ones: a lost race is a second try.
    await createRoles(client, roles).catch(() => createRoles(client, roles));
    await applyMigrations(client, set.migrations, { location: LEDGER, layout: set.layout, exists: false });
  });
}

/** What drift-check reads for these migrations: everything but the ledger, and the roles and pins they mention. */
export function introspectOptions(set: MigrationSet): IntrospectOptions {
  return { excludeTables: [`${LEDGER.schema}.${LEDGER.table}`], ...migrationScope(set.migrations.map((m) => m.sql)) };
}

/** The shared corpus of real projects' migrations (../shared/corpus from the main checkout), if present. */
export function corpusDir(): string | undefined {
  for (let dir = import.meta.dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'corpus');
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

export function corpusFolders(): string[] {
  const dir = corpusDir();
  if (!dir) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
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
