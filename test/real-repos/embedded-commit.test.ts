// A migration that ends Drizzle's transaction itself (`COMMIT;` before a CREATE INDEX CONCURRENTLY, then carries on)
// runs as drizzle-orm's migrate() runs it, and after a failure the executor says exactly which migrations the ledger
// kept: checked against the real drizzle-orm on PostgreSQL, and on PGlite.
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbedded } from '../../actions/lib/db/pglite';
import { controlsTransaction, execute, plan } from '../../actions/lib/migrations/executor';
import { loadMigrationFolder } from '../../actions/lib/migrations/folder';
import { readLedger } from '../../actions/lib/migrations/ledger';
import { ledgerRows, runMigrate, tables } from '../migrate/helpers.js';
import { createTestDatabase, postgresAvailable, withClient, type TestDatabase } from '../support/postgres.js';
import { journalFolder, minutes, removeTemps, table, writeTemp, type Entry } from './shapes.js';

const available = await postgresAvailable();
const databases: TestDatabase[] = [];
afterAll(async () => {
  await Promise.all(databases.map((db) => db.drop()));
  removeTemps();
});

const BP = '\n--> statement-breakpoint\n';
export const EMBEDDED_COMMIT: Entry[] = [
  { tag: '0000_a', when: minutes(1), sql: table('a') },
  {
    tag: '0001_concurrent',
    when: minutes(2),
    sql: [
      'CREATE TABLE "b" ("id" serial PRIMARY KEY, "email" text);',
      'COMMIT;',
      'CREATE INDEX CONCURRENTLY "b_email" ON "b" ("email");',
      'CREATE TABLE "c" ("id" serial PRIMARY KEY);',
    ].join(BP),
  },
];
const FAILING: Entry = { tag: '0002_d', when: minutes(3), sql: [table('d'), 'SELECT 1 / 0;'].join(BP) };

/** A project folder (drizzle/ under a root) with these journal entries. */
function project(entries: Entry[]): { root: string; dir: string } {
  const files = Object.fromEntries(Object.entries(journalFolder(entries)).map(([p, t]) => [`drizzle/${p}`, t]));
  const root = writeTemp(files);
  return { root, dir: `${root}/drizzle` };
}

async function drizzleMigrate(url: string, folder: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await migrate(drizzle(client), { migrationsFolder: folder });
    return undefined;
  } catch (error) {
    return error;
  } finally {
    await client.end();
  }
}

async function database(): Promise<TestDatabase> {
  const db = await createTestDatabase('commit');
  databases.push(db);
  return db;
}

const validIndex = (url: string) =>
  withClient(url, async (c) =>
    (
      await c.query<{ v: boolean }>(
        `SELECT indisvalid AS v FROM pg_index WHERE indexrelid = 'public.b_email'::regclass`,
      )
    ).rows.map((r) => r.v),
  );

describe('transaction control inside a migration', () => {
  it('finds COMMIT, BEGIN and END statements, not the BEGIN and END of PL/pgSQL bodies', () => {
    expect(controlsTransaction('COMMIT;')).toBe(true);
    expect(controlsTransaction('CREATE TABLE x (id int);\nend;')).toBe(true);
    expect(controlsTransaction('-- note\nBEGIN;\nCREATE INDEX CONCURRENTLY i ON t (c);')).toBe(true);
    expect(
      controlsTransaction(
        'DO $$ BEGIN\n ALTER TABLE "a" ADD CONSTRAINT "f" FOREIGN KEY ("b") REFERENCES "b"("id");\nEXCEPTION\n WHEN duplicate_object THEN null;\nEND $$;',
      ),
    ).toBe(false);
    expect(
      controlsTransaction(
        'CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN NEW.x := 1; RETURN NEW; END; $fn$;',
      ),
    ).toBe(false);
    expect(controlsTransaction("INSERT INTO notes VALUES ('; commit; ');")).toBe(false);
    expect(controlsTransaction('-- COMMIT;\nSELECT 1;')).toBe(false);
  });

  describe.skipIf(!available)('on PostgreSQL, against drizzle-orm 0.x', () => {
    it('applies like drizzle-orm: the same tables, a valid concurrent index and the same ledger rows', async () => {
      const { root, dir } = project(EMBEDDED_COMMIT);
      const [byDrizzle, byAction] = await Promise.all([database(), database()]);
      expect(await drizzleMigrate(byDrizzle.url, dir)).toBeUndefined();
      const run = await runMigrate(root, { 'database-url': byAction.url });
      expect(run.outputs.status, run.logs).toBe('applied');
      expect(await ledgerRows(byAction.url)).toEqual(await ledgerRows(byDrizzle.url));
      expect(await tables(byAction.url)).toEqual(await tables(byDrizzle.url));
      expect(await validIndex(byAction.url)).toEqual([true]);
    });

    it('after a failure past the COMMIT, keeps and reports exactly what drizzle-orm keeps', async () => {
      const { root, dir } = project([...EMBEDDED_COMMIT, FAILING]);
      const [byDrizzle, byAction] = await Promise.all([database(), database()]);
      expect(String(await drizzleMigrate(byDrizzle.url, dir))).toMatch(/division by zero|Failed query/);
      const run = await runMigrate(root, { 'database-url': byAction.url });
      expect(run.outputs.status, run.logs).toBe('failed');
      const drizzleRows = await ledgerRows(byDrizzle.url);
      expect(drizzleRows).toHaveLength(2);
      expect(await ledgerRows(byAction.url)).toEqual(drizzleRows);
      // The statements after the COMMIT ran in autocommit: d exists although its migration failed.
      expect(await tables(byAction.url)).toEqual(await tables(byDrizzle.url));
      expect(await tables(byAction.url)).toContain('public.d');
      expect(JSON.parse(run.outputs.applied!).map((a: { name: string }) => a.name)).toEqual([
        '0000_a',
        '0001_concurrent',
      ]);
    });
  });

  it('on PGlite: the executor reports the migrations the ledger kept after the failure', async () => {
    const { root, dir } = project([...EMBEDDED_COMMIT, FAILING]);
    const set = loadMigrationFolder(dir, root);
    const client = await openEmbedded();
    try {
      const location = { schema: 'drizzle', table: '__drizzle_migrations' };
      const result = await execute(
        client,
        { location, layout: 'journal', exists: false },
        plan(set.migrations, 'all').batches!,
      );
      expect(result.failure?.migration?.name).toBe('0002_d');
      expect(result.failure?.partial).toBe(true);
      expect(result.failure?.rolledBack).toEqual([]);
      expect(result.committed.map((t) => t.migration.name)).toEqual(['0000_a', '0001_concurrent']);
      const ledger = await readLedger(client, location);
      expect(ledger.rows.map((r) => r.hash)).toEqual(result.committed.map((t) => t.migration.hash));
    } finally {
      await client.close();
    }
  });
});
