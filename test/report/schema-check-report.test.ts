// The schema-check report as a reviewer sees it on the pull request: rendered as GFM, diagrams parsed by Mermaid,
// failing findings first with links to their lines, and a comment that fits GitHub's limit even for a huge change.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { runAction } from '../support/runner.js';
import {
  ACTION,
  journalFiles,
  pullRequestEvent,
  pullRequestRepo,
  removeFixtures,
  runCheck,
  type MigrationFile,
  type PullRequestRepo,
} from '../schema-check/fixture.js';
import { renderComment, renderReport, visibleText } from './render.js';

const CONFIG = { 'drizzle.config.ts': "export default { dialect: 'postgresql', out: './drizzle' };\n" };
const BASE: MigrationFile[] = [
  {
    tag: '0000_init',
    when: 1_700_000_000_000,
    sql: [
      'CREATE TYPE "public"."role" AS ENUM(\'member\', \'admin\');--> statement-breakpoint',
      'CREATE TABLE "users" ("id" serial PRIMARY KEY NOT NULL, "email" varchar(100) NOT NULL, "legacy" text,',
      '  "role" "role" DEFAULT \'member\' NOT NULL);--> statement-breakpoint',
      'CREATE TABLE "teams" ("id" serial PRIMARY KEY NOT NULL, "name" text NOT NULL);',
      '',
    ].join('\n'),
  },
];
const RISKY: MigrationFile = {
  tag: '0001_risky',
  when: 1_700_000_100_000,
  sql: [
    'CREATE INDEX "users_email_idx" ON "users" USING btree ("email");--> statement-breakpoint',
    'CREATE TABLE "posts" ("id" serial PRIMARY KEY NOT NULL, "author_id" integer NOT NULL,',
    '  "created_at" timestamp with time zone DEFAULT now() NOT NULL, "kind" "role");--> statement-breakpoint',
    'ALTER TABLE "posts" ADD CONSTRAINT "posts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id");--> statement-breakpoint',
    'ALTER TABLE "users" DROP COLUMN "legacy";',
    '',
  ].join('\n'),
};

let github: FakeGitHub;
beforeAll(async () => {
  github = await startFakeGitHub();
});
afterAll(async () => {
  await github.close();
  removeFixtures();
});

/** The check on pull request `number`, commenting on the fake GitHub. */
function check(repo: PullRequestRepo, inputs: Record<string, string>, number: number) {
  return runAction({
    action: ACTION,
    cwd: repo.dir,
    eventName: 'pull_request',
    event: pullRequestEvent(repo, { number }),
    githubApiUrl: github.url,
    inputs: { generate: 'false', ...inputs },
    timeoutMs: 300_000,
  });
}

const ours = (number = 7) =>
  (github.comments.get(number) ?? []).filter((c) => c.body.includes('schema-actions:schema-check'));

