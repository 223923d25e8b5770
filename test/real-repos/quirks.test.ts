// The quirks table (actions/schema-check/integrity.ts, also in the README) says what drizzle-orm 0.x and 1.x do with
// each journal or folder quirk. Here each shape goes through the real migrators on real PostgreSQL, so the table
// cannot claim what Drizzle does not do; and each shape is detected under the code the table names.
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzleV1 } from 'drizzle-orm-v1/node-postgres';
import { migrate as migrateV1 } from 'drizzle-orm-v1/node-postgres/migrator';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMigrationFolder } from '../../actions/lib/migrations/folder';
import { FOLDER_QUIRKS, integrityFindings } from '../../actions/schema-check/integrity';
import { createTestDatabase, postgresAvailable, withClient, type TestDatabase } from '../support/postgres.js';
import { journalFolder, minutes, removeTemps, table, v1Folder, writeTemp, type Entry } from './shapes.js';

const available = await postgresAvailable();
const databases: TestDatabase[] = [];
afterAll(async () => {
  await Promise.all(databases.map((db) => db.drop()));
  removeTemps();
});

async function database(): Promise<TestDatabase> {
  const db = await createTestDatabase('quirks');
  databases.push(db);
  return db;
}

async function drizzle0(url: string, folder: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await migrate(drizzle(client), { migrationsFolder: folder });
  } finally {
    await client.end();
  }
}

async function drizzle1(url: string, folder: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await migrateV1(drizzleV1({ client }), { migrationsFolder: folder });
  } finally {
    await client.end();
  }
}

async function tablesOf(url: string): Promise<string[]> {
  return withClient(url, async (c) =>
    (
      await c.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)
    ).rows.map((r) => r.t),
  );
}

const codesOf = (dir: string) => loadMigrationFolder(dir, dir).problems.map((p) => p.code);
const quirk = (code: string) => FOLDER_QUIRKS.find((q) => q.code === code)!;

describe.skipIf(!available)('what drizzle-orm does with each journal quirk (0.x migrator, real PostgreSQL)', () => {
  it('journal-index-gap: idx is never read, every listed entry runs', async () => {
    const dir = writeTemp(
      journalFolder([
        { tag: '0000_a', when: minutes(1), sql: table('a') },
        { tag: '0002_c', when: minutes(3), sql: table('c'), idx: 2 },
        { tag: '0003_d', when: minutes(4), sql: table('d'), idx: 3 },
      ]),
    );
    expect(codesOf(dir)).toEqual(['journal-index-gap']);
    const db = await database();
    await drizzle0(db.url, dir);
    expect(await tablesOf(db.url)).toEqual(['a', 'c', 'd']);
    expect(quirk('journal-index-gap').drizzle0).toContain('never reads `idx`');
  });

  it('journal-when-not-increasing: runs on a fresh database; skipped for good where the later entry is applied', async () => {
    const entries: Entry[] = [
      { tag: '0000_a', when: minutes(1), sql: table('a') },
      { tag: '0001_b', when: minutes(5), sql: table('b') },
      { tag: '0002_c', when: minutes(3), sql: table('c') },
    ];
    const dir = writeTemp(journalFolder(entries));
    expect(codesOf(dir)).toEqual(['journal-when-not-increasing']);
    const fresh = await database();
    await drizzle0(fresh.url, dir);
    expect(await tablesOf(fresh.url)).toEqual(['a', 'b', 'c']);

    const deployed = await database();
    const before = writeTemp(journalFolder(entries.slice(0, 2)));
    await drizzle0(deployed.url, before);
    await drizzle0(deployed.url, dir);
    expect(await tablesOf(deployed.url)).toEqual(['a', 'b']);
  });

  it('duplicate-migration-number: both migrations run', async () => {
    const dir = writeTemp(
      journalFolder([
        { tag: '0000_a', when: minutes(1), sql: table('a') },
        { tag: '0001_b', when: minutes(2), sql: table('b') },
        { tag: '0001_c', when: minutes(3), sql: table('c') },
      ]),
    );
    expect(codesOf(dir)).toContain('duplicate-migration-number');
    const db = await database();
    await drizzle0(db.url, dir);
    expect(await tablesOf(db.url)).toEqual(['a', 'b', 'c']);
  });

  it('sql-file-not-in-journal: never runs', async () => {
    const dir = writeTemp(
      journalFolder([{ tag: '0000_a', when: minutes(1), sql: table('a') }], { '0001_forgotten.sql': table('b') }),
    );
    expect(codesOf(dir)).toEqual(['sql-file-not-in-journal']);
    const db = await database();
    await drizzle0(db.url, dir);
    expect(await tablesOf(db.url)).toEqual(['a']);
  });

  it('snapshots are never read: an unreadable or colliding snapshot changes nothing', async () => {
    const snapshot = JSON.stringify({ id: 'same', prevId: '00000000-0000-0000-0000-000000000000' });
    const dir = writeTemp(
      journalFolder([{ tag: '0000_a', when: minutes(1), sql: table('a') }], {
        'meta/0000_snapshot.json': snapshot,
        'meta/0001_snapshot.json': snapshot,
        'meta/0002_snapshot.json': '{ not json',
      }),
    );
    expect(new Set(codesOf(dir))).toEqual(
      new Set(['snapshot-unreadable', 'snapshot-id-collision', 'snapshot-prevId-collision']),
    );
    const db = await database();
    await drizzle0(db.url, dir);
    expect(await tablesOf(db.url)).toEqual(['a']);
  });

  it('drizzle-orm 1.x refuses a journal folder until drizzle-kit up converts it', async () => {
    const dir = writeTemp(journalFolder([{ tag: '0000_a', when: minutes(1), sql: table('a') }]));
    const db = await database();
    await expect(drizzle1(db.url, dir)).rejects.toThrow(/drizzle-kit up/);
    expect(quirk('journal-index-gap').drizzle1).toContain('drizzle-kit up');
  });
});

