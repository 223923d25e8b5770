// The ledger is verified against the files before anything changes: an edited or vanished applied migration, or a
// pending migration older than the newest applied one, fails the run with nothing applied.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresAvailable, withClient, type TestDatabase } from '../support/postgres.js';
import { COMMENTS, journalFixture, POSTS, USERS, type Fixture } from './fixtures.js';
import { ledgerRows, runMigrate, tables } from './helpers.js';

const available = await postgresAvailable();
const cleanup: (TestDatabase | Fixture)[] = [];
afterAll(async () => {
  for (const item of cleanup) await ('drop' in item ? item.drop() : item.remove());
});

async function appliedBase(): Promise<{ fixture: Fixture; db: TestDatabase }> {
  const fixture = journalFixture([USERS, POSTS]);
  const db = await createTestDatabase('verify');
  cleanup.push(fixture, db);
  const run = await runMigrate(fixture.root, { 'database-url': db.url });
  expect(run.outputs.status, run.logs).toBe('applied');
  fixture.add([COMMENTS]);
  return { fixture, db };
}

describe.skipIf(!available)('verification before applying', () => {
  it('fails on an applied migration edited afterwards, applying nothing', async () => {
    const { fixture, db } = await appliedBase();
    const file = join(fixture.dir, `${fixture.names[1]}.sql`);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n-- edited`);
    const before = await ledgerRows(db.url);
    const run = await runMigrate(fixture.root, { 'database-url': db.url });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('failed');
    expect(run.logs).toContain(`applied migration ${fixture.names[1]} was edited after it was applied`);
    expect(run.annotations.some((a) => a.level === 'error' && a.file === `drizzle/${fixture.names[1]}.sql`)).toBe(true);
    expect(await ledgerRows(db.url)).toEqual(before);
    expect(await tables(db.url)).not.toContain('public.comments');
  });

  it('fails on an applied migration whose file is gone, applying nothing', async () => {
    const { fixture, db } = await appliedBase();
    // Drop the first entry from the journal and its file, as a bad merge would.
    const journalPath = join(fixture.dir, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
    journal.entries = journal.entries.filter((e) => e.tag !== fixture.names[0]);
    writeFileSync(journalPath, JSON.stringify(journal));
    rmSync(join(fixture.dir, `${fixture.names[0]}.sql`));
    const before = await ledgerRows(db.url);
    const run = await runMigrate(fixture.root, { 'database-url': db.url });
    expect(run.outputs.status).toBe('failed');
    expect(run.logs).toMatch(/has no file in drizzle/);
    expect(await ledgerRows(db.url)).toEqual(before);
    expect(await tables(db.url)).not.toContain('public.comments');
  });

  it('fails on a pending migration older than the newest applied one unless out-of-order: apply', async () => {
    const fixture = journalFixture([USERS, POSTS, COMMENTS]);
    const db = await createTestDatabase('ooo');
    cleanup.push(fixture, db);
    // Record 0000 and 0002 as applied, leaving 0001 behind: what a late-merged branch produces.
    const tagOrder = fixture.names;
    const journal = JSON.parse(readFileSync(join(fixture.dir, 'meta', '_journal.json'), 'utf8')) as {
      entries: { tag: string; when: number }[];
    };
    await withClient(db.url, async (client) => {
      await client.query('CREATE SCHEMA drizzle');
      await client.query(
        'CREATE TABLE drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)',
      );
      // The schema as 0000 and 0002 left it (0002's ALTER of posts aside: posts comes with 0001).
      await client.query(USERS.sql.replace('--> statement-breakpoint', ''));
      await client.query('CREATE TABLE comments (id serial PRIMARY KEY, post_id integer NOT NULL, body text)');
      for (const index of [0, 2]) {
        const sql = readFileSync(join(fixture.dir, `${tagOrder[index]}.sql`), 'utf8');
        await client.query('INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ($1, $2)', [
          createHash('sha256').update(sql).digest('hex'),
          journal.entries[index]!.when,
        ]);
      }
    });
    const before = await ledgerRows(db.url);
    const refused = await runMigrate(fixture.root, { 'database-url': db.url });
    expect(refused.outputs.status).toBe('failed');
    expect(refused.logs).toContain(`pending migration ${tagOrder[1]} is older than ${tagOrder[2]}`);
    expect(await ledgerRows(db.url)).toEqual(before);

    const applied = await runMigrate(fixture.root, { 'database-url': db.url, 'out-of-order': 'apply' });
    expect(applied.outputs.status, applied.logs).toBe('applied');
    expect(JSON.parse(applied.outputs.applied!).map((a: { name: string }) => a.name)).toEqual([tagOrder[1]]);
    expect(await ledgerRows(db.url)).toHaveLength(3);
  });

  it('dry-run prints the plan and SQL and changes nothing, not even the ledger table', async () => {
    const fixture = journalFixture([USERS, POSTS]);
    const db = await createTestDatabase('dryrun');
    cleanup.push(fixture, db);
    const run = await runMigrate(fixture.root, { 'database-url': db.url, 'dry-run': 'true' });
    expect(run.exitCode, run.logs).toBe(0);
    expect(run.outputs.status).toBe('dry-run');
    expect(run.outputs['pending-count']).toBe('2');
    expect(run.outputs['applied-count']).toBe('0');
    expect(run.logs).toContain(`would apply 2: ${fixture.names.join(', ')}`);
    expect(run.logs).toContain('CREATE UNIQUE INDEX "users_email_idx"');
    expect(run.summary).toContain('CREATE TABLE "posts"');
    expect(await tables(db.url)).toEqual([]);
    await withClient(db.url, async (client) => {
      const schemas = await client.query("SELECT 1 FROM pg_namespace WHERE nspname = 'drizzle'");
      expect(schemas.rows).toHaveLength(0);
    });
  });
});

describe.skipIf(!available)('bad input', () => {
  it('fails with one line naming the input and the fix, before touching the database', async () => {
    const fixture = journalFixture([USERS]);
    const db = await createTestDatabase('badinput');
    cleanup.push(fixture, db);
    const cases: [Record<string, string>, string][] = [
      [{ 'database-url': db.url, transaction: 'some' }, 'input "transaction" must be one of all, each, not "some"'],
      [{ 'database-url': db.url, timeout: '5' }, 'input "timeout": "5" is not a duration'],
      [{}, 'input "database-url" is required'],
      [{ 'database-url': db.url, targets: db.url }, 'give either database-url or targets, not both'],
      [{ 'database-url': db.url, 'loki-url': 'loki.example.com' }, 'loki-url must be an http(s) URL'],
    ];
    for (const [inputs, message] of cases) {
      const run = await runMigrate(fixture.root, inputs);
      expect(run.exitCode).toBe(1);
      const errors = run.annotations.filter((a) => a.level === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toContain(`migrate-with-telemetry: ${message}`);
    }
    expect(await ledgerRows(db.url)).toBeNull();
  });
});