describe('schema-check report', () => {
  const repo = () => pullRequestRepo({ ...CONFIG, ...journalFiles(BASE) }, journalFiles([...BASE, RISKY]));

  it('opens with the verdict and the failing lint error, linked to its line at the head commit, each finding once', async () => {
    const pr = repo();
    const run = await runCheck(pr, {}, { githubApiUrl: github.url });
    expect(run.outputs.result).toBe('failed');
    const { tokens, tables, html } = await renderReport(run.summary);
    const blocks = tokens.filter((t) => t.type !== 'space');
    expect(blocks[0]).toMatchObject({ type: 'heading', depth: 2, text: expect.stringContaining('failed: 1 problem') });
    expect(blocks.slice(1, 4).map((b) => b.type)).toEqual(['paragraph', 'heading', 'table']);
    expect(blocks[2]).toMatchObject({ text: 'Problems' });
    const problems = tables[0]!;
    expect(problems.rows).toHaveLength(1);
    const [rule, where, what, fix] = problems.rows[0]!.map((cell) => cell.text);
    expect(rule).toContain('drop-column');
    expect(where).toBe(
      `[\`drizzle/0001_risky.sql:5\`](https://github.com/acme/app/blob/${pr.headSha}/drizzle/0001_risky.sql#L5)`,
    );
    expect(what).not.toContain('0001_risky');
    expect(fix).toMatch(/later deploy/);
    // The warning (index without CONCURRENTLY) is under Warnings, not repeated anywhere else.
    const text = visibleText(html);
    expect(text.match(/drop-column/g)).toHaveLength(1);
    expect(text.match(/create-index-without-concurrently/g)).toHaveLength(1);
  });

  it('draws the ER diagram with readable types and marks, and the comment it posts parses', async () => {
    const run = await runCheck(repo(), { 'fail-on': 'never' }, { githubApiUrl: github.url });
    expect(run.outputs.result, run.summary).toBe('passed');
    const { diagrams } = await renderReport(run.summary);
    expect(diagrams).toHaveLength(1);
    const diagram = diagrams[0]!;
    expect(diagram).toContain('posts["posts (added)"]');
    expect(diagram).toMatch(/timestamptz created_at/);
    expect(diagram).toMatch(/ role kind/);
    expect(diagram).not.toContain('public');
    expect(diagram).toMatch(/text legacy "removed"/);
    expect(diagram).toContain('users ||--o{ posts : "posts_author_id_users_id_fk"');
    // teams neither changed nor joined to a changed table: not drawn.
    expect(diagram).not.toContain('teams');
    await renderComment(ours().at(-1)!.body);
  });
});

describe('generate finding', () => {
  it('says once what generate would write, and shows its SQL', async () => {
    const added: MigrationFile = {
      tag: '0001_ok',
      when: 1_700_000_100_000,
      sql: 'ALTER TABLE "users" ADD COLUMN "bio" text;\n',
    };
    const generator =
      "require('fs').writeFileSync('drizzle/0002_forgotten.sql', 'CREATE TABLE forgotten (id int);');\n";
    const repo = pullRequestRepo(
      { ...CONFIG, ...journalFiles(BASE), 'gen.js': generator },
      journalFiles([...BASE, added]),
    );
    const command = 'node gen.js';
    const run = await runCheck(repo, { generate: 'true', 'generate-command': command });
    expect(run.outputs.result).toBe('failed');
    const { html } = await renderReport(run.summary);
    const text = visibleText(html);
    expect(text.match(/drizzle\/0002_forgotten\.sql/g)).toHaveLength(2); // the problem, and the SQL's title
    expect(text.match(/would write/g)).toHaveLength(1);
    expect(text).toContain('CREATE TABLE forgotten (id int);');
  });
});

describe('comment input', () => {
  const passing: MigrationFile = {
    tag: '0001_ok',
    when: 1_700_000_100_000,
    sql: 'ALTER TABLE "users" ADD COLUMN "bio" text;\n',
  };
  const failing: MigrationFile = {
    tag: '0001_ok',
    when: 1_700_000_100_000,
    sql: 'ALTER TABLE "users" DROP COLUMN "legacy";\n',
  };
  const repo = (m: MigrationFile) => pullRequestRepo({ ...CONFIG, ...journalFiles(BASE) }, journalFiles([...BASE, m]));

  it('never: no comment; on-failure: none while passing, one on failure, then updated (not left stale) once fixed', async () => {
    await check(repo(failing), { comment: 'never' }, 21);
    expect(ours(21)).toHaveLength(0);
    await check(repo(passing), { comment: 'on-failure' }, 21);
    expect(ours(21)).toHaveLength(0);
    const failed = await check(repo(failing), { comment: 'on-failure' }, 21);
    expect(failed.outputs.result).toBe('failed');
    expect(ours(21)).toHaveLength(1);
    await check(repo(passing), { comment: 'on-failure' }, 21);
    expect(ours(21)).toHaveLength(1);
    expect(ours(21)[0]!.body).toContain('Schema check ✅ passed');
  });

  it('refuses an unknown value in one line', async () => {
    const run = await runCheck(repo(passing), { comment: 'sometimes' });
    expect(run.exitCode).toBe(1);
    expect(run.logs).toContain('input "comment" must be one of always, on-failure, never, not "sometimes"');
  });
});

