// Observed effects: while the new migrations apply, what PostgreSQL actually did to tables that existed before —
// locks from pg_locks, rewrites from relfilenode, scans — on PGlite and on a real PostgreSQL via database-url.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { sha256, splitChunks } from '../../actions/lib/migrations/chunks';
import { judgeWithEffects, type Effect } from '../../actions/schema-check/effects';
import type { Finding } from '../../actions/schema-check/findings';
import { lintMigrations } from '../../actions/schema-check/lint';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../support/postgres.js';
import { journalFiles, pullRequestRepo, removeFixtures, runCheck, type MigrationFile } from './fixture.js';

const pg = await postgresAvailable();

const CONFIG = { 'drizzle.config.ts': "export default { dialect: 'postgresql', out: './drizzle' };\n" };
const USERS: MigrationFile = {
  tag: '0000_users',
  when: 1_700_000_000_000,
  sql: 'CREATE TABLE "users" ("id" serial PRIMARY KEY NOT NULL, "email" varchar(50) NOT NULL);\n--> statement-breakpoint\nINSERT INTO "users" ("email") VALUES (\'a@example.com\');\n',
};
const ORDERS: MigrationFile = {
  tag: '0001_orders',
  when: 1_700_000_050_000,
  sql: 'CREATE TABLE "orders" ("id" serial PRIMARY KEY NOT NULL, "total" int NOT NULL);\n',
};
const BASE = [USERS, ORDERS];

function added(tag: string, when: number, sql: string): MigrationFile {
  return { tag, when, sql };
}

interface EffectRow {
  migration: string;
  line: number;
  relation: string;
  lock: string | null;
  rewrite: boolean;
  scan: boolean;
  'held-until': string;
  'statements-later': number;
}

interface FindingRow {
  rule: string;
  migration?: string;
  line?: number;
}

async function lintRules(sql: string, emailType: string): Promise<string[]> {
  const migration = {
    name: '0002_using',
    index: 2,
    file: 'drizzle/0002_using.sql',
    absolutePath: '/tmp/0002_using.sql',
    sql,
    hash: sha256(sql),
    createdAt: 2,
    chunks: splitChunks(sql),
    noTransaction: false,
  };
  const result = await lintMigrations([migration], {
    ignore: [],
    columnType: (table, column) => (table === 'public.users' && column === 'email' ? emailType : undefined),
  });
  return result.findings.map((f) => f.rule);
}

const databases: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(databases.splice(0).map((db) => db.drop()));
});
afterAll(removeFixtures);

async function check(migrations: MigrationFile[], inputs: Record<string, string> = {}) {
  const repo = pullRequestRepo({ ...CONFIG, ...journalFiles(BASE) }, journalFiles([...BASE, ...migrations]));
  const run = await runCheck(repo, inputs);
  return {
    run,
    effects: JSON.parse(run.outputs.effects ?? '[]') as EffectRow[],
    findings: JSON.parse(run.outputs.findings ?? '[]') as FindingRow[],
  };
}

const targets: Array<{ name: string; skip: boolean; inputs: () => Promise<Record<string, string>> }> = [
  { name: 'PGlite', skip: false, inputs: async () => ({}) },
  {
    name: 'real PostgreSQL (database-url)',
    skip: !pg,
    inputs: async () => {
      const db = await createTestDatabase('effects');
      databases.push(db);
      return { 'database-url': db.url };
    },
  },
];

