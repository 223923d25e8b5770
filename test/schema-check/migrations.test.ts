// Steps 1, 2 and 4 on hand-written journal folders: order against the base, a migration PostgreSQL refuses,
// multi-statement chunks and PGlite extensions.
import { afterAll, describe, expect, it } from 'vitest';
import { journalFiles, pullRequestRepo, removeFixtures, runCheck, type MigrationFile } from './fixture.js';

afterAll(removeFixtures);

const CONFIG = { 'drizzle.config.ts': "export default { dialect: 'postgresql', out: './drizzle' };\n" };
const USERS: MigrationFile = {
  tag: '0000_users',
  when: 1_700_000_000_000,
  sql: 'CREATE TABLE "users" (\n\t"id" serial PRIMARY KEY NOT NULL,\n\t"email" text NOT NULL\n);\n',
};
const TEAMS: MigrationFile = {
  tag: '0001_teams',
  when: 1_700_000_300_000,
  sql: 'CREATE TABLE "teams" ("id" serial PRIMARY KEY NOT NULL);\n',
};

interface Finding {
  check: string;
  rule: string;
  severity: string;
  message: string;
  alternative?: string;
  file?: string;
  line?: number;
  migration?: string;
}
const findingsOf = (outputs: Record<string, string>) => JSON.parse(outputs.findings ?? '[]') as Finding[];

