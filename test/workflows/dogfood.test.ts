// The dogfood workflow run the way the runner sequences it (test/support/workflow.ts): its `uses: ./<action>` steps
// run the committed dist/ on examples/basic against real PostgreSQL, and its last step's own shell script judges the
// outputs. Only the server address differs: the workflow's service container is this test's PostgreSQL.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresAvailable, withClient, type TestDatabase } from '../support/postgres';
import { readJob, runJob } from '../support/workflow';

const root = join(import.meta.dirname, '..', '..');
const available = await postgresAvailable();
const SERVICE = 'postgres://postgres:postgres@localhost:5432/';

describe.skipIf(!available)('.github/workflows/dogfood.yml', () => {
  let work: string;
  let workflow: string;
  let check: TestDatabase;
  let app: TestDatabase;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'dogfood-'));
    const repo = join(work, 'repo');
    cpSync(join(root, 'examples', 'basic'), join(repo, 'examples', 'basic'), {
      recursive: true,
      filter: (src) => !src.includes('node_modules'),
    });
    symlinkSync(join(root, 'node_modules'), join(repo, 'node_modules'));
    writeFileSync(join(repo, '.gitignore'), 'node_modules\n');
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=ci', ...args], { cwd: repo });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-qm', 'main');
    // The workflow's "create the databases" step runs psql against the service; here the test creates them.
    [check, app] = await Promise.all([createTestDatabase('dogfood_check'), createTestDatabase('dogfood_app')]);
    const text = readFileSync(join(root, '.github', 'workflows', 'dogfood.yml'), 'utf8');
    expect(text).toContain(`${SERVICE}dogfood_check`);
    expect(text).toContain(`${SERVICE}dogfood_app`);
    workflow = join(work, 'dogfood.yml');
    writeFileSync(
      workflow,
      text.replaceAll(`${SERVICE}dogfood_check`, check.url).replaceAll(`${SERVICE}dogfood_app`, app.url),
    );
  }, 60_000);
  afterAll(async () => {
    await Promise.all([check?.drop(), app?.drop()]);
    rmSync(work, { recursive: true, force: true });
  });

  it('checks, migrates, migrates again with nothing to do, and finds no drift; its own verdict step passes', async () => {
    const repo = join(work, 'repo');
    let verdict = '';
    const job = await runJob(workflow, 'dogfood', {
      context: {},
      cwd: repo,
      eventName: 'push',
      standIns: {
        verify: async (env) => {
          const script = readJob(workflow, 'dogfood').find((step) => step.id === 'verify')!.run!;
          const result = spawnSync('bash', ['-e', '-c', script], {
            cwd: repo,
            env: { PATH: process.env.PATH, ...env },
            encoding: 'utf8',
          });
          verdict = result.stdout + result.stderr;
          if (result.status !== 0) throw new Error(verdict);
          return {};
        },
      },
    });
    const outcomes = Object.fromEntries(job.steps.filter((s) => s.id).map((s) => [s.id, s.outcome]));
    expect(outcomes, verdict).toEqual({
      check: 'success',
      migrate: 'success',
      again: 'success',
      drift: 'success',
      root: 'success',
      verify: 'success',
    });
    expect(verdict).toContain('check=passed status=applied applied=3/3 again=0 drift=false root=false');
    const tables = await withClient(app.url, async (client) =>
      (await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).rows.map(
        (r) => r.tablename as string,
      ),
    );
    expect(tables).toEqual(['projects', 'tasks', 'users']);
  }, 300_000);
});
