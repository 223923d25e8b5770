// Proves the test harness itself: the action runner reproduces the GitHub runner's contract, and the fake GitHub
// answers like api.github.com. Every other integration test trusts these two, so each claim here is checked.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getOctokit } from '@actions/github';
import { startFakeGitHub } from './support/fake-github.js';
import type { FakeGitHub } from './support/fake-github.js';
import {
  inputEnvName,
  parseCommandLine,
  parseKeyValueFile,
  parseWorkflowCommands,
  runAction,
} from './support/runner.js';

const ECHO = resolve('test/fixtures/echo-action');
const NCC = resolve('node_modules/.bin/ncc');

beforeAll(() => {
  // --transpile-only: ncc would otherwise type-check the whole tsconfig project, so any type error elsewhere in
  // the repo would break this fixture; `tsc --noEmit` is what checks types.
  const args = ['build', join(ECHO, 'index.ts'), '-o', join(ECHO, 'dist'), '--transpile-only'];
  execFileSync(NCC, args, { stdio: 'pipe', timeout: 60_000 });
}, 60_000);

/** Throwaway actions for behaviour the echo fixture cannot show (hangs, raw environment). */
const scratch: string[] = [];
async function scratchAction(script: string, inputs = ''): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'scratch-action-'));
  scratch.push(dir);
  const yml = `name: scratch\ndescription: scratch\n${inputs}runs:\n  using: node20\n  main: main.cjs\n`;
  await writeFile(join(dir, 'action.yml'), yml);
  await writeFile(join(dir, 'main.cjs'), script);
  return dir;
}
afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A zombie (killed, not yet reaped by a PID 1 that may never reap) counts as dead. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
}

describe('runAction with the echo fixture', () => {
  it('applies input defaults and passes given inputs, hyphenated names included', async () => {
    const defaults = await runAction({ action: ECHO, inputs: { name: 'Ada' } });
    expect(defaults.outputs.message).toBe('hello, Ada!');
    expect(defaults.outputs.multi).toBe('first line\nsecond line');

    const given = await runAction({ action: ECHO, inputs: { name: 'Ada', greeting: 'hi', 'multi-line': 'x\ny' } });
    expect(given.outputs.message).toBe('hi, Ada!');
    // core.getInput('multi-line') reads INPUT_MULTI-LINE; a harness that wrote INPUT_MULTI_LINE would lose it.
    expect(given.outputs.multi).toBe('first line\nsecond line\nx\ny');
  });

  it('names input variables like the runner', () => {
    expect(inputEnvName('multi-line')).toBe('INPUT_MULTI-LINE');
    expect(inputEnvName('database url')).toBe('INPUT_DATABASE_URL');
  });

  it('reads single and multi-line outputs, exported env and state from the file commands', async () => {
    const run = await runAction({ action: ECHO, inputs: { name: 'Ada', 'multi-line': 'a=b\nc<<d' } });
    expect(run.outputs).toEqual({ message: 'hello, Ada!', multi: 'first line\nsecond line\na=b\nc<<d' });
    expect(run.exportedEnv).toEqual({ ECHO_GREETING: 'hello' });
    expect(run.state).toEqual({ 'echo-state': 'saved' });
    expect(run.groups).toEqual(['echo']);
  });

  it('captures the job summary', async () => {
    const run = await runAction({ action: ECHO, inputs: { name: 'Ada' } });
    expect(run.summary).toBe('<h1>Echo</h1>\nhello, Ada!\n');
  });

  it('parses annotations with file, lines, column, title and escaped text', async () => {
    const run = await runAction({ action: ECHO, inputs: { name: 'Ada' } });
    expect(run.annotations).toEqual([
      {
        level: 'error',
        message: 'bad thing, 100% sure: really',
        file: 'db/0001_init.sql',
        line: 3,
        endLine: 4,
        col: 1,
        title: 'Lint: drop-table',
      },
      { level: 'warning', message: 'careful\nnext line', file: 'db/0002_more.sql', line: 7 },
      { level: 'notice', message: 'just so you know' },
    ]);
  });

  it('records masks and keeps the raw text in logs for secret scanning', async () => {
    const run = await runAction({ action: ECHO, inputs: { name: 'Ada', secret: 'hunter2' } });
    expect(run.masks).toEqual(['hunter2']);
    expect(run.logs).not.toContain('::add-mask::');
    // The fixture prints the secret on purpose: logs must show it so tests can catch real leaks.
    expect(run.logs).toContain('secret is hunter2');

    const none = await runAction({ action: ECHO, inputs: { name: 'Ada' } });
    expect(none.masks).toEqual([]);
  });

  it('reports the exit code and setFailed message', async () => {
    const ok = await runAction({ action: ECHO, inputs: { name: 'Ada' } });
    expect(ok).toMatchObject({ exitCode: 0, signal: null, failed: false });

    const failing = await runAction({ action: ECHO, inputs: { name: 'Ada', fail: 'true' } });
    expect(failing).toMatchObject({ exitCode: 1, failed: true });
    expect(failing.annotations).toContainEqual({ level: 'error', message: 'echo-action: asked to fail' });
  });

  it('fails a required input the action checks itself, as the runner does not enforce `required`', async () => {
    const run = await runAction({ action: ECHO });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.at(-1)?.message).toMatch(/Input required and not supplied: name/);
  });

  it('throws on an undeclared input or an INPUT_ variable smuggled through env', async () => {
    await expect(runAction({ action: ECHO, inputs: { name: 'Ada', nmae: 'typo' } })).rejects.toThrow(
      /input "nmae" is not declared in action.yml/,
    );
    await expect(runAction({ action: ECHO, inputs: { name: 'Ada' }, env: { INPUT_EXTRA: 'x' } })).rejects.toThrow(
      /pass action inputs through `inputs`/,
    );
  });
});