describe('schema-check order and apply', () => {
  it('fails a new migration that sorts before the newest base migration, with the reason and the fix', async () => {
    const late: MigrationFile = {
      tag: '0002_profiles',
      when: 1_700_000_100_000,
      sql: 'CREATE TABLE "profiles" ("id" serial);\n',
    };
    const repo = pullRequestRepo({ ...CONFIG, ...journalFiles([USERS, TEAMS]) }, journalFiles([USERS, TEAMS, late]));
    const run = await runCheck(repo);
    expect(run.exitCode).toBe(1);
    expect(JSON.parse(run.outputs['new-migrations']!)).toEqual(['0002_profiles']);
    const finding = findingsOf(run.outputs).find((f) => f.rule === 'migration-out-of-order');
    expect(finding?.message).toContain('0001_teams');
    expect(finding?.message).toMatch(/skip 0002_profiles silently/);
    expect(finding?.alternative).toMatch(/generate again/);
    expect(run.summary).toContain('migration-out-of-order');
  });

  it('fails a change that edits a migration the base branch already has', async () => {
    const edited = { ...TEAMS, sql: 'CREATE TABLE "teams" ("id" serial PRIMARY KEY NOT NULL, "name" text);\n' };
    const repo = pullRequestRepo({ ...CONFIG, ...journalFiles([USERS, TEAMS]) }, journalFiles([USERS, edited]));
    const run = await runCheck(repo);
    expect(run.exitCode).toBe(1);
    expect(findingsOf(run.outputs).find((f) => f.rule === 'edited-migration')).toMatchObject({
      migration: '0001_teams',
      message: expect.stringMatching(/never run the edit/),
      alternative: expect.stringMatching(/new migration/),
    });
  });

  it('names the migration, the file line and PostgreSQL message when a migration fails', async () => {
    const broken: MigrationFile = {
      tag: '0002_broken',
      when: 1_700_000_600_000,
      sql: [
        'ALTER TABLE "users" ADD COLUMN "team_id" integer;--> statement-breakpoint',
        '-- the next statement points at a column that does not exist',
        'CREATE INDEX "users_team_idx" ON "users"',
        '  USING btree ("teem_id");--> statement-breakpoint',
        'ALTER TABLE "users"',
        '  ADD CONSTRAINT "team_positive" CHECK ("team_id" > 0 AND "tema_id" < 10);',
        '',
      ].join('\n'),
    };
    const repo = pullRequestRepo({ ...CONFIG, ...journalFiles([USERS, TEAMS]) }, journalFiles([USERS, TEAMS, broken]));
    const run = await runCheck(repo, { lint: 'false' });
    expect(run.exitCode, run.logs).toBe(1);
    expect(run.outputs.result, run.logs).toBe('failed');
    const finding = findingsOf(run.outputs).find((f) => f.rule === 'migration-failed');
    // PostgreSQL gives no position for this error: the line is the failing statement's first.
    expect(finding).toMatchObject({ migration: '0002_broken', file: 'drizzle/0002_broken.sql', line: 3 });
    expect(finding?.message).toContain('column "teem_id" does not exist');
    const annotation = run.annotations.find((a) => a.level === 'error' && a.message.includes('teem_id'));
    expect(annotation).toMatchObject({ file: 'drizzle/0002_broken.sql', line: 3 });
  });

  it('points at the line of the error position inside a multi-line statement', async () => {
    const broken: MigrationFile = {
      tag: '0002_check',
      when: 1_700_000_600_000,
      sql: [
        'ALTER TABLE "users" ADD COLUMN "team_id" integer;--> statement-breakpoint',
        'UPDATE "users"',
        '  SET "team_id" = 1',
        '  WHERE "emial" LIKE \'%@example.com\';',
        '',
      ].join('\n'),
    };
    const repo = pullRequestRepo({ ...CONFIG, ...journalFiles([USERS, TEAMS]) }, journalFiles([USERS, TEAMS, broken]));
    const run = await runCheck(repo, { lint: 'false' });
    const finding = findingsOf(run.outputs).find((f) => f.rule === 'migration-failed');
    expect(finding).toMatchObject({ migration: '0002_check', line: 4 });
    expect(finding?.message).toContain('column "emial" does not exist');
    expect(run.stderr + run.stdout).toContain('::error::schema-check:');
  });

  it('applies chunks holding several statements and loads the PGlite extensions migrations create', async () => {
    const extensions: MigrationFile = {
      tag: '0002_extensions',
      when: 1_700_000_600_000,
      sql: [
        'CREATE EXTENSION IF NOT EXISTS "pgcrypto";',
        'CREATE EXTENSION IF NOT EXISTS "uuid-ossp";',
        'CREATE EXTENSION IF NOT EXISTS citext;',
        'CREATE TABLE "tokens" ("id" uuid PRIMARY KEY DEFAULT uuid_generate_v4(), "secret" text DEFAULT encode(gen_random_bytes(8), \'hex\'), "email" citext);',
        'INSERT INTO "tokens" ("email") VALUES (\'A@example.com\');',
        '',
      ].join('\n'),
    };
    const repo = pullRequestRepo(
      { ...CONFIG, ...journalFiles([USERS, TEAMS]) },
      journalFiles([USERS, TEAMS, extensions]),
    );
    const run = await runCheck(repo);
    expect(run.outputs.result, run.summary).toBe('passed');
    expect(run.summary).toContain('public.tokens');
  });

  it('warns, naming the extension and the fix, when PGlite lacks it, and runs every other check', async () => {
    const geo: MigrationFile = {
      tag: '0002_geo',
      when: 1_700_000_600_000,
      sql: 'CREATE EXTENSION IF NOT EXISTS postgis;\nCREATE TABLE "places" ("id" serial PRIMARY KEY, "where" geometry(Point, 4326));\nCREATE INDEX "users_email" ON "users" ("email");\n',
    };
    const repo = pullRequestRepo({ ...CONFIG, ...journalFiles([USERS, TEAMS]) }, journalFiles([USERS, TEAMS, geo]));
    const run = await runCheck(repo);
    expect(run.outputs.result, run.summary).toBe('passed');
    const findings = findingsOf(run.outputs);
    const finding = findings.find((f) => f.rule === 'extension-unavailable');
    expect(finding).toMatchObject({ severity: 'warning' });
    expect(finding?.message).toContain('Not verified on embedded PostgreSQL: extension postgis (0002_geo)');
    expect(finding?.alternative).toContain('workflows-templates/schema-check.yml');
    // Lint still read the new migration.
    expect(findings.map((f) => f.rule)).toContain('create-index-without-concurrently');
    expect(run.stdout + run.stderr).toContain('::warning');
  });
});
