// neon-snapshot end to end: the committed dist/ bundle run like the runner runs it, against the Neon fake backed by
// real PostgreSQL, so a restore is checked on the data a connection really reaches.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeNeon, type FakeNeon } from '../support/fake-neon.js';
import { postgresAvailable, withClient } from '../support/postgres.js';
import { runAction, type ActionRun } from '../support/runner.js';

const pg = await postgresAvailable();
const ACTION = resolve('neon-snapshot');

/** Every run, so the secrets check at the end covers all of them. */
const runs: { run: ActionRun; fake: FakeNeon }[] = [];
const fakes: FakeNeon[] = [];

async function fakeNeon(options?: Parameters<typeof startFakeNeon>[0]): Promise<FakeNeon> {
  const fake = await startFakeNeon(options);
  fakes.push(fake);
  return fake;
}

async function snapshot(fake: FakeNeon, inputs: Record<string, string>): Promise<ActionRun> {
  const run = await runAction({
    action: ACTION,
    inputs: { 'api-key': fake.apiKey, 'project-id': fake.projectId, 'api-host': fake.apiHost, ...inputs },
    timeoutMs: 60_000,
  });
  runs.push({ run, fake });
  return run;
}

function errors(run: ActionRun): string[] {
  return run.annotations.filter((a) => a.level === 'error').map((a) => a.message);
}

function expectSuccess(run: ActionRun): void {
  expect(errors(run), run.logs).toEqual([]);
  expect(run.exitCode, run.logs).toBe(0);
}

/** The user-visible shape of a database: tables, columns, indexes, and the rows of `users`. */
async function catalog(url: string): Promise<unknown> {
  return withClient(url, async (client) => {
    const columns = await client.query(
      `SELECT table_schema, table_name, column_name, data_type, is_nullable, column_default
         FROM information_schema.columns
        WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
        ORDER BY 1, 2, ordinal_position`,
    );
    const indexes = await client.query(
      `SELECT schemaname, tablename, indexname, indexdef FROM pg_indexes
        WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2, 3`,
    );
    const users = await client.query('SELECT * FROM users ORDER BY id');
    return { columns: columns.rows, indexes: indexes.rows, users: users.rows };
  });
}

afterAll(async () => {
  for (const fake of fakes) await fake.close();
});