describe('runAction environment and process handling', () => {
  const dumpEnv = `
const fs = require('node:fs');
const event = JSON.parse(fs.readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8'));
console.log(JSON.stringify({ env: process.env, cwd: process.cwd(), event }));
console.log('::error file=' + process.env.GITHUB_WORKSPACE + '/src/a.ts,line=2::in workspace');
console.error('::warning::from stderr');
`;
  const inputs = 'inputs:\n  token:\n    default: ${{ github.token }}\n  count:\n    default: 3\n';

  it('sets the runner variables, a minimal environment and the event payload', async () => {
    const action = await scratchAction(dumpEnv, inputs);
    const event = { pull_request: { number: 7, head: { ref: 'feature' }, base: { ref: 'main' } } };
    const previous = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = '--max-old-space-size=64';
    try {
      const run = await runAction({ action, event, eventName: 'pull_request', env: { EXTRA: '1' }, token: 'ghs_abc' });
      const dump = JSON.parse(run.stdout.split('\n')[0] ?? '') as {
        env: Record<string, string>;
        cwd: string;
        event: object;
      };
      expect(dump.event).toEqual(event);
      expect(dump.cwd).toBe(dump.env.GITHUB_WORKSPACE);
      expect(dump.env).toMatchObject({
        GITHUB_ACTIONS: 'true',
        CI: 'true',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_REF: 'refs/pull/7/merge',
        GITHUB_HEAD_REF: 'feature',
        GITHUB_BASE_REF: 'main',
        GITHUB_REPOSITORY: 'acme/app',
        GITHUB_REPOSITORY_OWNER: 'acme',
        GITHUB_API_URL: 'http://127.0.0.1:9',
        RUNNER_OS: 'Linux',
        EXTRA: '1',
        INPUT_TOKEN: 'ghs_abc',
        INPUT_COUNT: '3',
      });
      for (const name of [
        'GITHUB_OUTPUT',
        'GITHUB_STEP_SUMMARY',
        'GITHUB_ENV',
        'GITHUB_STATE',
        'GITHUB_PATH',
        'RUNNER_TEMP',
      ]) {
        expect(dump.env[name], name).toMatch(/^\//);
      }
      expect(dump.env).not.toHaveProperty('RUNNER_DEBUG');
      expect(dump.env).not.toHaveProperty('NODE_OPTIONS');
      // Absolute paths inside the workspace become repository-relative; stderr commands count too.
      expect(run.annotations).toEqual([
        { level: 'error', message: 'in workspace', file: 'src/a.ts', line: 2 },
        { level: 'warning', message: 'from stderr' },
      ]);
    } finally {
      if (previous === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = previous;
    }
  });

  it('kills the whole process group on timeout and reports the captured output', async () => {
    // The grandchild does not hold the pipes, so only a group kill (not killing the child alone) ends it.
    const action = await scratchAction(`
const { spawn } = require('node:child_process');
const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
console.log('pids=' + process.pid + ',' + child.pid);
setInterval(() => {}, 1000);
`);
    const error = await runAction({ action, timeoutMs: 1000 }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/timed out after 1000 ms/);
    const pids = (/pids=(\d+),(\d+)/.exec(error?.message ?? '') ?? []).slice(1).map(Number);
    expect(pids).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 200));
    expect(pids.filter(isAlive)).toEqual([]);
  });

  it('reports a job summary over 128 KiB as an error, as the runner does', async () => {
    const action = await scratchAction(
      `require('node:fs').appendFileSync(process.env.GITHUB_STEP_SUMMARY, 'x'.repeat(129 * 1024));`,
    );
    const run = await runAction({ action });
    expect(run.annotations).toEqual([
      { level: 'error', message: expect.stringMatching(/supports content up a size of 128k/) },
    ]);
  });

  it('refuses actions that are not node20/node24', async () => {
    const action = await scratchAction('');
    const yml = join(action, 'action.yml');
    await writeFile(yml, (await readFile(yml, 'utf8')).replace('node20', 'node16'));
    await expect(runAction({ action })).rejects.toThrow(/runs.using must be node20 or node24/);
  });
});

