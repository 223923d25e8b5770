import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readGitHubEnvironment } from '../../actions/lib/github';
import { ConsoleLogger } from '../../actions/lib/logger';
import {
  ActionsReportPublisher,
  blobUrl,
  commentMarker,
  fitComment,
  GITHUB_COMMENT_LIMIT,
  jobSummaryUrl,
  tableSection,
  upsertStickyComment,
  type Report,
  type ReportSection,
} from '../../actions/lib/report';
import { renderComment } from './render.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github';

const TOKEN = 'ghs_faketoken123456';

function pullRequestEvent(dir: string, fork = false): string {
  const path = join(dir, 'event.json');
  writeFileSync(
    path,
    JSON.stringify({
      pull_request: {
        number: 7,
        base: { sha: 'a'.repeat(40), repo: { full_name: 'acme/app' } },
        head: { sha: 'b'.repeat(40), repo: { full_name: fork ? 'stranger/app' : 'acme/app' } },
      },
    }),
  );
  return path;
}

describe('sticky pull request comment', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await startFakeGitHub();
  });
  afterEach(async () => {
    await github.close();
  });

  const target = (body: Report) => ({
    apiUrl: github.url,
    token: TOKEN,
    owner: 'acme',
    repo: 'app',
    issueNumber: 7,
    marker: commentMarker('schema-check', 'check'),
    body,
  });

  it('creates one comment, then updates that same comment when it sits beyond the first page of comments', async () => {
    github.addComment(7, 'first human comment', 'octocat');
    // More than a page of earlier comments puts ours on page 2: finding it needs every page.
    for (let i = 0; i < 130; i++) github.addComment(7, `chatter ${i}`, 'octocat');
    expect(await upsertStickyComment(target('report v1'))).toBe('created');
    expect(await upsertStickyComment(target('report v2'))).toBe('updated');

    const comments = github.comments.get(7)!;
    const ours = comments.filter((c) => c.body.includes(commentMarker('schema-check', 'check')));
    expect(ours).toHaveLength(1);
    expect(ours[0]!.body).toContain('report v2');
    expect(comments).toHaveLength(132);
    expect(comments[0]!.body).toBe('first human comment');
    expect(comments.filter((c) => c.body.startsWith('chatter'))).toHaveLength(130);
  });

  it('keeps separate comments per action and per job', async () => {
    await upsertStickyComment(target('check report'));
    await upsertStickyComment({ ...target('drift report'), marker: commentMarker('drift-check', 'check') });
    await upsertStickyComment({ ...target('other job'), marker: commentMarker('schema-check', 'check-v1') });
    expect(github.comments.get(7)).toHaveLength(3);
  });

  it('shortens an over-long report by whole sections, diagram first, with a link to the job summary', async () => {
    const erDiagram = [
      '```mermaid',
      'erDiagram',
      ...Array.from({ length: 3000 }, (_, i) => `  t${i} {\n    int id PK\n  }`),
      '```',
    ].join('\n');
    const rows = Array.from({ length: 400 }, (_, i) => [`\`public.t${i}.id\``, 'added']);
    const sections: ReportSection[] = [
      { markdown: '## Schema check ❌ failed: 1 problem' },
      { markdown: '### Problems\n\n| rule | where |\n| --- | --- |\n| drop-column | `drizzle/0001.sql:1` |' },
      tableSection('### What changes', ['name', 'change'], rows, 'changes'),
      { markdown: erDiagram, shrink: 'diagram', short: '_The ER diagram is in the job summary._' },
    ];
    const summaryUrl = 'https://github.com/acme/app/actions/runs/1234567890';
    expect(await upsertStickyComment({ ...target(sections), summaryUrl })).toBe('created');
    const body = github.comments.get(7)![0]!.body;
    const rendered = await renderComment(body);
    expect(body).toContain(commentMarker('schema-check', 'check'));
    expect(rendered.diagrams).toEqual([]);
    expect(body).toContain('_The ER diagram is in the job summary._');
    // The table fits once the diagram is gone: it stays whole, and the failing finding is always there.
    expect(rendered.tables.map((t) => t.rows.length)).toEqual([1, 400]);
    expect(body).toContain(`[job summary](${summaryUrl})`);
  });

  it('condenses long tables once dropping diagrams is not enough', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`\`public.table_${i}.column_${i}\``, 'added', 'x'.repeat(20)]);
    const sections = [
      { markdown: '## Report' },
      tableSection('### What changes', ['name', 'change', 'after'], rows, 'changes'),
    ];
    const rendered = await renderComment(fitComment(sections));
    expect(rendered.tables[0]!.rows).toHaveLength(10);
    expect(rendered.html).toContain('2990 more changes in the job summary.');
  });

  it('never cuts inside a code fence or a table, even for a report that is one long string', async () => {
    const sql = Array.from({ length: 4000 }, (_, i) => `CREATE TABLE t${i} (id int);`).join('\n');
    const table = [
      '| a | b |',
      '| --- | --- |',
      ...Array.from({ length: 4000 }, (_, i) => `| row ${i} | value |`),
    ].join('\n');
    for (const report of [`## Report\n\n\`\`\`sql\n${sql}\n\`\`\`\n\nTAIL`, `## Report\n\n${table}\n\nTAIL`]) {
      expect(report.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT);
      const body = fitComment(report);
      const rendered = await renderComment(body);
      expect(body).not.toContain('TAIL');
      expect(rendered.html).toContain('Shortened to fit');
      expect(
        rendered.tokens.filter((t) => t.type === 'code').every((t) => (t as { text: string }).text.endsWith(';')),
      ).toBe(true);
    }
  });

  it('links to the run and to file lines on the server the run is on (GitHub Enterprise too)', () => {
    const github = { serverUrl: 'https://ghe.example.com', repository: 'acme/app', runId: '42' };
    expect(jobSummaryUrl(github)).toBe('https://ghe.example.com/acme/app/actions/runs/42');
    expect(blobUrl(github, 'abc123', 'app/drizzle/0001 x.sql', 7)).toBe(
      'https://ghe.example.com/acme/app/blob/abc123/app/drizzle/0001%20x.sql#L7',
    );
    expect(jobSummaryUrl({ ...github, runId: '' })).toBeUndefined();
    expect(blobUrl(github, undefined, 'a.sql')).toBeUndefined();
  });

  it('leaves a body under the limit untouched', () => {
    expect(fitComment('short')).toBe('short');
  });
});

