// A database migrated by drizzle-orm's migrate() continues with the action and vice versa, in both layouts, with
// exactly the ledger rows Drizzle writes. Uses the real drizzle-orm 0.x (journal layout) and 1.x (v1 layout).
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzleV1 } from 'drizzle-orm-v1/node-postgres';
import { migrate as migrateV1 } from 'drizzle-orm-v1/node-postgres/migrator';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../support/postgres.js';
import { COMMENTS, journalFixture, POSTS, USERS, v1Fixture, type Fixture } from './fixtures.js';
import { ledgerRows, runMigrate, tables } from './helpers.js';

const available = await postgresAvailable();
const databases: TestDatabase[] = [];
const fixtures: Fixture[] = [];
afterAll(async () => {
  await Promise.all(databases.map((db) => db.drop()));
  for (const f of fixtures) f.remove();
});

async function database(label: string): Promise<TestDatabase> {
  const db = await createTestDatabase(label);
  databases.push(db);
  return db;
}

async function drizzleMigrate(layout: 'journal' | 'v1', url: string, migrationsFolder: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (layout === 'journal') await migrate(drizzle(client), { migrationsFolder });
    else await migrateV1(drizzleV1({ client }), { migrationsFolder });
  } finally {
    await client.end();
  }
}

describe.skipIf(!available).each(['journal', 'v1'] as const)('Drizzle compatibility, %s layout', (layout) => {
  it('continues a database migrated by drizzle-orm and vice versa, writing the rows Drizzle writes', async () => {
    const fixture = (layout === 'journal' ? journalFixture : v1Fixture)([USERS, POSTS]);
    fixtures.push(fixture);
    const [byDrizzleFirst, byActionFirst, reference] = await Promise.all([
      database(`compat_${layout}_a`),
      database(`compat_${layout}_b`),
      database(`compat_${layout}_ref`),
    ]);

    await drizzleMigrate(layout, byDrizzleFirst.url, fixture.dir);
    const first = await runMigrate(fixture.root, { 'database-url': byActionFirst.url });
    expect(first.outputs.status, first.logs).toBe('applied');
    expect(JSON.parse(first.outputs.applied!).map((a: { name: string }) => a.name)).toEqual(fixture.names);
    expect(await ledgerRows(byActionFirst.url)).toEqual(await ledgerRows(byDrizzleFirst.url));

    fixture.add([COMMENTS]);
    const continued = await runMigrate(fixture.root, { 'database-url': byDrizzleFirst.url });
    expect(continued.outputs.status, continued.logs).toBe('applied');
    expect(JSON.parse(continued.outputs.applied!).map((a: { name: string }) => a.name)).toEqual([fixture.names[2]]);
    await drizzleMigrate(layout, byActionFirst.url, fixture.dir);
    await drizzleMigrate(layout, reference.url, fixture.dir);

    const expected = await ledgerRows(reference.url);
    expect(expected).toHaveLength(3);
    if (layout === 'v1') expect(expected!.map((r) => r.name)).toEqual(fixture.names);
    expect(await ledgerRows(byDrizzleFirst.url)).toEqual(expected);
    expect(await ledgerRows(byActionFirst.url)).toEqual(expected);
    expect(await tables(byDrizzleFirst.url)).toEqual(await tables(reference.url));
    expect(await tables(byActionFirst.url)).toEqual(await tables(reference.url));

    // Neither side re-applies what the other recorded.
    const again = await runMigrate(fixture.root, { 'database-url': reference.url });
    expect(again.outputs.status, again.logs).toBe('up-to-date');
    await drizzleMigrate(layout, byDrizzleFirst.url, fixture.dir);
    expect(await ledgerRows(byDrizzleFirst.url)).toEqual(expected);
  });
});

const CORPUS = '/work/shared/corpus/ai-chatbot';

describe.skipIf(!available || !existsSync(CORPUS))(
  'Drizzle compatibility on a real project (ai-chatbot corpus)',
  () => {
    it('writes the same ledger and schema as drizzle-orm migrate() for real migrations', async () => {
      const root = mkdtempSync(join(tmpdir(), 'migrate-corpus-'));
      fixtures.push({
        root,
        dir: '',
        names: [],
        add: () => undefined,
        remove: () => rmSync(root, { recursive: true }),
      });
      cpSync(CORPUS, join(root, 'drizzle'), { recursive: true });
      const [ours, theirs] = await Promise.all([database('corpus_ours'), database('corpus_theirs')]);
      const run = await runMigrate(root, { 'database-url': ours.url, transaction: 'each' });
      expect(run.outputs.status, run.logs).toBe('applied');
      expect(run.outputs['applied-count']).toBe('9');
      await drizzleMigrate('journal', theirs.url, join(root, 'drizzle'));
      expect(await ledgerRows(ours.url)).toEqual(await ledgerRows(theirs.url));
      expect(await tables(ours.url)).toEqual(await tables(theirs.url));
    });
  },
);

describe.skipIf(!available)('layout change without a ledger upgrade', () => {
  it('refuses a v1 folder against a drizzle-orm 0.x ledger instead of writing rows 1.x would not recognise', async () => {
    const journal = journalFixture([USERS]);
    const v1 = v1Fixture([USERS, POSTS]);
    fixtures.push(journal, v1);
    const db = await database('layout_change');
    await drizzleMigrate('journal', db.url, journal.dir);
    const before = await ledgerRows(db.url);
    const run = await runMigrate(v1.root, { 'database-url': db.url });
    expect(run.outputs.status).toBe('failed');
    expect(run.logs).toContain("has drizzle-orm 0.x's columns but drizzle uses the 1.x folder layout");
    expect(await ledgerRows(db.url)).toEqual(before);
  });
});