for (const target of targets) {
  describe.skipIf(target.skip)(`observed effects on ${target.name}`, () => {
    it('a volatile default rewrites the existing table: an ACCESS EXCLUSIVE lock, a rewrite and an error', async () => {
      const { run, effects, findings } = await check(
        [
          added(
            '0002_token',
            1_700_000_100_000,
            'ALTER TABLE "users" ADD COLUMN "token" uuid DEFAULT gen_random_uuid();\n',
          ),
        ],
        await target.inputs(),
      );
      expect(effects).toContainEqual(
        expect.objectContaining({
          migration: '0002_token',
          line: 1,
          relation: 'public.users',
          lock: 'AccessExclusiveLock',
          rewrite: true,
          'held-until': 'commit',
          'statements-later': 0,
        }),
      );
      expect(effects.filter((e) => e.relation === 'public.orders')).toEqual([]);
      // The static rule saw it coming; the observation confirms it with the evidence rather than adding a second error.
      expect(findings).toContainEqual(
        expect.objectContaining({
          rule: 'add-column-volatile-default',
          migration: '0002_token',
          line: 1,
          message: expect.stringContaining('Observed: rewrote public.users'),
        }),
      );
      expect(run.outputs.result).toBe('failed');
      expect(effects.filter((e) => e.relation === 'public.users').every((e) => e.scan)).toBe(true);
      expect(run.summary).toMatch(
        /ACCESS EXCLUSIVE[^|]*, rewrite, scan on `public.users` from 0002_token:1 until commit/,
      );
    });

    it('a varchar widening takes the lock but does not rewrite, and is not flagged', async () => {
      const { run, effects, findings } = await check(
        [
          added(
            '0002_wider',
            1_700_000_100_000,
            'ALTER TABLE "users" ALTER COLUMN "email" SET DATA TYPE varchar(100);\n',
          ),
        ],
        await target.inputs(),
      );
      const onUsers = effects.filter((e) => e.relation === 'public.users');
      expect(onUsers).toContainEqual(expect.objectContaining({ lock: 'AccessExclusiveLock', rewrite: false, line: 1 }));
      expect(onUsers.every((e) => !e.rewrite && !e.scan)).toBe(true);
      expect(findings.map((f) => f.rule)).not.toContain('observed-rewrite');
      expect(findings.map((f) => f.rule)).not.toContain('alter-column-type');
      expect(run.outputs.result, run.summary).toBe('passed');
    });

    it('a type change lint cannot prove safe (USING) is observed not to rewrite and is not flagged', async () => {
      const sql = 'ALTER TABLE "users" ALTER COLUMN "email" SET DATA TYPE varchar(100) USING "email";\n';
      // Lint alone flags it: with USING it cannot tell a widening from a conversion.
      expect(await lintRules(sql, 'character varying(50)')).toContain('alter-column-type');
      const { effects, findings, run } = await check(
        [added('0002_using', 1_700_000_100_000, sql)],
        await target.inputs(),
      );
      expect(effects).toContainEqual(expect.objectContaining({ relation: 'public.users', rewrite: false, line: 1 }));
      expect(findings.map((f) => f.rule)).not.toContain('alter-column-type');
      expect(run.outputs.result, run.summary).toBe('passed');
    });

    it('outside a transaction a rewrite is seen and its lock lasts until the end of the statement', async () => {
      const sql = '-- schema-actions:no-transaction\nVACUUM FULL "users";\n';
      const { effects, findings } = await check([added('0002_vacuum', 1_700_000_100_000, sql)], {
        transaction: 'each',
        ...(await target.inputs()),
      });
      expect(effects).toEqual([
        expect.objectContaining({
          migration: '0002_vacuum',
          line: 2,
          relation: 'public.users',
          lock: null,
          rewrite: true,
          'held-until': 'end of statement',
        }),
      ]);
      expect(findings).toContainEqual(
        expect.objectContaining({ line: 2, message: expect.stringContaining('rewrote public.users') }),
      );
    });

    it('a lock taken in the first new migration is held until the commit after the second', async () => {
      const { run, effects } = await check(
        [
          added('0002_lock', 1_700_000_100_000, 'ALTER TABLE "orders" ADD COLUMN "note" text;\n'),
          added(
            '0003_more',
            1_700_000_200_000,
            'CREATE TABLE "items" ("id" serial PRIMARY KEY);\n--> statement-breakpoint\nCREATE TABLE "tags" ("id" serial PRIMARY KEY);\n',
          ),
        ],
        { transaction: 'all', ...(await target.inputs()) },
      );
      expect(effects).toContainEqual(
        expect.objectContaining({
          migration: '0002_lock',
          line: 1,
          relation: 'public.orders',
          lock: 'AccessExclusiveLock',
          rewrite: false,
          'held-until': 'commit',
          'statements-later': 2,
        }),
      );
      // Tables the change creates are not "existing": nothing is reported for them.
      expect(effects.map((e) => e.relation)).not.toContain('public.items');
      expect(run.summary).toContain(
        'ACCESS EXCLUSIVE on `public.orders` from 0002_lock:1 until commit, 2 statements later',
      );
    });
  });
}

describe('lint judged by what PostgreSQL did', () => {
  const rewrite: Effect = {
    migration: '0002_x',
    file: 'drizzle/0002_x.sql',
    line: 3,
    relation: 'public.users',
    lock: 'AccessExclusiveLock',
    rewrite: true,
    scan: true,
    'held-until': 'commit',
    'statements-later': 0,
    'ms-later': 1,
  };
  const flagged: Finding = {
    check: 'lint',
    rule: 'alter-column-type',
    severity: 'error',
    migration: '0002_x',
    file: 'drizzle/0002_x.sql',
    line: 3,
    message: '0002_x: type change',
  };

  it('a rewrite no rule saw coming is an observed-rewrite error', () => {
    expect(judgeWithEffects([], [rewrite])).toEqual([
      expect.objectContaining({ rule: 'observed-rewrite', severity: 'error', line: 3 }),
    ]);
  });

  it('a rewrite a rule flagged confirms that finding with the evidence, once', () => {
    expect(judgeWithEffects([flagged], [rewrite])).toEqual([
      { ...flagged, message: expect.stringMatching(/Observed: rewrote public\.users .*ACCESS EXCLUSIVE/) },
    ]);
  });

  it('lint-ignore accepts observed-rewrite as a rule id', async () => {
    const result = await lintMigrations([], { ignore: ['observed-rewrite'] });
    expect(result.findings.filter((f) => f.rule === 'unknown-rule')).toEqual([]);
  });

  it('a rewrite the user acknowledged with an ignore comment stays silent', () => {
    expect(judgeWithEffects([], [rewrite], [{ file: 'drizzle/0002_x.sql', line: 3 }])).toEqual([]);
  });
});
