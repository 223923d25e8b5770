// Lint through the bundle (findings, ignore comments, fail-on, lint-ignore, CONCURRENTLY in Drizzle's transaction),
// the "what changes" section, and the sticky pull request comment on a fake GitHub.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { journalFiles, pullRequestRepo, removeFixtures, runCheck, type MigrationFile } from './fixture.js';

const CONFIG = { 'drizzle.config.ts': "export default { dialect: 'postgresql', out: './drizzle' };\n" };
const BASE: MigrationFile[] = [
  {
    tag: '0000_init',
    when: 1_700_000_000_000,
    sql: [
      'CREATE TYPE "public"."role" AS ENUM(\'member\', \'admin\');--> statement-breakpoint',
      'CREATE TABLE "users" (',
      '\t"id" serial PRIMARY KEY NOT NULL,',
      '\t"email" varchar(100) NOT NULL,',
      '\t"legacy" text,',
      '\t"role" "role" DEFAULT \'member\' NOT NULL',
      ');--> statement-breakpoint',
      'CREATE TABLE "audit" ("id" serial PRIMARY KEY NOT NULL, "note" text);',
      '',
    ].join('\n'),
  },
];

interface Finding {
  rule: string;
  severity: string;
  file?: string;
  line?: number;
  message: string;
  alternative?: string;
}
const findingsOf = (outputs: Record<string, string>) => JSON.parse(outputs.findings ?? '[]') as Finding[];

let github: FakeGitHub;
beforeAll(async () => {
  github = await startFakeGitHub();
});
afterAll(async () => {
  await github.close();
  removeFixtures();
});

describe('schema-check lint through the bundle', () => {
  const risky: MigrationFile = {
    tag: '0001_risky',
    when: 1_700_000_100_000,
    sql: [
      'ALTER TABLE "users" DROP COLUMN "legacy";--> statement-breakpoint',
      '-- schema-check:ignore drop-table audit rows moved to the warehouse in #412',
      'DROP TABLE "audit";--> statement-breakpoint',
      'CREATE INDEX "users_email_idx" ON "users" USING btree ("email");',
      '',
    ].join('\n'),
  };
  const repo = () => pullRequestRepo({ ...CONFIG, ...journalFiles(BASE) }, journalFiles([...BASE, risky]));

  it('reports findings with rule, severity, file, line and safe alternative, and fails on errors', async () => {
    const run = await runCheck(repo());
    expect(run.exitCode).toBe(1);
    const findings = findingsOf(run.outputs);
    expect(findings.find((f) => f.rule === 'drop-column')).toMatchObject({
      severity: 'error',
      file: 'drizzle/0001_risky.sql',
      line: 1,
      alternative: expect.stringMatching(/later deploy/),
    });
    expect(findings.find((f) => f.rule === 'create-index-without-concurrently')).toMatchObject({
      severity: 'warning',
      line: 4,
    });
    // The ignore comment with a reason silences drop-table there, and the report says so.
    expect(findings.some((f) => f.rule === 'drop-table')).toBe(false);
    expect(run.summary).toContain('audit rows moved to the warehouse in #412');
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ level: 'error', file: 'drizzle/0001_risky.sql', line: 1 }),
    );
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ level: 'warning', file: 'drizzle/0001_risky.sql', line: 4 }),
    );
  });

  it('passes with fail-on never, and with the error rule in lint-ignore; fails on warnings with fail-on warning', async () => {
    const never = await runCheck(repo(), { 'fail-on': 'never' });
    expect(never.outputs.result, never.summary).toBe('passed');
    expect(findingsOf(never.outputs).some((f) => f.rule === 'drop-column')).toBe(true);

    const ignored = await runCheck(repo(), { 'lint-ignore': 'drop-column' });
    expect(ignored.outputs.result, ignored.summary).toBe('passed');
    expect(findingsOf(ignored.outputs).some((f) => f.rule === 'drop-column')).toBe(false);

    const strict = await runCheck(repo(), { 'lint-ignore': 'drop-column', 'fail-on': 'warning' });
    expect(strict.outputs.result).toBe('failed');
    expect(strict.logs).toMatch(/create-index-without-concurrently|CREATE INDEX/);
  });

  it('rejects an unknown fail-on value in one line', async () => {
    const run = await runCheck(repo(), { 'fail-on': 'sometimes' });
    expect(run.exitCode).toBe(1);
    expect(run.logs).toContain(
      '::error::schema-check: input "fail-on" must be one of error, warning, never, not "sometimes"',
    );
  });

  it("fails CONCURRENTLY inside Drizzle's transaction, and accepts it in a no-transaction migration the deploy will run", async () => {
    const inTransaction: MigrationFile = {
      tag: '0001_index',
      when: 1_700_000_100_000,
      sql: 'CREATE INDEX CONCURRENTLY "users_email_idx" ON "users" USING btree ("email");\n',
    };
    const failing = await runCheck(
      pullRequestRepo({ ...CONFIG, ...journalFiles(BASE) }, journalFiles([...BASE, inTransaction])),
    );
    expect(failing.exitCode).toBe(1);
    expect(findingsOf(failing.outputs).find((f) => f.rule === 'concurrently-in-transaction')).toMatchObject({
      severity: 'error',
      line: 1,
      alternative: expect.stringContaining('-- schema-actions:no-transaction'),
    });

    const marked = { ...inTransaction, sql: `-- schema-actions:no-transaction\n${inTransaction.sql}` };
    const repo = pullRequestRepo({ ...CONFIG, ...journalFiles(BASE) }, journalFiles([...BASE, marked]));
    // The deploy's default transaction: all refuses a no-transaction file, so the check must too.
    const refused = await runCheck(repo);
    expect(refused.outputs.result, refused.summary).toBe('failed');
    expect(findingsOf(refused.outputs).find((f) => f.rule === 'transaction-policy')).toMatchObject({
      severity: 'error',
      file: 'drizzle/0001_index.sql',
      alternative: expect.stringContaining('transaction: each'),
    });
    const passing = await runCheck(repo, { transaction: 'each' });
    expect(passing.outputs.result, passing.summary).toBe('passed');
  });
});