describe.skipIf(!available)('what drizzle-orm 1.x does with each folder quirk (real PostgreSQL)', () => {
  it('migration-folder-without-sql: skipped; duplicate-migration-number: both run in folder-name order', async () => {
    const dir = writeTemp(
      v1Folder([
        { name: '20240101000000_a', sql: table('a') },
        { name: '20240102000000_b', sql: table('b') },
        { name: '20240102000000_c', sql: table('c') },
        { name: '20240103000000_empty' },
      ]),
    );
    expect(new Set(codesOf(dir))).toEqual(new Set(['duplicate-migration-number', 'migration-folder-without-sql']));
    const db = await database();
    await drizzle1(db.url, dir);
    expect(await tablesOf(db.url)).toEqual(['a', 'b', 'c']);
  });
});

describe('judging the change, not the past', () => {
  /** A journal folder with hundreds of entries after a deleted one, when going backwards and an unlisted file. */
  function deployedHistory(extraEntries: Entry[] = []): string {
    const entries: Entry[] = [{ tag: '0000_a', when: minutes(1), sql: table('a') }];
    for (let i = 2; i < 272; i++) entries.push({ tag: `${String(i).padStart(4, '0')}_m`, when: minutes(i), sql: '' });
    entries.push({ tag: '0272_back', when: minutes(100), sql: table('back') });
    const numbered = [...entries, ...extraEntries].map((e, i) => ({ ...e, idx: i === 0 ? 0 : i + 1 }));
    return writeTemp(journalFolder(numbered, { '9999_orphan.sql': table('orphan') }));
  }

  it('reports what the base commit already has once per kind, as warnings, with a bounded list', () => {
    const base = loadMigrationFolder(deployedHistory(), '/');
    const findings = integrityFindings(base.problems, base.problems);
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['journal-index-gap', 'warning'],
      ['journal-when-not-increasing', 'warning'],
      ['sql-file-not-in-journal', 'warning'],
    ]);
    expect(findings[0]!.message).toContain('drizzle-orm never reads idx');
    expect(findings[1]!.message).toContain('this entry sorts before an applied one; Drizzle applied it because');
    expect(findings[2]!.message).toContain('this .sql file is not in the journal, so Drizzle never runs it');
  });

  it('fails for what the change adds, one finding per kind listing at most five entries', () => {
    const base = loadMigrationFolder(writeTemp(journalFolder([{ tag: '0000_a', when: minutes(1), sql: '' }])), '/');
    const entries: Entry[] = [{ tag: '0000_a', when: minutes(1), sql: '' }];
    for (let i = 1; i <= 8; i++)
      entries.push({ tag: `${String(i).padStart(4, '0')}_x`, when: minutes(1 - i), sql: '' });
    const head = loadMigrationFolder(writeTemp(journalFolder(entries)), '/');
    const findings = integrityFindings(head.problems, base.problems);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'journal-when-not-increasing', severity: 'error' });
    expect(findings[0]!.message).toMatch(/^8 problems of this kind/);
    expect(findings[0]!.message).toContain('and 3 more');
  });

  it('an entry appended after a deleted one adds nothing to the gap', () => {
    const folder = (n: number) =>
      journalFolder(
        [0, 2, 3, 4, 5, 6]
          .slice(0, n)
          .map((idx) => ({ tag: `${String(idx).padStart(4, '0')}_m`, when: minutes(idx), sql: '', idx })),
      );
    const base = loadMigrationFolder(writeTemp(folder(5)), '/');
    const head = loadMigrationFolder(writeTemp(folder(6)), '/');
    expect(head.problems.filter((p) => p.code === 'journal-index-gap')).toHaveLength(1);
    expect(integrityFindings(head.problems, base.problems).map((f) => f.severity)).toEqual(['warning']);
  });

  it('every code the folder readers produce is in the table', async () => {
    const sources = await Promise.all(
      ['journal', 'v1'].map(async (m) =>
        (await import('node:fs')).readFileSync(`actions/lib/migrations/${m}.ts`, 'utf8'),
      ),
    );
    const codes = new Set(
      sources
        .join('\n')
        .match(/code: '([a-z-A-Z]+)'/g)!
        .map((c) => c.slice(7, -1)),
    );
    expect([...codes].sort()).toEqual(FOLDER_QUIRKS.map((q) => q.code).sort());
  });
});
