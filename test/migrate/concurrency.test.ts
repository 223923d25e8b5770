// Several deploys started at once against one database: the advisory lock lets exactly one apply each migration;
// the others wait for it, re-read the ledger and report up-to-date.
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresAvailable, withClient, type TestDatabase } from '../support/postgres.js';
import { COMMENTS, journalFixture, POSTS, USERS, type Fixture } from './fixtures.js';
import { ledgerRows, runMigrate } from './helpers.js';

const available = await postgresAvailable();
const cleanup: (TestDatabase | Fixture)[] = [];
afterAll(async () => {
  for (const item of cleanup) await ('drop' in item ? item.drop() : item.remove());
});

describe.skipIf(!available)('concurrent runs', () => {
  it('apply each migration exactly once across 6 processes; the others report up-to-date', async () => {
    // The slow first migration keeps the lock held long enough for every other process to queue behind it.
    const slowUsers = { name: USERS.name, sql: `SELECT pg_sleep(2);\n--> statement-breakpoint\n${USERS.sql}` };
    const fixture = journalFixture([slowUsers, POSTS, COMMENTS]);
    const db = await createTestDatabase('concurrent');
    cleanup.push(fixture, db);

    const runs = await Promise.all(
      Array.from({ length: 6 }, () => runMigrate(fixture.root, { 'database-url': db.url, 'lock-wait': '1m' })),
    );

    const statuses = runs.map((r) => r.outputs.status);
    expect(
      statuses.filter((s) => s === 'applied'),
      runs.map((r) => r.logs).join('\n----\n'),
    ).toHaveLength(1);
    expect(statuses.filter((s) => s === 'up-to-date')).toHaveLength(5);
    expect(runs.every((r) => r.exitCode === 0)).toBe(true);
    const winner = runs.find((r) => r.outputs.status === 'applied')!;
    expect(winner.outputs['applied-count']).toBe('3');
    for (const loser of runs.filter((r) => r !== winner)) expect(loser.outputs['applied-count']).toBe('0');
    // At least one of the others really waited on the lock rather than starting after the winner finished.
    expect(runs.some((r) => r.logs.includes('another migration run holds the lock'))).toBe(true);

    const rows = await ledgerRows(db.url);
    expect(rows).toHaveLength(3);
    expect(new Set(rows!.map((r) => r.hash)).size).toBe(3);
    await withClient(db.url, async (client) => {
      const count = await client.query('SELECT count(*)::int AS n FROM users');
      expect(count.rows[0].n).toBe(0);
    });
  });

  it('gives up after lock-wait while another run holds the lock, changing nothing', async () => {
    const fixture = journalFixture([USERS]);
    const db = await createTestDatabase('lockwait');
    cleanup.push(fixture, db);
    await withClient(db.url, async (holder) => {
      // Same key the action derives from the ledger table.
      await holder.query(
        "SELECT pg_advisory_lock(hashtextextended('schema-actions:migrate:drizzle.__drizzle_migrations', 0))",
      );
      const run = await runMigrate(fixture.root, { 'database-url': db.url, 'lock-wait': '1s' });
      expect(run.exitCode).toBe(1);
      expect(run.outputs.status).toBe('failed');
      expect(run.logs).toMatch(
        /another migration run \(backend \d+, [^)]*\) still held the lock on drizzle.__drizzle_migrations after 1.0s \(lock-wait\)/,
      );
    });
    expect(await ledgerRows(db.url)).toBeNull();
  });
});
