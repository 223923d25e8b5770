// A migration chunk holding several statements (no statement-breakpoint between them) must run on both databases
// the actions use. dokploy's 0089_noisy_sandman has one: it adds a column, fills it for existing rows, makes it NOT
// NULL and adds another column, all in one chunk. drizzle-orm's PGlite migrator sends chunks as prepared statements
// and fails on it; SqlClient.exec uses the simple protocol on both PGlite and pg.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'libpg-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlClient } from '../../actions/lib/db/client';
import { openEmbedded, type PGliteClient } from '../../actions/lib/db/pglite';
import { connectPostgres } from '../../actions/lib/db/postgres';
import { ConsoleLogger } from '../../actions/lib/logger';
import { applyMigrations, MigrationFailedError } from '../../actions/lib/migrations/executor';
import { loadMigrationFolder } from '../../actions/lib/migrations/folder';
import type { Migration } from '../../actions/lib/migrations/model';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../support/postgres';
import { CORPUS_DIR, EXAMPLE_BASIC, scratchCopy } from './fixtures';
import { existsSync } from 'node:fs';

const DOKPLOY = join(CORPUS_DIR, 'dokploy');
const hasDokploy = existsSync(DOKPLOY);
if (!hasDokploy) console.warn(`\n⚠️  ${DOKPLOY} not found: skipping the multi-statement chunk tests.\n`);
const available = await postgresAvailable();
const LEDGER = { schema: 'drizzle', table: '__drizzle_migrations' };
const TARGET = '0089_noisy_sandman';

function dokploy(): { before: Migration[]; target: Migration } {
  const set = loadMigrationFolder(DOKPLOY, DOKPLOY);
  const at = set.migrations.findIndex((m) => m.name === TARGET);
  return { before: set.migrations.slice(0, at), target: set.migrations[at]! };
}

/** Brings a database to just before the target, with one backup row the target's UPDATE has to fill. */
async function prepare(client: SqlClient, before: Migration[]): Promise<void> {
  await applyMigrations(client, before, { location: LEDGER, layout: 'journal', exists: false });
  // The row's foreign keys point at nothing; replica mode skips their checks, as a restore would.
  await client.exec(`SET session_replication_role = replica;
    INSERT INTO "backup" ("backupId", "schedule", "database", "prefix", "destinationId", "databaseType")
      VALUES ('b1', '0 0 * * *', 'app', 'daily', 'd1', 'postgres');
    SET session_replication_role = DEFAULT;`);
}

/** What the chunk's four statements leave behind: every one of them ran, in order. */
async function expectChunkApplied(client: SqlClient): Promise<void> {
  const columns = await client.query<{ column_name: string; is_nullable: string }>(
    `SELECT column_name, is_nullable FROM information_schema.columns
      WHERE table_name = 'backup' AND column_name IN ('appName', 'serviceName') ORDER BY column_name`,
  );
  expect(columns).toEqual([
    { column_name: 'appName', is_nullable: 'NO' },
    { column_name: 'serviceName', is_nullable: 'YES' },
  ]);
  const [row] = await client.query<{ appName: string }>(`SELECT "appName" FROM "backup" WHERE "backupId" = 'b1'`);
  expect(row!.appName).toMatch(/^backup-[a-z]+-[a-z-]+-[a-z]+-[0-9a-f]{6}$/);
}

/** A migration whose second chunk holds three statements, the last failing on line 7 of the file. */
function failingMigration(): { migration: Migration; remove: () => void } {
  const copy = scratchCopy(join(EXAMPLE_BASIC, 'drizzle'), 'failing');
  const sql = [
    'CREATE TABLE "a" ("id" integer);',
    '--> statement-breakpoint',
    'INSERT INTO "a" VALUES (1);',
    'INSERT INTO "a" VALUES (2);',
    '',
    'UPDATE "a"',
    '  SET "id" = (SELECT "id" FROM "missing_table");',
  ].join('\n');
  writeFileSync(join(copy.dir, '0000_init.sql'), sql);
  const set = loadMigrationFolder(copy.dir, copy.dir);
  return { migration: set.migrations[0]!, remove: copy.remove };
}

describe.skipIf(!hasDokploy)('the dokploy chunk with several statements', () => {
  it('really is one chunk of four statements', async () => {
    const { target } = dokploy();
    const chunk = target.chunks.find((c) => c.sql.includes('UPDATE "backup"'))!;
    expect(chunk.line).toBe(2);
    const statements = ((await parse(chunk.sql)).stmts ?? []).map((s) => Object.keys(s.stmt ?? {})[0]);
    expect(statements).toEqual(['AlterTableStmt', 'UpdateStmt', 'AlterTableStmt', 'AlterTableStmt']);
  });

  describe('on PGlite', () => {
    let db: PGliteClient;
    beforeAll(async () => {
      db = await openEmbedded();
    });
    afterAll(async () => {
      await db?.close();
    });

    it('runs through SqlClient.exec, where a prepared statement fails', async () => {
      const { before, target } = dokploy();
      await prepare(db, before);
      const chunk = target.chunks.find((c) => c.sql.includes('UPDATE "backup"'))!;
      await expect(db.query(chunk.sql)).rejects.toThrow(/cannot insert multiple commands into a prepared statement/);
      await applyMigrations(db, [target], { location: LEDGER, layout: 'journal', exists: false });
      await expectChunkApplied(db);
    });

    it('reports a failure inside such a chunk at its file line', async () => {
      const { migration, remove } = failingMigration();
      try {
        await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
        const error = await applyMigrations(db, [migration], {
          location: LEDGER,
          layout: 'journal',
          exists: false,
        }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(MigrationFailedError);
        expect((error as MigrationFailedError).line).toBe(7);
        expect((error as Error).message).toMatch(/0000_init\.sql:7: relation "missing_table" does not exist/);
      } finally {
        remove();
      }
    });
  });

  describe.skipIf(!available)('on PostgreSQL', () => {
    let database: TestDatabase;
    let client: SqlClient;
    beforeAll(async () => {
      database = await createTestDatabase('multi_statement');
      client = await connectPostgres(database.url, { logger: new ConsoleLogger(() => undefined) });
    });
    afterAll(async () => {
      await client?.close();
      await database?.drop();
    });

    it('runs through SqlClient.exec', async () => {
      const { before, target } = dokploy();
      await prepare(client, before);
      await applyMigrations(client, [target], { location: LEDGER, layout: 'journal', exists: false });
      await expectChunkApplied(client);
    });

    it('reports a failure inside such a chunk at its file line', async () => {
      const { migration, remove } = failingMigration();
      try {
        await client.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
        const error = await applyMigrations(client, [migration], {
          location: LEDGER,
          layout: 'journal',
          exists: false,
        }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(MigrationFailedError);
        expect((error as MigrationFailedError).line).toBe(7);
        expect((error as Error).message).toMatch(/0000_init\.sql:7: relation "missing_table" does not exist/);
      } finally {
        remove();
      }
    });
  });
});
