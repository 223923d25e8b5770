// The preview lifecycle, as users wire it: preview.yml's jobs run in order with the template's inputs, through the
// runner harness, against the Neon fake (backed by real PostgreSQL: a preview branch is a real copy of production's
// database), the GitHub fake (the sticky comment) and real PostgreSQL. Only the test says where the fake Neon
// listens (api-host), and the Vercel CLI step is a stand-in that records the DATABASE_URL it was given.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github';
import { startFakeNeon, type FakeNeon } from '../support/fake-neon';
import { postgresAvailable, withClient } from '../support/postgres';
import { runAction } from '../support/runner';
import { runJob, type JobResult } from '../support/workflow';

const root = join(import.meta.dirname, '..', '..');
const TEMPLATE = join(root, 'workflows-templates', 'preview.yml');
const pg = await postgresAvailable();

const VERCEL_TOKEN = 'vcp_previewToken_9f8e7d6c5b4a';
const PR = 42;
const ROWS = 100_000;

let neon: FakeNeon;
let github: FakeGitHub;
let repo: string;
let base: string;
/** Every branch password the fake handed out, and every job run, for the secrets scan at the end. */
const passwords = new Set<string>();
const jobs: JobResult[] = [];
const deployments: Record<string, string>[] = [];

const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=ci', ...args], {
    cwd: repo,
    encoding: 'utf8',
  }).trim();

/** What a developer does: edit the schema, generate the migration with drizzle-kit, commit. */
function commit(message: string, edit: () => void): string {
  edit();
  git('add', '-A');
  git('commit', '-qm', message);
  return git('rev-parse', 'HEAD');
}

function drizzleKit(...args: string[]): void {
  execFileSync('npx', ['drizzle-kit', 'generate', ...args], { cwd: repo, encoding: 'utf8', stdio: 'pipe' });
}

function editFile(path: string, edit: (text: string) => string): void {
  const file = join(repo, path);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
}

function event(action: string, head: string): object {
  const full_name = 'acme/app';
  return {
    action,
    number: PR,
    pull_request: { number: PR, base: { sha: base, repo: { full_name } }, head: { sha: head, repo: { full_name } } },
  };
}

async function previewJob(job: 'preview' | 'cleanup', action: string, head: string): Promise<JobResult> {
  const result = await runJob(TEMPLATE, job, {
    context: {
      secrets: { NEON_API_KEY: neon.apiKey, VERCEL_TOKEN },
      vars: { NEON_PROJECT_ID: neon.projectId, VERCEL_ORG_ID: 'team_preview', VERCEL_PROJECT_ID: 'prj_preview' },
    },
    endpoints: { 'neon-snapshot': { 'api-host': neon.apiHost } },
    githubApiUrl: github.url,
    eventName: 'pull_request',
    event: event(action, head),
    cwd: repo,
    standIns: {
      deploy: async (env) => {
        deployments.push(env);
        return { url: `https://app-git-pr-${PR}-acme.vercel.app` };
      },
    },
  });
  jobs.push(result);
  for (const branch of neon.branches()) passwords.add(branch.password);
  return result;
}

const trace = (job: JobResult) =>
  job.steps.map((s) => `${s.name}: ${s.outcome}\n${s.outcome === 'failure' ? (s.run?.logs ?? '') : ''}`).join('\n');

const query = <T>(url: string, sql: string) => withClient(url, async (c) => (await c.query(sql)).rows as T[]);

const ledger = (url: string) =>
  query<{ hash: string }>(url, 'SELECT hash FROM drizzle.__drizzle_migrations ORDER BY id').then((rows) =>
    rows.map((r) => r.hash),
  );

const columnType = async (url: string, column: string) =>
  (
    await query<{ data_type: string }>(
      url,
      `SELECT data_type FROM information_schema.columns WHERE table_name = 'tasks' AND column_name = '${column}'`,
    )
  )[0]?.data_type;

function comments(): string[] {
  return (github.comments.get(PR) ?? []).map((c) => c.body ?? '');
}

/** The "database-url apply" cell of a migration's row in the rehearsal's table. */
/** The database-url (preview branch) apply time of a migration in schema-check's "New migrations" table. */
function rehearsal(body: string, migration: string): string | undefined {
  const row = body.split('\n').find((line) => line.startsWith(`| \`drizzle/${migration}.sql\` |`));
  return row?.split('|').map((cell) => cell.trim())[3];
}