describe('report publisher', () => {
  let github: FakeGitHub;
  let dir: string;
  const saved = { ...process.env };
  beforeEach(async () => {
    github = await startFakeGitHub();
    dir = mkdtempSync(join(tmpdir(), 'report-test-'));
    writeFileSync(join(dir, 'summary.md'), '');
    Object.assign(process.env, {
      GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
      RUNNER_TEMP: dir,
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_API_URL: github.url,
      GITHUB_JOB: 'check',
      GITHUB_EVENT_NAME: 'pull_request',
    });
  });
  afterEach(async () => {
    process.env = { ...saved };
    await github.close();
  });

  function publisher(fork = false) {
    process.env.GITHUB_EVENT_PATH = pullRequestEvent(dir, fork);
    const lines: string[] = [];
    const logger = new ConsoleLogger((line) => lines.push(line));
    const env = readGitHubEnvironment(process.env);
    return { lines, logger, publisher: new ActionsReportPublisher('schema-check', env, TOKEN, logger) };
  }

  it('writes the summary, the report file and the comment, with secrets redacted from all three', async () => {
    const { logger, publisher: p } = publisher();
    logger.mask('hunter2-password');
    const result = await p.publish('## Report\nconnected to postgres://app:hunter2-password@db/app');
    expect(result.comment).toBe('created');
    for (const text of [
      readFileSync(result.path, 'utf8'),
      readFileSync(join(dir, 'summary.md'), 'utf8'),
      github.comments.get(7)![0]!.body,
    ]) {
      expect(text).toContain('## Report');
      expect(text).not.toContain('hunter2-password');
    }
  });

  it('skips the comment with a notice on a pull request from a fork, without trying to write', async () => {
    const { lines, publisher: p } = publisher(true);
    const result = await p.publish('## Report');
    expect(result.comment).toBe('skipped');
    expect(lines.join('\n')).toMatch(/notice: Skipping the pull request comment: this pull request comes from a fork/);
    expect(github.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('## Report');
  });

  it('skips the comment with a notice when the token cannot write', async () => {
    const { lines, publisher: p } = publisher();
    github.denyWrites();
    const result = await p.publish('## Report');
    expect(result.comment).toBe('skipped');
    expect(lines.join('\n')).toMatch(
      /notice: Skipping the pull request comment: the token cannot write comments here \(HTTP 403\)/,
    );
    expect(github.comments.get(7) ?? []).toHaveLength(0);
  });
});
