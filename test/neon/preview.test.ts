// neon-snapshot's per-pull-request modes (preview, delete, reset) end to end: the committed dist/ bundle run like the
// runner runs it, on a pull_request event, against the Neon fake backed by real PostgreSQL, so each check reads the
// data a connection URL really reaches.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeNeon, type FakeNeon } from '../support/fake-neon.js';
import { postgresAvailable, withClient } from '../support/postgres.js';
import { runAction, type ActionRun } from '../support/runner.js';

const pg = await postgresAvailable();
const ACTION = resolve('neon-snapshot');
const PR = 42;
const pullRequest = (number = PR) => ({
  action: 'opened',
  number,
  pull_request: {
    number,
    base: { sha: 'b'.repeat(40), repo: { full_name: 'org/app' } },
    head: { sha: 'h'.repeat(40), repo: { full_name: 'org/app' } },
  },
});

/** Every run with the secrets it could have leaked (branch passwords are gone once their branch is deleted). */
const runs: { run: ActionRun; secrets: string[] }[] = [];
const fakes: FakeNeon[] = [];

async function neonSnapshot(
  fake: FakeNeon,
  inputs: Record<string, string>,
  event: object = pullRequest(),
): Promise<ActionRun> {
  const before = fake.branches().map((b) => b.password);
  const run = await runAction({
    action: ACTION,
    inputs: { 'api-key': fake.apiKey, 'project-id': fake.projectId, 'api-host': fake.apiHost, ...inputs },
    event,
    eventName: 'pull_request' in event ? 'pull_request' : 'workflow_dispatch',
    timeoutMs: 60_000,
  });
  runs.push({ run, secrets: [fake.apiKey, ...before, ...fake.branches().map((b) => b.password)] });
  return run;
}

const errors = (run: ActionRun) => run.annotations.filter((a) => a.level === 'error').map((a) => a.message);

function expectSuccess(run: ActionRun): void {
  expect(errors(run), run.logs).toEqual([]);
  expect(run.exitCode, run.logs).toBe(0);
}

function expectOneLine(run: ActionRun, pattern: RegExp): void {
  expect(run.exitCode, run.logs).toBe(1);
  expect(errors(run)).toHaveLength(1);
  expect(errors(run)[0]).toMatch(pattern);
  expect(run.logs).not.toMatch(/\n\s+at /); // no stack trace
}

const emails = (url: string) =>
  withClient(url, async (c) => (await c.query('SELECT email FROM users ORDER BY id')).rows.map((r) => r.email));

async function production(): Promise<FakeNeon> {
  const fake = await startFakeNeon();
  fakes.push(fake);
  await withClient(fake.databaseUrl('main'), (c) =>
    c.query(`CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL UNIQUE);
             INSERT INTO users (email) VALUES ('ada@example.com'), ('grace@example.com');`),
  );
  return fake;
}

afterAll(async () => {
  for (const fake of fakes) await fake.close();
});