describe.skipIf(!pg)('preview lifecycle (preview.yml)', () => {
  beforeAll(async () => {
    neon = await startFakeNeon();
    github = await startFakeGitHub();
    // main: the basic example with its three migrations, deployed to production, which holds 100,000 tasks.
    repo = mkdtempSync(join(tmpdir(), 'preview-'));
    cpSync(join(root, 'examples', 'basic'), repo, { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(repo, 'node_modules'));
    writeFileSync(join(repo, '.gitignore'), 'node_modules\n');
    git('init', '-q', '-b', 'main');
    base = commit('main', () => undefined);
    const production = neon.databaseUrl('main');
    const deployed = await runAction({
      action: join(root, 'migrate-with-telemetry'),
      inputs: { 'database-url': production, environment: 'production' },
      cwd: repo,
    });
    expect(deployed.outputs.status, deployed.logs).toBe('applied');
    await withClient(production, (c) =>
      c.query(`INSERT INTO users (email, name) VALUES ('ada@example.com', 'Ada');
               INSERT INTO projects (owner_id, name) VALUES (1, 'app');
               INSERT INTO tasks (project_id, title) SELECT 1, 'task ' || n FROM generate_series(1, ${ROWS}) AS n;`),
    );
  });
  afterAll(async () => {
    await Promise.all([neon?.close(), github?.close()]);
    if (repo) rmSync(repo, { recursive: true, force: true });
  });

  it("opened: a branch with production's rows, the rewrite rehearsed on them, a preview on the pooled URL, one comment", async () => {
    // The pull request widens tasks.priority to bigint: a rewrite of all 100,000 rows.
    const head = commit('priority as bigint', () => {
      editFile('src/db/schema.ts', (t) =>
        t
          .replace('import { boolean,', 'import { bigint, boolean,')
          .replace("priority: integer('priority')", "priority: bigint('priority', { mode: 'number' })"),
      );
      drizzleKit('--name', 'priority_bigint');
      editFile(
        'drizzle/0003_priority_bigint.sql',
        (t) => `-- schema-check:ignore alter-column-type rehearsed on a copy of production first\n${t}`,
      );
    });
    const job = await previewJob('preview', 'opened', head);
    expect(job.failed, trace(job)).toBe(false);

    const branch = job.step('branch').outputs;
    expect(branch).toMatchObject({ 'branch-name': `preview/pr-${PR}`, created: 'true' });
    const url = neon.databaseUrl(`preview/pr-${PR}`);
    expect(neon.branch(`preview/pr-${PR}`).parent_id).toBe(neon.branch('main').id);
    expect(await query(url, 'SELECT count(*)::int AS n FROM tasks')).toEqual([{ n: ROWS }]);

    // The check applied only the new migration to the branch (production's three were there already)…
    const check = job.step('check');
    expect(check.inputs).toMatchObject({ 'database-url': branch['database-url'], transaction: 'all' });
    expect(check.outputs.result).toBe('passed');
    expect(JSON.parse(check.outputs['new-migrations']!)).toEqual(['0003_priority_bigint']);
    expect(check.run!.summary).toContain('already records 3 applied migration(s)');
    expect(await columnType(url, 'priority')).toBe('bigint');
    expect(await columnType(neon.databaseUrl('main'), 'priority')).toBe('integer');
    expect(await ledger(url)).toHaveLength(4);
    // …so the migration that follows finds the branch up to date, under the same transaction policy.
    expect(job.step('migrate').inputs).toMatchObject({ environment: 'preview', transaction: 'all' });
    expect(job.step('migrate').outputs.status).toBe('up-to-date');

    // The Vercel preview got the pooled URL, which reaches the branch.
    expect(deployments).toHaveLength(1);
    expect(deployments[0]!.DATABASE_URL).toBe(branch['database-url-pooled']);
    expect(deployments[0]!.DATABASE_URL).not.toBe(branch['database-url']);
    expect(await columnType(deployments[0]!.DATABASE_URL!, 'priority')).toBe('bigint');

    // One comment: the branch, the deployment, and the rewrite's duration on production's rows.
    expect(comments()).toHaveLength(1);
    const body = comments()[0]!;
    expect(body).toContain(`preview/pr-${PR}`);
    expect(body).toContain(`https://app-git-pr-${PR}-acme.vercel.app`);
    expect(body).toContain(`console.neon.tech/app/projects/${neon.projectId}/branches/${branch['branch-id']}`);
    // What PostgreSQL did on production's copy: the type change rewrote the existing table under its lock.
    expect(body).toMatch(/rewrite[^\n]* on `public\.tasks` from 0003_priority_bigint:\d+ until commit/);
    const duration = rehearsal(body, '0003_priority_bigint');
    expect(duration, body).toMatch(/^\d[\d.]*\s*(µs|ms|s|m)/);
    console.log(`rehearsal of 0003_priority_bigint on ${ROWS} rows: ${duration}`);
  });

  it('synchronize: the branch is reused and only the newly pushed migration is applied', async () => {
    const before = neon.branch(`preview/pr-${PR}`);
    const head = commit('task notes', () => {
      editFile('src/db/schema.ts', (t) =>
        t.replace("title: text('title').notNull(),", "title: text('title').notNull(),\n    notes: text('notes'),"),
      );
      drizzleKit('--name', 'task_notes');
    });
    const job = await previewJob('preview', 'synchronize', head);
    expect(job.failed, trace(job)).toBe(false);
    expect(job.step('branch').outputs).toMatchObject({ 'branch-id': before.id, created: 'false' });
    expect(JSON.parse(job.step('check').outputs['new-migrations']!)).toEqual([
      '0003_priority_bigint',
      '0004_task_notes',
    ]);
    const url = neon.databaseUrl(`preview/pr-${PR}`);
    const hashes = await ledger(url);
    expect(hashes).toHaveLength(5);
    expect(new Set(hashes).size).toBe(5);
    expect(await columnType(url, 'notes')).toBe('text');
    // The rows the first push left are still there: reused, not recreated.
    expect(await query(url, 'SELECT count(*)::int AS n FROM tasks')).toEqual([{ n: ROWS }]);

    expect(comments()).toHaveLength(1);
    const body = comments()[0]!;
    expect(body).toContain(`taken ${before.created_at}`); // the same branch as on the first push
    expect(rehearsal(body, '0003_priority_bigint')).toBe('—'); // already on the branch: not applied again
    expect(rehearsal(body, '0004_task_notes')).toMatch(/^\d/);
  });

  it("a push whose migrations fail on production's data leaves the branch as it was, and the comment says why", async () => {
    const url = neon.databaseUrl(`preview/pr-${PR}`);
    const ledgerBefore = await ledger(url);
    // Both pass on an empty database; the second fails on the copy, whose rows all have priority 0.
    const head = commit('audit table and positive priorities', () => {
      drizzleKit('--custom', '--name', 'audit');
      writeFileSync(join(repo, 'drizzle', '0005_audit.sql'), 'CREATE TABLE "audit" ("id" serial PRIMARY KEY);\n');
      drizzleKit('--custom', '--name', 'priority_positive');
      writeFileSync(
        join(repo, 'drizzle', '0006_priority_positive.sql'),
        '-- schema-check:ignore add-check-constraint reviewed\nALTER TABLE "tasks" ADD CONSTRAINT "priority_positive" CHECK ("priority" > 0);\n',
      );
    });
    const job = await previewJob('preview', 'synchronize', head);
    expect(job.failed).toBe(true);
    expect(job.step('check').outputs.result).toBe('failed');
    expect(job.step('migrate').outcome).toBe('skipped');
    expect(job.step('deploy').outcome).toBe('skipped');
    expect(deployments).toHaveLength(2);
    // transaction: all, so the batch rolled back as one: no audit table, no new ledger row.
    expect(await ledger(url)).toEqual(ledgerBefore);
    expect(await query(url, "SELECT to_regclass('public.audit') AS t")).toEqual([{ t: null }]);

    expect(job.step('comment').outcome).toBe('success');
    expect(comments()).toHaveLength(1);
    expect(comments()[0]).toMatch(/0006_priority_positive.*violated by some row/);
  });

  it('closed: the branch and its data are deleted; a second close is a no-op', async () => {
    const url = neon.databaseUrl(`preview/pr-${PR}`);
    const head = git('rev-parse', 'HEAD');
    const job = await previewJob('cleanup', 'closed', head);
    expect(job.failed, trace(job)).toBe(false);
    expect(JSON.parse(job.step('delete').outputs.deleted!)).toEqual([
      expect.objectContaining({ name: `preview/pr-${PR}` }),
    ]);
    expect(neon.branches().map((b) => b.name)).toEqual(['main']);
    await expect(query(url, 'SELECT 1')).rejects.toThrow(/does not exist/);
    expect(await query(neon.databaseUrl('main'), 'SELECT count(*)::int AS n FROM tasks')).toEqual([{ n: ROWS }]);

    const again = await previewJob('cleanup', 'closed', head);
    expect(again.failed, trace(again)).toBe(false);
    expect(JSON.parse(again.step('delete').outputs.deleted!)).toEqual([]);
  });

  it('skips fork pull requests with a notice, and runs each job only for its events', () => {
    const workflow = parse(readFileSync(TEMPLATE, 'utf8')) as {
      on: { pull_request: { types: string[] } };
      jobs: Record<string, { if: string; permissions?: object; steps: { run?: string }[] }>;
    };
    expect(workflow.on.pull_request.types).toEqual(['opened', 'synchronize', 'reopened', 'closed']);
    const fromThisRepo = 'github.event.pull_request.head.repo.full_name == github.repository';
    expect(workflow.jobs.preview!.if).toBe(`github.event.action != 'closed' && ${fromThisRepo}`);
    expect(workflow.jobs.cleanup!.if).toBe(`github.event.action == 'closed' && ${fromThisRepo}`);
    expect(workflow.jobs.fork!.if).toBe(fromThisRepo.replace('==', '!='));
    expect(workflow.jobs.fork!.permissions).toEqual({});
    expect(workflow.jobs.fork!.steps[0]!.run).toMatch(/::notice::/);
  });

  it('never prints the Neon key, the Vercel token or a branch password', () => {
    expect(jobs.length).toBe(5);
    const secrets = [neon.apiKey, VERCEL_TOKEN, ...passwords];
    for (const job of jobs) {
      for (const step of job.steps) {
        if (!step.run) continue;
        const { 'database-url': _d, 'database-url-pooled': _p, ...outputs } = step.outputs;
        const seen = [step.run.logs, step.run.summary, step.run.debug.join('\n'), JSON.stringify(outputs)].join('\n');
        for (const secret of secrets) expect(seen, `${step.name} printed a secret`).not.toContain(secret);
      }
    }
    for (const body of comments()) for (const secret of secrets) expect(body).not.toContain(secret);
  });
});
