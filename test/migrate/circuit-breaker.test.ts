// What keeps a production deploy from hanging or half-applying: the timeout circuit breaker, lock-timeout for table
// locks, and transactions that make a killed process harmless.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresAvailable, withClient, type TestDatabase } from '../support/postgres.js';
import { journalFixture, POSTS, USERS, type Fixture } from './fixtures.js';
import { ledgerRows, runMigrate, tables } from './helpers.js';

const available = await postgresAvailable();
const cleanup: (TestDatabase | Fixture)[] = [];
afterAll(async () => {
  for (const item of cleanup) await ('drop' in item ? item.drop() : item.remove());
});

async function setup(label: string, migrations = [USERS, POSTS]): Promise<{ fixture: Fixture; db: TestDatabase }> {
  const fixture = journalFixture(migrations);
  const db = await createTestDatabase(label);
  cleanup.push(fixture, db);
  return { fixture, db };
}

async function activeStatements(url: string, like: string): Promise<number> {
  return withClient(url, async (client) => {
    const rows = await client.query(
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query LIKE $1 AND pid <> pg_backend_pid()`,
      [like],
    );
    return rows.rows.length;
  });
}

async function waitFor(check: () => Promise<boolean>, what: string, limitMs = 20_000): Promise<void> {
  const until = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!available)('circuit breaker and locks', () => {
  it('timeout cancels the running statement, rolls everything back and reports timed-out', async () => {
    const sleepy = {
      name: 'slow_backfill',
      sql: 'CREATE TABLE "backfill" ("id" int);\n--> statement-breakpoint\nSELECT pg_sleep(30);',
    };
    const { fixture, db } = await setup('timeout', [USERS, sleepy]);
    const run = await runMigrate(fixture.root, { 'database-url': db.url, timeout: '2s' });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('timed-out');
    expect(run.logs).toContain('timed out after 2.0s (timeout): the running statement was cancelled');
    // Cancelled, not left running on the server.
    expect(await activeStatements(db.url, '%pg_sleep(30)%')).toBe(0);
    expect(await ledgerRows(db.url)).toBeNull();
    expect(await tables(db.url)).toEqual([]);
  });

  it('lock-timeout bounds the wait for a table lock held elsewhere', async () => {
    const { fixture, db } = await setup('locktimeout', [USERS]);
    const first = await runMigrate(fixture.root, { 'database-url': db.url });
    expect(first.outputs.status).toBe('applied');
    fixture.add([{ name: 'add_name', sql: 'ALTER TABLE "users" ADD COLUMN "name" text;' }]);
    await withClient(db.url, async (holder) => {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE users IN ACCESS SHARE MODE');
      const run = await runMigrate(fixture.root, { 'database-url': db.url, 'lock-timeout': '500ms', timeout: '1m' });
      await holder.query('ROLLBACK');
      expect(run.exitCode).toBe(1);
      expect(run.outputs.status).toBe('failed');
      expect(run.logs).toContain('canceling statement due to lock timeout');
      expect(run.annotations.some((a) => a.level === 'error' && a.file === `drizzle/${fixture.names[1]}.sql`)).toBe(
        true,
      );
    });
    expect(await ledgerRows(db.url)).toHaveLength(1);
    const retry = await runMigrate(fixture.root, { 'database-url': db.url });
    expect(retry.outputs.status).toBe('applied');
  });

  it('a process killed mid-migration leaves database and ledger unchanged; a re-run applies', async () => {
    const sleepy = {
      name: 'slow',
      sql: 'CREATE TABLE "slow" ("id" int);\n--> statement-breakpoint\nSELECT pg_sleep(2);',
    };
    const { fixture, db } = await setup('kill', [USERS, sleepy]);
    const child = spawn(process.execPath, [resolve('bin/schema-actions.js'), 'migrate', '--database-url', db.url], {
      cwd: fixture.root,
      stdio: 'ignore',
    });
    await waitFor(async () => (await activeStatements(db.url, '%pg_sleep(2)%')) > 0, 'the migration to reach pg_sleep');
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    // The orphaned backend finishes its statement, finds its client gone and rolls back.
    await waitFor(async () => (await activeStatements(db.url, '%pg_sleep(2)%')) === 0, 'the orphaned backend to end');
    expect(await ledgerRows(db.url)).toBeNull();
    expect(await tables(db.url)).toEqual([]);

    const rerun = await runMigrate(fixture.root, { 'database-url': db.url });
    expect(rerun.outputs.status, rerun.logs).toBe('applied');
    expect(await ledgerRows(db.url)).toHaveLength(2);
    expect(await tables(db.url)).toEqual(['drizzle.__drizzle_migrations', 'public.slow', 'public.users']);
  });
});

describe.skipIf(!available)('transactions', () => {
  const concurrently = {
    name: 'index_posts',
    sql: '-- schema-actions:no-transaction\nCREATE INDEX CONCURRENTLY "posts_user_idx" ON "posts" ("user_id");',
  };

  it('transaction: each applies a no-transaction CREATE INDEX CONCURRENTLY and records it', async () => {
    const { fixture, db } = await setup('each', [USERS, POSTS, concurrently]);
    const run = await runMigrate(fixture.root, { 'database-url': db.url, transaction: 'each' });
    expect(run.outputs.status, run.logs).toBe('applied');
    expect(run.outputs['applied-count']).toBe('3');
    const valid = await withClient(db.url, (c) =>
      c.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 'posts_user_idx'::regclass"),
    );
    expect(valid.rows[0].indisvalid).toBe(true);
    expect(await ledgerRows(db.url)).toHaveLength(3);
  });

  it('transaction: all refuses a no-transaction migration with an explanation, changing nothing', async () => {
    const { fixture, db } = await setup('allrefuse', [USERS, POSTS, concurrently]);
    const run = await runMigrate(fixture.root, { 'database-url': db.url });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('failed');
    expect(run.logs).toContain(`${fixture.names[2]} must run outside a transaction`);
    expect(run.logs).toContain('set transaction: each');
    expect(await ledgerRows(db.url)).toBeNull();
    expect(await tables(db.url)).toEqual([]);
  });

  it('transaction: each keeps the migrations committed before a failing one, with their ledger rows', async () => {
    const broken = {
      name: 'broken',
      sql: 'ALTER TABLE "users" ADD COLUMN "age" int;\n--> statement-breakpoint\nALTER TABLE "nope" ADD COLUMN "x" int;',
    };
    const { fixture, db } = await setup('eachfail', [USERS, POSTS, broken]);
    const run = await runMigrate(fixture.root, { 'database-url': db.url, transaction: 'each' });
    expect(run.outputs.status).toBe('failed');
    expect(run.outputs['applied-count']).toBe('2');
    expect(run.outputs['pending-count']).toBe('1');
    expect(run.logs).toContain(
      `migration ${fixture.names[2]} failed at drizzle/${fixture.names[2]}.sql:3: relation "nope" does not exist`,
    );
    expect(await ledgerRows(db.url)).toHaveLength(2);
    const columns = await withClient(db.url, (c) =>
      c.query("SELECT 1 FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'age'"),
    );
    expect(columns.rows).toHaveLength(0);
  });
});