describe('suggested fixes on the lines', () => {
  const lines = [
    'CREATE TABLE "posts" ("id" serial PRIMARY KEY NOT NULL);--> statement-breakpoint',
    'CREATE INDEX "users_email_idx" ON "users" USING btree ("email");--> statement-breakpoint',
    'ALTER TABLE "users" ADD CONSTRAINT "users_email_length" CHECK (length("email") > 3);',
  ];
  const push = (sql: string[]) =>
    pullRequestRepo(
      { ...CONFIG, ...journalFiles(BASE) },
      journalFiles([...BASE, { tag: '0001_fixable', when: 1_700_000_100_000, sql: `${sql.join('\n')}\n` }]),
    );
  const review = () => github.reviewComments.get(41) ?? [];

  it('posts each mechanical fix as a suggestion on its lines, updates it on the next push, removes it once fixed', async () => {
    const first = push(lines);
    await check(first, { 'fail-on': 'never' }, 41);
    expect(review()).toHaveLength(2);
    const [index, constraint] = review();
    expect(index).toMatchObject({
      path: 'drizzle/0001_fixable.sql',
      start_line: 1,
      line: 2,
      side: 'RIGHT',
      commit_id: first.headSha,
    });
    expect(index!.body).toContain(
      [
        '```suggestion',
        '-- schema-actions:no-transaction',
        lines[0],
        lines[1]!.replace('INDEX', 'INDEX CONCURRENTLY'),
        '```',
      ].join('\n'),
    );
    expect(constraint).toMatchObject({ path: 'drizzle/0001_fixable.sql', start_line: null, line: 3 });
    expect(constraint!.body).toContain(
      '```suggestion\nALTER TABLE "users" ADD CONSTRAINT "users_email_length" CHECK (length("email") > 3) NOT VALID;\n```',
    );
    expect(constraint!.body).toContain('VALIDATE CONSTRAINT "users_email_length"');
    for (const comment of review()) expect((await renderReport(comment.body)).tokens[0]).toBeDefined();

    // The next push, same statements: the same two comments, nothing posted again.
    const posts = () => github.requests.filter((r) => r.method === 'POST' && r.path.includes('/pulls/')).length;
    const before = posts();
    await check(push(lines), { 'fail-on': 'never' }, 41);
    expect(review().map((c) => c.id)).toEqual([index!.id, constraint!.id]);
    expect(posts()).toBe(before);

    // The constraint fixed as suggested: its comment goes, the index one stays.
    await check(push([lines[0]!, lines[1]!, lines[2]!.replace(');', ') NOT VALID;')]), { 'fail-on': 'never' }, 41);
    expect(review().map((c) => c.id)).toEqual([index!.id]);
  });
});

const CORPUS = '/work/shared/corpus/dokploy';

describe.skipIf(!existsSync(CORPUS))('a 186-migration change (dokploy)', () => {
  it('posts a comment within the limit whose every diagram parses, drawing at most 15 tables', async () => {
    const files: Record<string, string> = {};
    for (const file of readdirSync(CORPUS))
      if (file.endsWith('.sql')) files[`drizzle/${file}`] = readFileSync(join(CORPUS, file), 'utf8');
    for (const file of readdirSync(join(CORPUS, 'meta')))
      files[`drizzle/meta/${file}`] = readFileSync(join(CORPUS, 'meta', file), 'utf8');
    const run = await check(pullRequestRepo(CONFIG, files), {}, 31);
    expect(JSON.parse(run.outputs['new-migrations']!)).toHaveLength(186);
    const summary = await renderReport(run.summary);
    expect(summary.diagrams).toHaveLength(1);
    // Entity declarations (`  name {` or `  name["label"] {` or a stub without body), not relations.
    const entities = summary.diagrams[0]!.split('\n').filter((line) => /^ {2}\w+(\["[^"]*"\])?( \{)?$/.test(line));
    expect(entities.length).toBeGreaterThan(0);
    expect(entities.length).toBeLessThanOrEqual(15);
    expect(run.summary).toMatch(/\d+ more changed table\(s\), not drawn: /);
    const comment = ours(31);
    expect(comment).toHaveLength(1);
    await renderComment(comment[0]!.body);
  });
});