describe.skipIf(!pg)('neon-snapshot create and restore (branch method)', () => {
  let fake: FakeNeon;
  beforeAll(async () => {
    fake = await fakeNeon();
    await withClient(fake.databaseUrl('main'), (client) =>
      client.query(`CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL UNIQUE);
                    INSERT INTO users (email) VALUES ('ada@example.com'), ('grace@example.com');`),
    );
  });

  it('snapshots the protected branch, and a restore after a migration brings the schema and data back', async () => {
    const before = await catalog(fake.databaseUrl('main'));

    const created = await snapshot(fake, { environment: 'production' });
    expectSuccess(created);
    const name = created.outputs['branch-name']!;
    expect(name).toMatch(/^snapshot\/production\/\d{8}T\d{6}Z-0123456$/);
    expect(created.outputs.created).toBe('true');
    const branch = fake.branch(name);
    expect(created.outputs['branch-id']).toBe(branch.id);
    expect(branch.parent_id).toBe(fake.branch('main').id);
    expect(created.outputs['parent-lsn']).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
    expect(created.outputs['parent-timestamp']).toBe(branch.parent_timestamp);
    // The URL works (it reaches the snapshot's copy) and is masked.
    const url = created.outputs['database-url']!;
    expect(await catalog(url)).toEqual(before);
    expect(created.masks).toContain(url);
    expect(created.masks).toContain(branch.password);
    expect(created.summary).toContain(`created: \`${name}\``);
    expect(created.outputs.report).toBeTruthy();

    // A migration that goes wrong in production.
    await withClient(fake.databaseUrl('main'), (client) =>
      client.query(`ALTER TABLE users ADD COLUMN nickname text;
                    CREATE INDEX users_nickname ON users (nickname);
                    CREATE TABLE audit (id bigint);
                    DELETE FROM users WHERE id = 1;`),
    );
    const migrated = await catalog(fake.databaseUrl('main'));
    expect(migrated).not.toEqual(before);

    const restored = await snapshot(fake, { mode: 'restore', 'restore-from': 'latest', 'preserve-as': 'main-broken' });
    expectSuccess(restored);
    expect(restored.outputs['restored-branch-id']).toBe(fake.branch('main').id);
    expect(restored.outputs['preserved-branch-id']).toBe(fake.branch('main-broken').id);
    // The same connection string as before the restore now reaches the old schema and rows.
    expect(await catalog(fake.databaseUrl('main'))).toEqual(before);
    expect(await catalog(fake.databaseUrl('main-broken'))).toEqual(migrated);
    const restoreCall = fake.requests.find((r) => r.method === 'POST' && r.path.endsWith('/restore'));
    expect(restoreCall?.path).toBe(`/api/v2/projects/${fake.projectId}/branches/${fake.branch('main').id}/restore`);
    expect(restoreCall?.body).toEqual({ source_branch_id: branch.id, preserve_under_name: 'main-broken' });
  });

  it('reuses an existing snapshot of the same name instead of failing or duplicating it', async () => {
    const first = await snapshot(fake, { name: 'snapshot/release-42' });
    expectSuccess(first);
    const second = await snapshot(fake, { name: 'snapshot/release-42' });
    expectSuccess(second);
    expect(first.outputs.created).toBe('true');
    expect(second.outputs.created).toBe('false');
    expect(second.outputs['branch-id']).toBe(first.outputs['branch-id']);
    expect(second.outputs['database-url']).toBe(first.outputs['database-url']);
    expect(fake.branches().filter((b) => b.name === 'snapshot/release-42')).toHaveLength(1);
    const creations = fake.requests.filter(
      (r) => r.method === 'POST' && (r.body as { branch?: { name?: string } })?.branch?.name === 'snapshot/release-42',
    );
    expect(creations).toHaveLength(1);
    // It waited for Neon: every operation the creation started was polled until it finished.
    const started = fake.operations.filter((op) => op.branch_id === first.outputs['branch-id']);
    expect(started.map((op) => op.action).sort()).toEqual(['create_timeline', 'start_compute']);
    for (const op of started) {
      expect(op.status).toBe('finished');
      expect(op.polls).toBeGreaterThanOrEqual(2);
    }
  });

  it('sets the expiry from expires-in', async () => {
    const start = Date.now();
    const run = await snapshot(fake, { name: 'snapshot/expiring', 'expires-in': '2h' });
    const end = Date.now();
    expectSuccess(run);
    const expires = Date.parse(fake.branch('snapshot/expiring').expires_at ?? '');
    expect(expires).toBeGreaterThanOrEqual(start - 1000 + 2 * 3_600_000);
    expect(expires).toBeLessThanOrEqual(end + 2 * 3_600_000);
  });

  it('restores from a snapshot named by id, and refuses an unknown one without changes', async () => {
    const source = fake.branch('snapshot/expiring');
    const expected = await catalog(fake.databaseUrl(source.id));
    await withClient(fake.databaseUrl('main'), (client) => client.query('DROP TABLE users CASCADE'));
    const run = await snapshot(fake, { mode: 'restore', 'restore-from': source.id, 'preserve-as': 'main-dropped' });
    expectSuccess(run);
    expect(await catalog(fake.databaseUrl('main'))).toEqual(expected);

    const restoresBefore = fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/restore')).length;
    const unknown = await snapshot(fake, { mode: 'restore', 'restore-from': 'snapshot/nope' });
    expect(unknown.exitCode).toBe(1);
    expect(errors(unknown)).toHaveLength(1);
    expect(errors(unknown)[0]).toMatch(/^neon-snapshot: restore-from "snapshot\/nope" matches no branch by name or id/);
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/restore'))).toHaveLength(
      restoresBefore,
    );
    const taken = await snapshot(fake, { mode: 'restore', 'preserve-as': 'main-dropped' });
    expect(errors(taken)).toEqual([
      'neon-snapshot: preserve-as "main-dropped" is already the name of a branch; choose another name so the current state is not lost',
    ]);
  });
});

