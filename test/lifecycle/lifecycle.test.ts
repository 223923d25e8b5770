// The whole lifecycle, as users wire it: each template's schema-actions steps run in the template's order with the
// template's inputs, through the runner harness, against real PostgreSQL and the fakes (Neon backed by real
// PostgreSQL, Vercel, Loki, PagerDuty, GitHub). Two things differ from a hosted run, and only these: the test tells
// each action where the fake service listens (api-host, vercel-api-url, pagerduty-url, the probed url), and it
// compresses the canary's time window (interval, duration); the Vercel CLI step is replaced by creating the same
// deployment in the Vercel fake.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github';
import { scripts, startFakeHealth, type FakeHealth } from '../support/fake-health';
import { startFakeLoki, type FakeLoki } from '../support/fake-loki';
import { startFakeNeon, type FakeNeon } from '../support/fake-neon';
import { startFakePagerDuty, type FakePagerDuty } from '../support/fake-pagerduty';
import { startFakeVercel, type FakeVercel } from '../support/fake-vercel';
import { postgresAvailable, withClient } from '../support/postgres';
import { runJob, type JobResult } from '../support/workflow';

const root = join(import.meta.dirname, '..', '..');
const template = (name: string) => join(root, 'workflows-templates', `${name}.yml`);
const pg = await postgresAvailable();

const VERCEL_TOKEN = 'vcp_lifecycleToken_0a1b2c3d4e5f';
const ROUTING_KEY = 'r'.repeat(32);
const LOKI_TOKEN = 'glc_lifecycle_loki_token_77';
const PROJECT = 'prj_lifecycle';

interface World {
  neon: FakeNeon;
  vercel: FakeVercel;
  health: FakeHealth;
  loki: FakeLoki;
  pagerduty: FakePagerDuty;
  github: FakeGitHub;
  /** The production database: the Neon project's default branch. */
  databaseUrl: string;
  workspace: string;
}

let world: World;