describe('file and workflow command parsing', () => {
  it('reads both file command formats like the runner', () => {
    const text = 'a=1=2\nb<<EOF\nx=y\nc<<z\n\nEOF\n\nempty<<E\nE\n';
    expect(parseKeyValueFile(text)).toEqual({ a: '1=2', b: 'x=y\nc<<z\n', empty: '' });
    expect(() => parseKeyValueFile('b<<EOF\nnever closed\n')).toThrow(/matching delimiter not found/);
  });

  it('unescapes data and properties in one pass', () => {
    expect(parseCommandLine('  ::warning title=a%3Ab%2Cc,file=x.sql::100%250A%0Anext')).toEqual({
      command: 'warning',
      properties: { title: 'a:b,c', file: 'x.sql' },
      data: '100%0A\nnext',
    });
    expect(parseCommandLine('not ::a command::')).toBeUndefined();
  });

  it('ignores commands between ::stop-commands:: and the resume token', () => {
    const lines = ['::stop-commands::tok', '::error::quoted', '::add-mask::quoted', '::tok::', '::error::live'];
    expect(parseWorkflowCommands(lines)).toMatchObject({
      annotations: [{ level: 'error', message: 'live' }],
      masks: [],
    });
  });
});

describe('fake GitHub', () => {
  let fake: FakeGitHub;
  beforeEach(async () => {
    fake = await startFakeGitHub();
  });
  afterEach(async () => {
    await fake.close();
  });
  const repo = { owner: 'acme', repo: 'app' };
  const octokit = (): ReturnType<typeof getOctokit> => getOctokit('ghs_test', { baseUrl: fake.url });

  it('pages comments with a Link header that octokit.paginate follows to the end', async () => {
    for (let i = 1; i <= 250; i++) fake.addComment(7, `comment ${i}`);
    fake.addComment(8, 'elsewhere');
    const all = await octokit().paginate(octokit().rest.issues.listComments, {
      ...repo,
      issue_number: 7,
      per_page: 100,
    });
    expect(all.map((c) => c.body)).toEqual(Array.from({ length: 250 }, (_, i) => `comment ${i + 1}`));
    const gets = fake.requests.filter((r) => r.method === 'GET');
    expect(gets.map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3']);
  });

  it('defaults to 30 per page, caps at 100 and names next and last pages', async () => {
    for (let i = 0; i < 250; i++) fake.addComment(7, `c${i}`);
    const first = await octokit().rest.issues.listComments({ ...repo, issue_number: 7 });
    expect(first.data).toHaveLength(30);
    expect(first.headers.link).toMatch(
      /<http:\/\/127\.0\.0\.1:\d+\/repos\/acme\/app\/issues\/7\/comments\?page=2>; rel="next"/,
    );
    expect(first.headers.link).toMatch(/page=9>; rel="last"/);
    const capped = await octokit().rest.issues.listComments({ ...repo, issue_number: 7, per_page: 500, page: 3 });
    expect(capped.data.map((c) => c.body)).toEqual(Array.from({ length: 50 }, (_, i) => `c${i + 200}`));
    expect(capped.headers.link).not.toMatch(/rel="next"/);
  });

  it('creates, updates and deletes comments with GitHub shapes', async () => {
    const gh = octokit();
    const created = await gh.rest.issues.createComment({ ...repo, issue_number: 3, body: 'first' });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ body: 'first', user: { login: 'github-actions[bot]' } });
    expect(created.data.id).not.toBe(3);
    await gh.rest.issues.updateComment({ ...repo, comment_id: created.data.id, body: 'second' });
    expect(fake.comments.get(3)?.map((c) => c.body)).toEqual(['second']);
    await gh.rest.issues.deleteComment({ ...repo, comment_id: created.data.id });
    expect(fake.comments.get(3)).toEqual([]);
    await expect(gh.rest.issues.deleteComment({ ...repo, comment_id: created.data.id })).rejects.toMatchObject({
      status: 404,
    });
  });

  /** A request octokit's types would refuse, such as one missing a required parameter. */
  async function raw(method: string, path: string, body?: object): Promise<{ status: number; data: unknown }> {
    const res = await fetch(`${fake.url}${path}`, {
      method,
      headers: { authorization: 'token ghs_test', 'content-type': 'application/json' },
      body: body && JSON.stringify(body),
    });
    return { status: res.status, data: res.status === 204 ? undefined : await res.json() };
  }

  it('validates bodies like GitHub', async () => {
    expect(await raw('POST', '/repos/acme/app/issues/1/comments', {})).toMatchObject({
      status: 422,
      data: { message: 'Validation Failed', errors: [{ field: 'body', code: 'missing_field' }] },
    });
    const tooLong = octokit().rest.issues.createComment({ ...repo, issue_number: 1, body: 'x'.repeat(65537) });
    await expect(tooLong).rejects.toMatchObject({ status: 422 });
    // 65,536 characters is allowed even when they take more UTF-16 units.
    await octokit().rest.issues.createComment({ ...repo, issue_number: 1, body: '🙂'.repeat(65536) });
    expect(await raw('POST', '/repos/acme/app/issues', { body: 'no title' })).toMatchObject({
      status: 422,
      data: { errors: [{ field: 'title', code: 'missing_field' }] },
    });
    expect(fake.comments.get(1)).toHaveLength(1);
    expect(fake.issues).toEqual([]);
  });

  it('filters issues by state and labels, and updates them', async () => {
    const gh = octokit();
    fake.addIssue({ title: 'old drift', labels: ['schema-drift'], state: 'closed' });
    fake.addIssue({ title: 'other', labels: ['bug'] });
    const created = await gh.rest.issues.create({
      ...repo,
      title: 'drift',
      body: 'details',
      labels: ['schema-drift', 'db'],
    });
    expect(created.data).toMatchObject({
      number: 3,
      state: 'open',
      labels: [{ name: 'schema-drift' }, { name: 'db' }],
    });

    const open = await gh.rest.issues.listForRepo({ ...repo, labels: 'schema-drift' });
    expect(open.data.map((i) => i.title)).toEqual(['drift']);
    const all = await gh.rest.issues.listForRepo({ ...repo, labels: 'schema-drift', state: 'all' });
    expect(all.data.map((i) => i.title)).toEqual(['drift', 'old drift']);
    // Several labels: an issue must carry all of them.
    const both = await gh.rest.issues.listForRepo({ ...repo, labels: 'schema-drift,DB', state: 'all' });
    expect(both.data.map((i) => i.title)).toEqual(['drift']);

    const closed = await gh.rest.issues.update({ ...repo, issue_number: 3, state: 'closed' });
    expect(closed.data).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(closed.data.closed_at).toEqual(expect.any(String));
    expect((await gh.rest.issues.get({ ...repo, issue_number: 3 })).data.state).toBe('closed');
  });

  it('answers 403 to writes after denyWrites, like a fork pull request token', async () => {
    fake.addComment(5, 'existing');
    fake.denyWrites();
    const gh = octokit();
    await expect(gh.rest.issues.createComment({ ...repo, issue_number: 5, body: 'x' })).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration'),
    });
    expect((await gh.rest.issues.listComments({ ...repo, issue_number: 5 })).data).toHaveLength(1);
    expect(fake.comments.get(5)).toHaveLength(1);
  });

  it('injects faults for the next matching requests only', async () => {
    const gh = octokit();
    fake.failNext(502, { method: 'POST', path: /\/comments$/, times: 2, headers: { 'retry-after': '1' } });
    await gh.rest.issues.listComments({ ...repo, issue_number: 1 }); // GET does not match the fault
    for (let i = 0; i < 2; i++) {
      await expect(gh.rest.issues.createComment({ ...repo, issue_number: 1, body: 'x' })).rejects.toMatchObject({
        status: 502,
        response: { headers: { 'retry-after': '1' } },
      });
    }
    await gh.rest.issues.createComment({ ...repo, issue_number: 1, body: 'x' });
    expect(fake.comments.get(1)).toHaveLength(1);
  });

  it('can leave a request unanswered', async () => {
    fake.hangNext({ path: /\/comments$/ });
    const started = Date.now();
    await expect(
      fetch(`${fake.url}/repos/acme/app/issues/1/comments`, {
        headers: { authorization: 'token x' },
        signal: AbortSignal.timeout(300),
      }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('requires credentials, serves only its repository and records requests', async () => {
    const anonymous = await fetch(`${fake.url}/repos/acme/app/issues`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ message: 'Bad credentials' });

    const gh = octokit();
    await expect(gh.rest.issues.listForRepo({ owner: 'acme', repo: 'other' })).rejects.toMatchObject({ status: 404 });
    await expect(gh.request('GET /nope')).rejects.toMatchObject({
      status: 404,
      response: { data: { message: 'Not Found' } },
    });

    await gh.rest.issues.createComment({ ...repo, issue_number: 2, body: 'hi' });
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/repos/acme/app/issues/2/comments',
      headers: { authorization: 'token ghs_test' },
      body: { body: 'hi' },
    });
  });
});