describe.skipIf(!pg)('neon-snapshot mode: preview', () => {
  let fake: FakeNeon;
  beforeAll(async () => {
    fake = await production();
  });

  it("creates preview/pr-<number> from the default branch with a compute, production's rows, and a pooled URL", async () => {
    const run = await neonSnapshot(fake, { mode: 'preview', 'expires-in': '7d' });
    expectSuccess(run);
    expect(run.outputs).toMatchObject({ 'branch-name': `preview/pr-${PR}`, created: 'true' });
    const branch = fake.branch(`preview/pr-${PR}`);
    expect(run.outputs['branch-id']).toBe(branch.id);
    expect(branch.parent_id).toBe(fake.branch('main').id);
    expect(branch.endpoint).toBe(true);
    expect(Date.parse(branch.expires_at!)).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    const { 'database-url': direct, 'database-url-pooled': pooled } = run.outputs;
    expect(new URL(pooled!).host).not.toBe(new URL(direct!).host);
    expect(await emails(direct!)).toEqual(['ada@example.com', 'grace@example.com']);
    // The copy is the preview's own: writing to it leaves production alone, and the pooled URL sees the same data.
    await withClient(direct!, (c) => c.query("INSERT INTO users (email) VALUES ('preview@example.com')"));
    expect(await emails(pooled!)).toContain('preview@example.com');
    expect(await emails(fake.databaseUrl('main'))).not.toContain('preview@example.com');
    expect(run.masks).toEqual(expect.arrayContaining([direct, pooled, branch.password]));
    expect(run.summary).toContain(`preview/pr-${PR}`);
  });

  it('reuses the branch on the next push: same id, same data, created false', async () => {
    const first = fake.branch(`preview/pr-${PR}`);
    const run = await neonSnapshot(fake, { mode: 'preview' });
    expectSuccess(run);
    expect(run.outputs).toMatchObject({ 'branch-id': first.id, created: 'false' });
    expect(await emails(run.outputs['database-url']!)).toContain('preview@example.com');
    expect(fake.branches().filter((b) => b.name === `preview/pr-${PR}`)).toHaveLength(1);
  });

  it('gives a reused branch that has no compute a read-write one, so its URL connects', async () => {
    await fake.addBranch('preview/pr-7', { endpoint: false });
    const run = await neonSnapshot(fake, { mode: 'preview' }, pullRequest(7));
    expectSuccess(run);
    expect(run.outputs.created).toBe('false');
    expect(fake.branch('preview/pr-7').endpoint).toBe(true);
    expect(fake.requests.some((r) => r.method === 'POST' && r.path.endsWith('/endpoints'))).toBe(true);
    expect(await emails(run.outputs['database-url']!)).toEqual(['ada@example.com', 'grace@example.com']);
  });

  it('refuses, in one line, to hand out the default or a protected branch, or to guess a name off a pull request', async () => {
    expectOneLine(
      await neonSnapshot(fake, { mode: 'preview', name: 'main' }),
      /name "main" is the project's default branch/,
    );
    await fake.addBranch('staging', { protected: true });
    expectOneLine(await neonSnapshot(fake, { mode: 'preview', name: 'staging' }), /"staging" is a protected branch/);
    expectOneLine(
      await neonSnapshot(fake, { mode: 'preview' }, {}),
      /^neon-snapshot: mode "preview" names the branch after the pull request, but this run is not for one .*: set name/,
    );
    expectOneLine(
      await neonSnapshot(fake, { mode: 'previews' }),
      /input "mode" must be one of create, restore, cleanup, preview, delete, reset/,
    );
  });

  it('ends a failed Neon operation, a persistent 5xx or a bad key with one line, creating nothing twice', async () => {
    fake.failNextOperation();
    const failed = await neonSnapshot(fake, { mode: 'preview' }, pullRequest(8));
    expectOneLine(
      failed,
      /create branch "preview\/pr-8": Neon operation create_timeline \(.*\) failed: timeline creation failed/,
    );

    fake.failNext(503, { method: 'POST', path: /\/branches$/, times: 2 });
    fake.failNext(429, { method: 'GET', path: /connection_uri/, headers: { 'retry-after': '1' } });
    const flaky = await neonSnapshot(fake, { mode: 'preview' }, pullRequest(9));
    expectSuccess(flaky);
    expect(fake.branches().filter((b) => b.name === 'preview/pr-9')).toHaveLength(1);

    fake.lockFor(1_500);
    const locked = await neonSnapshot(fake, { mode: 'preview' }, pullRequest(10));
    expectSuccess(locked);
    expect(locked.logs).toMatch(/Neon answered HTTP 423 .*; retrying in/);

    fake.failNext(500, { path: /connection_uri/, times: 100 });
    const down = await neonSnapshot(fake, { mode: 'preview', 'wait-timeout': '2s' }, pullRequest(9));
    expectOneLine(down, /read the connection URI: Neon answered HTTP 500.*gave up after \d+ attempt/);

    const key = await neonSnapshot(fake, { mode: 'preview', 'api-key': 'napi_not_the_key_123' });
    expectOneLine(key, /^neon-snapshot: Neon rejected the API key \(HTTP 401/);
    expect(key.logs).not.toContain('napi_not_the_key_123');
    const project = await neonSnapshot(fake, { mode: 'preview', 'project-id': 'gone-project-1' });
    expectOneLine(project, /Neon project "gone-project-1" was not found \(HTTP 404\)/);
  });
});

describe.skipIf(!pg)('neon-snapshot mode: delete', () => {
  let fake: FakeNeon;
  beforeAll(async () => {
    fake = await production();
  });

  it("deletes the pull request's branch and its data; deleting it again is a no-op success", async () => {
    expectSuccess(await neonSnapshot(fake, { mode: 'preview' }));
    const url = fake.databaseUrl(`preview/pr-${PR}`);
    const run = await neonSnapshot(fake, { mode: 'delete' });
    expectSuccess(run);
    expect(JSON.parse(run.outputs.deleted!)).toEqual([expect.objectContaining({ name: `preview/pr-${PR}` })]);
    expect(fake.branches().map((b) => b.name)).not.toContain(`preview/pr-${PR}`);
    await expect(emails(url)).rejects.toThrow(/does not exist/);

    const again = await neonSnapshot(fake, { mode: 'delete' });
    expectSuccess(again);
    expect(JSON.parse(again.outputs.deleted!)).toEqual([]);
    expect(
      again.annotations
        .filter((a) => a.level === 'notice')
        .map((a) => a.message)
        .join('\n'),
    ).toMatch(/does not exist \(already deleted\)/);
  });

  it('treats a 404 from the delete itself (deleted meanwhile) as done, and retries 423/5xx', async () => {
    expectSuccess(await neonSnapshot(fake, { mode: 'preview' }, pullRequest(11)));
    fake.failNext(404, { method: 'DELETE', body: { code: '', message: 'branch not found' } });
    const gone = await neonSnapshot(fake, { mode: 'delete' }, pullRequest(11));
    expectSuccess(gone);
    expect(JSON.parse(gone.outputs.deleted!)).toEqual([]);

    fake.failNext(502, { method: 'DELETE' });
    fake.lockFor(1_000);
    const retried = await neonSnapshot(fake, { mode: 'delete' }, pullRequest(11));
    expectSuccess(retried);
    expect(fake.branches().map((b) => b.name)).not.toContain('preview/pr-11');
  });

  it('refuses a name outside the prefix before any call to Neon', async () => {
    const requests = fake.requests.length;
    expectOneLine(
      await neonSnapshot(fake, { mode: 'delete', name: 'main' }),
      /^neon-snapshot: name "main" is outside prefix "preview\/", and mode "delete" removes only branches under it/,
    );
    expectOneLine(
      await neonSnapshot(fake, { mode: 'delete', name: 'snapshot/production/x', prefix: 'preview/' }),
      /outside prefix "preview\/"/,
    );
    expect(fake.requests.length).toBe(requests);
  });

  it('refuses the default branch, a protected branch and one with children, deleting nothing', async () => {
    await fake.addBranch('preview/locked-down', { protected: true });
    await fake.addBranch('preview/parent');
    await fake.addBranch('preview/child', { parent: 'preview/parent' });
    const before = fake.branches().map((b) => b.name);
    const deletesBefore = fake.requests.filter((r) => r.method === 'DELETE').length;
    expectOneLine(
      await neonSnapshot(fake, { mode: 'delete', name: 'main', prefix: 'ma' }),
      /"main" is the project's default branch/,
    );
    expectOneLine(await neonSnapshot(fake, { mode: 'delete', name: 'preview/locked-down' }), /is a protected branch/);
    expectOneLine(
      await neonSnapshot(fake, { mode: 'delete', name: 'preview/parent' }),
      /branch "preview\/parent" has child branch "preview\/child".*delete "preview\/child" first/,
    );
    expect(fake.branches().map((b) => b.name)).toEqual(before);
    expect(fake.requests.filter((r) => r.method === 'DELETE')).toHaveLength(deletesBefore);
  });
});

describe.skipIf(!pg)('neon-snapshot mode: reset', () => {
  let fake: FakeNeon;
  beforeAll(async () => {
    fake = await production();
  });

  it("brings the branch back to its parent's current data, keeping its id and URL; preserve-as keeps the old state", async () => {
    const created = await neonSnapshot(fake, { mode: 'preview' });
    expectSuccess(created);
    const url = created.outputs['database-url']!;
    await withClient(url, (c) => c.query("INSERT INTO users (email) VALUES ('tester@example.com')"));
    await withClient(fake.databaseUrl('main'), (c) => c.query("INSERT INTO users (email) VALUES ('new@example.com')"));

    const reset = await neonSnapshot(fake, { mode: 'reset', 'preserve-as': 'preview/pr-42-before-reset' });
    expectSuccess(reset);
    expect(reset.outputs['branch-id']).toBe(created.outputs['branch-id']);
    expect(await emails(url)).toEqual(['ada@example.com', 'grace@example.com', 'new@example.com']);
    const kept = fake.branch('preview/pr-42-before-reset');
    expect(reset.outputs['preserved-branch-id']).toBe(kept.id);
    expect(await emails(fake.databaseUrl(kept.id))).toContain('tester@example.com');
    const restore = fake.requests.find((r) => r.method === 'POST' && r.path.endsWith('/restore'))!;
    expect(restore.body).toEqual({
      source_branch_id: fake.branch('main').id,
      preserve_under_name: 'preview/pr-42-before-reset',
    });

    const plain = await neonSnapshot(fake, { mode: 'reset' });
    expectSuccess(plain);
    expect(plain.outputs['preserved-branch-id']).toBe('');
  });

  it('refuses a missing, default or root branch and one with children without preserve-as, in one line', async () => {
    expectOneLine(
      await neonSnapshot(fake, { mode: 'reset' }, pullRequest(99)),
      /branch "preview\/pr-99" does not exist, so there is nothing to reset/,
    );
    expectOneLine(await neonSnapshot(fake, { mode: 'reset', name: 'main' }), /"main" is the project's default branch/);
    await fake.addBranch('preview/root', { root: true });
    expectOneLine(
      await neonSnapshot(fake, { mode: 'reset', name: 'preview/root' }),
      /is a root branch: it has no parent/,
    );
    await fake.addBranch('preview/with-child');
    await fake.addBranch('preview/grandchild', { parent: 'preview/with-child' });
    expectOneLine(
      await neonSnapshot(fake, { mode: 'reset', name: 'preview/with-child' }),
      /has child branch "preview\/grandchild": set preserve-as/,
    );
  });

  it('ends a failed restore operation with one line, and retries a 423', async () => {
    fake.failNextOperation('restore failed: timeline not found');
    expectOneLine(
      await neonSnapshot(fake, { mode: 'reset' }),
      /Neon operation .* failed: restore failed: timeline not found/,
    );
    fake.failNext(423, { method: 'POST', path: /\/restore$/ });
    expectSuccess(await neonSnapshot(fake, { mode: 'reset' }));
  });
});

describe.skipIf(!pg)('neon-snapshot preview, delete and reset: Neon faults', () => {
  let fake: FakeNeon;
  beforeAll(async () => {
    fake = await production();
  });

  it.each(['preview', 'delete', 'reset'])(
    'mode %s: a wrong key, a missing project and a Neon that keeps failing each end with one line',
    async (mode) => {
      const key = await neonSnapshot(fake, { mode, 'api-key': 'napi_wrong_key_for_faults' });
      expectOneLine(key, /^neon-snapshot: Neon rejected the API key \(HTTP 401: authentication required\)/);
      expect(key.logs).not.toContain('napi_wrong_key_for_faults');
      expectOneLine(
        await neonSnapshot(fake, { mode, 'project-id': 'no-such-project' }),
        /^neon-snapshot: Neon project "no-such-project" was not found \(HTTP 404\): check project-id/,
      );
      // A fake of its own: the fault outlasts the run.
      const down = await startFakeNeon();
      fakes.push(down);
      down.failNext(503, { method: 'GET', path: /\/branches$/, times: 1_000 });
      expectOneLine(
        await neonSnapshot(down, { mode, 'wait-timeout': '2s' }),
        /^neon-snapshot: list branches: Neon answered HTTP 503.*\(gave up after \d+ attempt\(s\)\)$/,
      );
    },
  );

  it('a failed delete operation ends with one line naming it', async () => {
    expectSuccess(await neonSnapshot(fake, { mode: 'preview' }, pullRequest(5)));
    fake.failNextOperation('timeline deletion failed: pageserver returned 500');
    expectOneLine(
      await neonSnapshot(fake, { mode: 'delete' }, pullRequest(5)),
      /^neon-snapshot: delete branch "preview\/pr-5": Neon operation \w+ \(.*\) failed: timeline deletion failed/,
    );
  });
});

describe.skipIf(!pg)('neon-snapshot preview modes: secrets', () => {
  it('never show the API key or a branch password in logs, outputs (but the masked URLs), summaries or debug', () => {
    expect(runs.length).toBeGreaterThan(20);
    for (const { run, secrets } of runs) {
      const { 'database-url': direct, 'database-url-pooled': pooled, ...outputs } = run.outputs;
      const visible = [run.logs, run.summary, JSON.stringify(outputs), run.debug.join('\n')].join('\n');
      for (const secret of secrets) expect(visible).not.toContain(secret);
      if (direct) expect(run.masks).toContain(direct);
      if (pooled) expect(run.masks).toContain(pooled);
    }
  });
});