/** A user's repository: the basic example with its first `migrations` migrations, and the repo's node_modules. */
function workspace(migrations: number, extraSql?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lifecycle-'));
  cpSync(join(root, 'examples', 'basic'), dir, { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  const journalPath = join(dir, 'drizzle', 'meta', '_journal.json');
  const journal = JSON.parse(execFileSync('cat', [journalPath], { encoding: 'utf8' })) as {
    entries: Array<{ tag: string; when: number; idx: number }>;
  };
  for (const entry of journal.entries.slice(migrations)) rmSync(join(dir, 'drizzle', `${entry.tag}.sql`));
  journal.entries = journal.entries.slice(0, migrations);
  if (extraSql) {
    const last = journal.entries[journal.entries.length - 1]!;
    const tag = `${String(migrations).padStart(4, '0')}_broken`;
    journal.entries.push({ ...last, idx: migrations, when: last.when + 1000, tag });
    writeFileSync(join(dir, 'drizzle', `${tag}.sql`), extraSql);
  }
  writeFileSync(journalPath, JSON.stringify(journal, null, 2));
  return dir;
}

function production(inputs: Record<string, string | boolean> = {}, health = world.health): Promise<JobResult> {
  return runJob(template('deploy-production'), 'deploy', {
    context: {
      secrets: {
        DATABASE_URL: world.databaseUrl,
        NEON_API_KEY: world.neon.apiKey,
        VERCEL_TOKEN,
        LOKI_TOKEN,
        PAGERDUTY_ROUTING_KEY: ROUTING_KEY,
      },
      vars: {
        NEON_PROJECT_ID: world.neon.projectId,
        VERCEL_PROJECT_ID: PROJECT,
        VERCEL_ORG_ID: 'team_lifecycle',
        LOKI_URL: world.loki.url,
        LOKI_USER: 'loki-user',
      },
      inputs: { 'skip-migrations': false, 'canary-duration': '3s', ...inputs },
    },
    endpoints: {
      'neon-snapshot': { 'api-host': world.neon.apiHost },
      'migrate-with-telemetry': { 'pagerduty-url': world.pagerduty.enqueueUrl },
      'canary-monitor': { 'vercel-api-url': world.vercel.url, url: health.url, interval: '1s', 'min-samples': '2' },
    },
    githubApiUrl: world.github.url,
    eventName: 'workflow_dispatch',
    event: { inputs },
    cwd: world.workspace,
    standIns: {
      // `vercel deploy --prebuilt --prod` on a project with Rolling Releases: a READY deployment that starts a
      // rolling release (a share of traffic) while the current one keeps serving production.
      deploy: async () => {
        const deployment = world.vercel.addDeployment({ projectId: PROJECT, target: 'production', states: ['READY'] });
        const project = world.vercel.projects.get(PROJECT)!;
        project.rollingRelease = {
          state: 'ACTIVE',
          canaryDeploymentId: deployment.uid,
          currentDeploymentId: project.production!,
          activeStageIndex: 0,
          stages: [25, 100],
        };
        return { url: `https://${deployment.url}` };
      },
    },
  });
}

async function tables(): Promise<string[]> {
  return withClient(world.databaseUrl, async (client) =>
    (
      await client.query<{ name: string }>(
        "SELECT table_schema || '.' || table_name AS name FROM information_schema.tables WHERE table_schema IN ('public', 'drizzle') ORDER BY 1",
      )
    ).rows.map((r) => r.name),
  );
}

async function ledgerCount(): Promise<number> {
  return withClient(world.databaseUrl, async (client) => {
    const exists = await client.query("SELECT to_regclass('drizzle.__drizzle_migrations') AS t");
    if (!exists.rows[0].t) return 0;
    return Number((await client.query('SELECT count(*) AS n FROM drizzle.__drizzle_migrations')).rows[0].n);
  });
}

function secretsNeverPrinted(job: JobResult): void {
  for (const step of job.steps) {
    if (!step.run) continue;
    const seen = [step.run.logs, step.run.summary, JSON.stringify(step.run.outputs)].join('\n');
    for (const secret of [VERCEL_TOKEN, ROUTING_KEY, LOKI_TOKEN, world.neon.apiKey]) {
      expect(seen, `${step.name} printed a secret`).not.toContain(secret);
    }
  }
}

describe.skipIf(!pg)('production lifecycle (deploy-production.yml, rollback.yml, drift-watch.yml)', () => {
  beforeAll(async () => {
    const neon = await startFakeNeon();
    const vercel = await startFakeVercel({ token: VERCEL_TOKEN });
    const project = vercel.addProject(PROJECT);
    const live = vercel.addDeployment({ projectId: PROJECT, target: 'production', states: ['READY'] });
    project.production = live.uid;
    world = {
      neon,
      vercel,
      health: await startFakeHealth(scripts.healthy()),
      loki: await startFakeLoki(),
      pagerduty: await startFakePagerDuty(),
      github: await startFakeGitHub(),
      databaseUrl: neon.databaseUrl('main'),
      workspace: workspace(2),
    };
  });
  afterAll(async () => {
    if (!world) return;
    await Promise.all([
      world.neon.close(),
      world.vercel.close(),
      world.health.close(),
      world.loki.close(),
      world.pagerduty.close(),
      world.github.close(),
    ]);
    rmSync(world.workspace, { recursive: true, force: true });
  });

  it('happy path: snapshot → migrate → canary healthy → promote → drift clean', async () => {
    const job = await production();
    expect(job.failed, job.steps.map((s) => `${s.name}: ${s.outcome}\n${s.run?.logs ?? ''}`).join('\n')).toBe(false);
    expect(job.step('snapshot').outputs.created).toBe('true');
    expect(job.step('migrate').outputs).toMatchObject({ status: 'applied', 'applied-count': '2' });
    expect(job.step('canary').outputs).toMatchObject({ healthy: 'true', decision: 'promoted' });
    expect(job.step('drift').outputs.drift).toBe('false');
    expect(await tables()).toEqual(
      expect.arrayContaining(['drizzle.__drizzle_migrations', 'public.projects', 'public.users', 'public.tasks']),
    );
    // The healthy canary's rolling release is completed: it now serves production.
    const project = world.vercel.projects.get(PROJECT)!;
    expect(project.rollingRelease).toMatchObject({ state: 'COMPLETE' });
    expect(project.production).toBe(project.rollingRelease!.canaryDeploymentId);
    expect(world.loki.entries.length).toBeGreaterThan(0);
    secretsNeverPrinted(job);
  });

  it('a failing migration: PagerDuty triggered, app not deployed, database unchanged', async () => {
    const before = { tables: await tables(), ledger: await ledgerCount() };
    const deploymentsBefore = world.vercel.deployments.size;
    const broken = workspace(
      2,
      'CREATE TABLE "audit" ("id" serial PRIMARY KEY);\n--> statement-breakpoint\nALTER TABLE "nope" ADD COLUMN "x" integer;\n',
    );
    const saved = world.workspace;
    world.workspace = broken;
    try {
      const job = await production();
      expect(job.failed).toBe(true);
      expect(job.step('migrate').outcome).toBe('failure');
      expect(job.step('migrate').outputs.status).toBe('failed');
      expect(job.step('deploy').outcome).toBe('skipped');
      expect(job.step('canary').outcome).toBe('skipped');
      expect(world.vercel.deployments.size).toBe(deploymentsBefore);
      expect(world.pagerduty.events.some((e) => e.event_action === 'trigger')).toBe(true);
      expect({ tables: await tables(), ledger: await ledgerCount() }).toEqual(before);
      secretsNeverPrinted(job);
    } finally {
      world.workspace = saved;
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it('an unhealthy canary is rolled back, and the rollback template restores the database to the snapshot', async () => {
    // A new migration deploys, its app fails.
    const next = workspace(3);
    const saved = world.workspace;
    world.workspace = next;
    const failing = await startFakeHealth(scripts.failingFrom(1, 503));
    try {
      const tablesBefore = await tables();
      const ledgerBefore = await ledgerCount();
      const job = await production({}, failing);
      expect(job.step('migrate').outputs['applied-count']).toBe(String(3 - ledgerBefore));
      expect(job.step('canary').outputs, job.step('canary').run?.logs).toMatchObject({
        healthy: 'false',
        decision: 'rolled-back',
      });
      // The unhealthy canary's rolling release is aborted: production stays on the deployment before it.
      const project = world.vercel.projects.get(PROJECT)!;
      expect(project.rollingRelease).toMatchObject({ state: 'ABORTED' });
      expect(project.production).toBe(project.rollingRelease!.currentDeploymentId);
      expect(world.vercel.calls().some((c) => c.includes('rolling-release') || c.includes('/rollback/'))).toBe(true);
      expect(await ledgerCount()).toBe(ledgerBefore + 1);
      const snapshot = job.step('snapshot').outputs['branch-name']!;

      const rollback = await runJob(template('rollback'), 'rollback', {
        context: {
          secrets: { NEON_API_KEY: world.neon.apiKey, VERCEL_TOKEN },
          vars: { NEON_PROJECT_ID: world.neon.projectId, VERCEL_PROJECT_ID: PROJECT },
          inputs: { snapshot, 'restore-database': true, 'rollback-app': false },
        },
        endpoints: { 'neon-snapshot': { 'api-host': world.neon.apiHost } },
        eventName: 'workflow_dispatch',
        cwd: world.workspace,
      });
      expect(rollback.step('restore').outcome, rollback.step('restore').run?.logs).toBe('success');
      expect(await ledgerCount()).toBe(ledgerBefore);
      expect(await tables()).toEqual(tablesBefore);
    } finally {
      world.workspace = saved;
      rmSync(next, { recursive: true, force: true });
      await failing.close();
    }
  });

  it('a manual change in production: drift-watch opens an issue, and closes it once fixed', async () => {
    const watch = () =>
      runJob(template('drift-watch'), 'drift', {
        context: { secrets: { DATABASE_URL: world.databaseUrl }, matrix: { environment: 'production' } },
        githubApiUrl: world.github.url,
        eventName: 'schedule',
        cwd: world.workspace,
      });
    await withClient(world.databaseUrl, (c) => c.query('ALTER TABLE users ADD COLUMN hotfix text'));
    const drifted = await watch();
    expect(drifted.step('drift').outputs.drift).toBe('true');
    const opened = world.github.issues.filter((i) => i.state === 'open');
    expect(opened).toHaveLength(1);
    expect(opened[0]!.body).toContain('hotfix');

    await withClient(world.databaseUrl, (c) => c.query('ALTER TABLE users DROP COLUMN hotfix'));
    const clean = await watch();
    expect(clean.step('drift').outputs.drift).toBe('false');
    expect(world.github.issues.filter((i) => i.state === 'open')).toHaveLength(0);
    expect(world.github.issues).toHaveLength(1);
  });
});

describe.skipIf(!pg)('staging lifecycle (deploy-staging.yml)', () => {
  let neon: FakeNeon;
  let vercel: FakeVercel;
  let health: FakeHealth;
  let loki: FakeLoki;
  let github: FakeGitHub;
  let repo: string;
  let before: string;

  beforeAll(async () => {
    neon = await startFakeNeon();
    vercel = await startFakeVercel({ token: VERCEL_TOKEN });
    vercel.addProject(PROJECT);
    health = await startFakeHealth(scripts.healthy());
    loki = await startFakeLoki();
    github = await startFakeGitHub();
    // main had two migrations; the push adds the third, generated and committed as schema-check expects.
    repo = workspace(2);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
    git('init', '-q', '-b', 'main');
    writeFileSync(join(repo, '.gitignore'), 'node_modules\n');
    git('add', '-A');
    git('-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-qm', 'base');
    before = git('rev-parse', 'HEAD');
    cpSync(join(root, 'examples', 'basic', 'drizzle'), join(repo, 'drizzle'), { recursive: true });
    git('add', '-A');
    git('-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-qm', 'add a migration');
  });
  afterAll(async () => {
    await Promise.all([neon?.close(), vercel?.close(), health?.close(), loki?.close(), github?.close()]);
    if (repo) rmSync(repo, { recursive: true, force: true });
  });

  it('push to main: check → snapshot → migrate staging → deploy → smoke test → drift clean', async () => {
    const databaseUrl = neon.databaseUrl('main');
    const job = await runJob(template('deploy-staging'), 'deploy', {
      context: {
        secrets: { DATABASE_URL: databaseUrl, NEON_API_KEY: neon.apiKey, VERCEL_TOKEN, LOKI_TOKEN },
        vars: { NEON_PROJECT_ID: neon.projectId, VERCEL_PROJECT_ID: PROJECT, LOKI_URL: loki.url, LOKI_USER: 'u' },
      },
      endpoints: {
        'neon-snapshot': { 'api-host': neon.apiHost },
        'canary-monitor': { 'vercel-api-url': vercel.url, url: health.url, interval: '1s', duration: '3s' },
      },
      githubApiUrl: github.url,
      eventName: 'push',
      event: { before, after: 'HEAD' },
      cwd: repo,
      standIns: {
        deploy: async () => ({
          url: `https://${vercel.addDeployment({ projectId: PROJECT, target: null, states: ['READY'] }).url}`,
        }),
      },
    });
    const trace = job.steps.map((s) => `${s.name}: ${s.outcome}\n${s.outcome === 'failure' ? s.run?.logs : ''}`);
    expect(job.failed, trace.join('\n')).toBe(false);
    expect(JSON.parse(job.step('check').outputs['new-migrations']!)).toEqual(['0002_project_archive_task_priority']);
    expect(job.step('check').outputs.result).toBe('passed');
    expect(job.step('snapshot').outputs.created).toBe('true');
    expect(job.step('migrate').outputs).toMatchObject({ status: 'applied', 'applied-count': '3' });
    expect(job.step('smoke').outputs).toMatchObject({ healthy: 'true', decision: 'none' });
    expect(job.step('drift').outputs.drift).toBe('false');
    // The push's work tree is left exactly as checked out: generate wrote nothing.
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: repo, encoding: 'utf8' })).toBe('');
    expect(loki.entries.some((e) => JSON.stringify(e).includes('staging'))).toBe(true);
  });
});
