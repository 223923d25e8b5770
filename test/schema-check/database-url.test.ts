// database-url: the same base → seed → new migrations run on a real PostgreSQL, failures named there too, and the
// password never shows up anywhere the run writes.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresAvailable, withClient, type TestDatabase } from '../support/postgres.js';
import { journalFiles, pullRequestRepo, removeFixtures, runCheck, type MigrationFile } from './fixture.js';

const pg = await postgresAvailable();

const CONFIG = { 'drizzle.config.ts': "export default { dialect: 'postgresql', out: './drizzle' };\n" };
const USERS: MigrationFile = {
  tag: '0000_users',
  when: 1_700_000_000_000,
  sql: 'CREATE TABLE "users" ("id" serial PRIMARY KEY NOT NULL, "email" text NOT NULL);\n',
};
const SEED = `INSERT INTO "users" ("email") VALUES ('a@example.com'), ('b@example.com');\n`;

const databases: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(databases.splice(0).map((db) => db.drop()));
});
afterAll(removeFixtures);

/** The test database's URL with a password in it (trust auth ignores it), to prove it is masked. */
function withPassword(url: string): { url: string; password: string } {
  const parsed = new URL(url);
  const password = 'Sup3rSecretPw0rd';
  parsed.password = password;
  return { url: parsed.toString(), password };
}

describe.skipIf(!pg)('schema-check with database-url on real PostgreSQL', () => {
  it('applies base migrations, the seed and the new migrations there, and masks the password', async () => {
    const db = await createTestDatabase('check_ok');
    databases.push(db);
    const added: MigrationFile = {
      tag: '0001_names',
      when: 1_700_000_100_000,
      sql: 'ALTER TABLE "users" ADD COLUMN "name" text DEFAULT \'\' NOT NULL;\n',
    };
    const repo = pullRequestRepo(
      { ...CONFIG, ...journalFiles([USERS]), 'seed.sql': SEED },
      journalFiles([USERS, added]),
    );
    const { url, password } = withPassword(db.url);
    const run = await runCheck(repo, { 'database-url': url, 'seed-sql': 'seed.sql' });
    expect(run.outputs.result, run.summary).toBe('passed');
    expect(run.summary).toContain('Apply on database-url');
    const rows = await withClient(db.url, async (client) => {
      const ledger = await client.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
      const users = await client.query('SELECT email, name FROM users ORDER BY id');
      return { ledger: ledger.rows[0].n as number, users: users.rows };
    });
    expect(rows.ledger).toBe(2);
    expect(rows.users).toEqual([
      { email: 'a@example.com', name: '' },
      { email: 'b@example.com', name: '' },
    ]);
    for (const text of [run.logs, run.summary, JSON.stringify(run.outputs)]) expect(text).not.toContain(password);
  });

  it('fails on the real database with the migration, line and PostgreSQL message when the seed breaks it', async () => {
    const db = await createTestDatabase('check_fail');
    databases.push(db);
    // Fine on an empty table, impossible with the seeded rows: the seed is what catches it.
    const added: MigrationFile = {
      tag: '0001_unique_domain',
      when: 1_700_000_100_000,
      sql: 'ALTER TABLE "users" ADD COLUMN "domain" text;--> statement-breakpoint\nUPDATE "users" SET "domain" = \'example.com\' WHERE true;--> statement-breakpoint\nCREATE UNIQUE INDEX "users_domain_idx" ON "users" ("domain");\n',
    };
    const repo = pullRequestRepo(
      { ...CONFIG, ...journalFiles([USERS]), 'seed.sql': SEED },
      journalFiles([USERS, added]),
    );
    const run = await runCheck(repo, { 'database-url': db.url, 'seed-sql': 'seed.sql', lint: 'false' });
    expect(run.exitCode).toBe(1);
    const findings = JSON.parse(run.outputs.findings!) as { rule: string; message: string; line?: number }[];
    const real = findings.find((f) => f.rule === 'migration-failed' && f.message.startsWith('database-url:'));
    expect(real?.line).toBe(3);
    expect(real?.message).toMatch(/0001_unique_domain.*could not create unique index "users_domain_idx"/);
    expect(findings.some((f) => f.rule === 'migration-failed' && !f.message.startsWith('database-url:'))).toBe(true);
  });
});