describe.skipIf(!pg)('neon-snapshot with the snapshot method', () => {
  let fake: FakeNeon;
  beforeAll(async () => {
    fake = await fakeNeon();
    await withClient(fake.databaseUrl('main'), (client) =>
      client.query(
        `CREATE TABLE users (id int PRIMARY KEY, email text); INSERT INTO users VALUES (1, 'ada@example.com');`,
      ),
    );
    await fake.addBranch('dev');
  });

  it('refuses a non-root branch with one clear line and calls no snapshot endpoint', async () => {
    const run = await snapshot(fake, { method: 'snapshot', branch: 'dev', name: 'snapshot/dev' });
    expect(run.exitCode).toBe(1);
    expect(errors(run)).toEqual([
      'neon-snapshot: method "snapshot" works only on root branches, and "dev" is a child of "main": use method: branch, or set branch to a root branch',
    ]);
    expect(fake.requests.filter((r) => r.path.endsWith('/branches/' + fake.branch('dev').id + '/snapshot'))).toEqual(
      [],
    );
  });

  it('takes a snapshot of a root branch and restores it, keeping the previous state', async () => {
    const before = await catalog(fake.databaseUrl('main'));
    const created = await snapshot(fake, { method: 'snapshot', name: 'snapshot/nightly', 'expires-in': '1d' });
    expectSuccess(created);
    const [snap] = fake.snapshots();
    expect(snap?.name).toBe('snapshot/nightly');
    expect(created.outputs['branch-id']).toBe(snap?.id);
    expect(created.outputs['parent-lsn']).toBe(snap?.lsn);
    expect(created.outputs['database-url']).toBeUndefined();
    expect(Date.parse(snap?.expires_at ?? '')).toBeGreaterThan(Date.now() + 23 * 3_600_000);

    const again = await snapshot(fake, { method: 'snapshot', name: 'snapshot/nightly' });
    expectSuccess(again);
    expect(again.outputs.created).toBe('false');
    expect(fake.snapshots()).toHaveLength(1);

    await withClient(fake.databaseUrl('main'), (client) => client.query('ALTER TABLE users DROP COLUMN email'));
    const restored = await snapshot(fake, { mode: 'restore', method: 'snapshot', 'preserve-as': 'main-before' });
    expectSuccess(restored);
    expect(fake.branch('main').id).toBe(restored.outputs['restored-branch-id']);
    expect(fake.branch('main-before').id).toBe(restored.outputs['preserved-branch-id']);
    expect(fake.branch('main').default).toBe(true);
    expect(await catalog(fake.databaseUrl('main'))).toEqual(before);
    expect(await catalog(fake.databaseUrl('main-before'))).not.toEqual(before);
  });

  it('cleans up snapshots under the prefix beyond the newest `keep`', async () => {
    expectSuccess(await snapshot(fake, { method: 'snapshot', name: 'snapshot/zz' }));
    const run = await snapshot(fake, { mode: 'cleanup', method: 'snapshot', keep: '1' });
    expectSuccess(run);
    expect((JSON.parse(run.outputs.deleted ?? '[]') as { name: string }[]).map((d) => d.name)).toEqual([
      'snapshot/nightly',
    ]);
    expect(fake.snapshots().map((s) => s.name)).toEqual(['snapshot/zz']);
  });
});

describe.skipIf(!pg)('neon-snapshot cleanup', () => {
  it('deletes only old snapshot branches beyond the newest `keep`, never protected ones or ones with children', async () => {
    const fake = await fakeNeon();
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
    await fake.addBranch('snapshot/a', { createdAt: daysAgo(10) });
    await fake.addBranch('snapshot/b', { createdAt: daysAgo(9) });
    await fake.addBranch('snapshot/c', { createdAt: daysAgo(8) });
    await fake.addBranch('snapshot/f', { createdAt: daysAgo(7) });
    await fake.addBranch('feature/x', { parent: 'snapshot/f', createdAt: daysAgo(6) });
    await fake.addBranch('snapshot/protected', { createdAt: daysAgo(20), protected: true });
    await fake.addBranch('snapshot/e', { createdAt: daysAgo(2) });
    await fake.addBranch('snapshot/d', { createdAt: daysAgo(0.05) });
    await fake.addBranch('other/old', { createdAt: daysAgo(30) });

    const run = await snapshot(fake, { mode: 'cleanup', keep: '1', 'older-than': '3d' });
    expectSuccess(run);
    const deleted = JSON.parse(run.outputs.deleted ?? 'null') as { name: string; id: string }[];
    expect(deleted.map((d) => d.name)).toEqual(['snapshot/c', 'snapshot/b', 'snapshot/a']);
    expect(
      fake
        .branches()
        .map((b) => b.name)
        .sort(),
    ).toEqual(
      ['feature/x', 'main', 'other/old', 'snapshot/d', 'snapshot/e', 'snapshot/f', 'snapshot/protected'].sort(),
    );
    // Never the default branch, even when the prefix covers it and nothing is to be kept.
    const main = await snapshot(fake, { mode: 'cleanup', keep: '0', prefix: 'ma' });
    expectSuccess(main);
    expect(main.outputs.deleted).toBe('[]');
    expect(fake.branches().map((b) => b.name)).toContain('main');
  });
});