describe('schema-check report', () => {
  const feature: MigrationFile = {
    tag: '0001_posts',
    when: 1_700_000_100_000,
    sql: [
      'ALTER TYPE "public"."role" ADD VALUE \'owner\';--> statement-breakpoint',
      'CREATE TABLE "posts" (',
      '\t"id" serial PRIMARY KEY NOT NULL,',
      '\t"author_id" integer NOT NULL,',
      '\t"title" text NOT NULL',
      ');--> statement-breakpoint',
      'ALTER TABLE "users" ADD COLUMN "nickname" text;--> statement-breakpoint',
      'ALTER TABLE "users" ADD CONSTRAINT "users_email_length" CHECK (length("email") > 3) NOT VALID;--> statement-breakpoint',
      'ALTER TABLE "posts" ADD CONSTRAINT "posts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;',
      '',
    ].join('\n'),
  };

  it('shows what changes as a table and a Mermaid ER diagram, in one PR comment updated on re-runs', async () => {
    const repo = pullRequestRepo({ ...CONFIG, ...journalFiles(BASE) }, journalFiles([...BASE, feature]));
    github.addComment(7, 'LGTM, a human comment', 'octocat');
    const first = await runCheck(repo, {}, { githubApiUrl: github.url });
    expect(first.outputs.result, first.summary).toBe('passed');
    expect(JSON.parse(first.outputs['new-migrations']!)).toEqual(['0001_posts']);
    expect(first.summary).toContain('### What changes');
    expect(first.summary).toMatch(/\| added \| table \| `public\.posts` \|/);
    expect(first.summary).toMatch(/\| added \| column \| `public\.users\.nickname` \|/);
    expect(first.summary).toMatch(/\| changed \| enum \| `public\.role` \|/);
    expect(first.summary).toMatch(/\| added \| constraint \| `public\.users\.users_email_length` \|/);
    expect(first.summary).toContain('```mermaid\nerDiagram');
    expect(first.summary).toContain('users ||--o{ posts : "posts_author_id_users_id_fk"');
    expect(first.summary).toMatch(/text nickname "added"/);
    expect(Number(first.outputs['duration-ms'])).toBeGreaterThan(0);

    const comments = () => github.comments.get(7) ?? [];
    expect(comments()).toHaveLength(2);
    const mine = comments().find((c) => c.body.includes('Schema check'));
    expect(mine?.body).toContain('erDiagram');

    const second = await runCheck(repo, {}, { githubApiUrl: github.url });
    expect(second.outputs.result).toBe('passed');
    expect(comments()).toHaveLength(2);
    expect(comments()[0]!.body).toBe('LGTM, a human comment');
    expect(github.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it('skips the comment with a notice on a pull request from a fork', async () => {
    const repo = pullRequestRepo({ ...CONFIG, ...journalFiles(BASE) }, journalFiles([...BASE, feature]));
    const before = github.requests.length;
    const run = await runCheck(repo, {}, { githubApiUrl: github.url, fork: true });
    expect(run.outputs.result).toBe('passed');
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ level: 'notice', message: expect.stringContaining('fork') }),
    );
    expect(github.requests.slice(before).filter((r) => r.method !== 'GET')).toHaveLength(0);
  });
});