describe.skipIf(!pg)('neon-snapshot against a busy or failing Neon', () => {
  let fake: FakeNeon;
  beforeAll(async () => {
    fake = await fakeNeon();
  });

  it('retries while another operation locks the project (423)', async () => {
    fake.lockFor(1200);
    const run = await snapshot(fake, { name: 'snapshot/locked' });
    expectSuccess(run);
    expect(run.logs).toMatch(/create branch "snapshot\/locked": Neon answered HTTP 423/);
    expect(fake.branches().filter((b) => b.name === 'snapshot/locked')).toHaveLength(1);
  });

  it('waits as long as Retry-After says on 429', async () => {
    fake.failNext(429, {
      method: 'POST',
      path: /\/branches$/,
      headers: { 'retry-after': '1' },
      body: { code: '', message: 'rate limit exceeded' },
    });
    const run = await snapshot(fake, { name: 'snapshot/rate-limited' });
    expectSuccess(run);
    expect(run.logs).toContain('Neon answered HTTP 429 (rate limit exceeded); retrying in 1.0s');
  });

  it('retries 5xx with backoff, on changes and on polls', async () => {
    fake.failNext(503, { method: 'POST', path: /\/branches$/ });
    fake.failNext(500, { method: 'GET', path: /\/operations\//, times: 2 });
    const run = await snapshot(fake, { name: 'snapshot/flaky' });
    expectSuccess(run);
    expect(fake.branches().filter((b) => b.name === 'snapshot/flaky')).toHaveLength(1);
    expect(run.logs).toMatch(/HTTP 503/);
    expect(run.logs).toMatch(/read an operation: Neon answered HTTP 500/);
  });

  it('gives up on a Neon that keeps failing, within wait-timeout', async () => {
    const down = await fakeNeon();
    down.failNext(500, { method: 'POST', path: /\/branches$/, times: 100 });
    const run = await snapshot(down, { name: 'snapshot/down', 'wait-timeout': '2s' });
    expect(run.exitCode).toBe(1);
    expect(errors(run)).toHaveLength(1);
    expect(errors(run)[0]).toMatch(/^neon-snapshot: create branch "snapshot\/down": Neon answered HTTP 500.*gave up/);
    expect(down.branches().map((b) => b.name)).toEqual(['main']);
  });

  it('fails with the reason when a Neon operation fails', async () => {
    fake.failNextOperation('timeline creation failed: pageserver returned 500');
    const run = await snapshot(fake, { name: 'snapshot/failed-op' });
    expect(run.exitCode).toBe(1);
    expect(errors(run)).toEqual([
      expect.stringMatching(
        /^neon-snapshot: create branch "snapshot\/failed-op": Neon operation create_timeline \(.+\) failed: timeline creation failed: pageserver returned 500/,
      ),
    ]);
  });

  it('stops waiting at wait-timeout for operations that never finish', async () => {
    const slow = await fakeNeon({ pollsPerOperation: 1_000, operationMs: Number.POSITIVE_INFINITY });
    const run = await snapshot(slow, { name: 'snapshot/slow', 'wait-timeout': '2s' });
    expect(run.exitCode).toBe(1);
    expect(errors(run)[0]).toMatch(
      /still running after wait-timeout 2.0s: create_timeline \S+ \(running\).* raise wait-timeout/,
    );
  });

  it('reports a wrong API key or project id in one line, changing nothing', async () => {
    const key = await runAction({
      action: ACTION,
      inputs: { 'api-key': 'napi_wrongwrongwrong', 'project-id': fake.projectId, 'api-host': fake.apiHost },
    });
    runs.push({ run: key, fake });
    expect(key.exitCode).toBe(1);
    expect(errors(key)).toEqual([
      `neon-snapshot: Neon rejected the API key (HTTP 401: authentication required): set api-key to a valid Neon API key with access to project ${fake.projectId}`,
    ]);
    expect(key.logs).not.toContain('napi_wrongwrongwrong');
    const project = await snapshot(fake, { 'project-id': 'no-such-project' });
    expect(project.exitCode).toBe(1);
    expect(errors(project)).toHaveLength(1);
    expect(errors(project)[0]).toMatch(
      /^neon-snapshot: Neon project "no-such-project" was not found \(HTTP 404\): check project-id/,
    );
    const host = await snapshot(fake, { 'api-host': 'http://127.0.0.1:9/api/v2' });
    expect(errors(host)).toEqual([
      'neon-snapshot: cannot reach the Neon API at http://127.0.0.1:9/api/v2 (ECONNREFUSED): check api-host and the network',
    ]);
    expect(key.logs + project.logs + host.logs).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe.skipIf(!pg)('neon-snapshot secrets', () => {
  it('never shows the API key or a branch password in logs, outputs, summaries or request bodies', () => {
    expect(runs.length).toBeGreaterThan(10);
    for (const { run, fake } of runs) {
      const secrets = [fake.apiKey, ...fake.branches().map((b) => b.password)];
      const { 'database-url': url, ...outputs } = run.outputs;
      const visible = [run.logs, run.summary, JSON.stringify(outputs), run.debug.join('\n')].join('\n');
      for (const secret of secrets) expect(visible).not.toContain(secret);
      if (url) expect(run.masks).toContain(url);
    }
    for (const fake of fakes) {
      const sent = JSON.stringify(fake.requests.map((r) => [r.path, r.query, r.body]));
      expect(sent).not.toContain(fake.apiKey);
    }
  });
});
