// The migrate-tenants template end to end on a fleet of real databases: plan → one migrate job per shard (each
// uploading its result) → summary, each job's steps run from the committed bundles. One tenant has a conflicting
// table: the summary names exactly it, and re-running its shard after the fix completes the fleet.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresAvailable, withClient, type TestDatabase } from '../support/postgres.js';
import { runJob, type JobResult } from '../support/workflow.js';
import { journalFixture, POSTS, USERS, type Fixture } from '../migrate/fixtures.js';
import { everything, ledgerRows, withPassword } from '../migrate/helpers.js';

const available = await postgresAvailable();
const root = join(import.meta.dirname, '..', '..');
const template = join(root, 'workflows-templates', 'migrate-tenants.yml');
const DATABASES = 24;
const SHARDS = 4;
const PASSWORD = 'tenant-fleet-secret-pw';

interface ShardFile {
  shard: number;
  shards: number;
  databases: { database: string; status: string; applied: string[]; failure?: string }[];
}

const labelOf = (db: TestDatabase) => {
  const url = new URL(db.url);
  return `${url.hostname}:${url.port || '5432'}/${db.name}`;
};

describe.skipIf(!available)('migrate-tenants.yml on a fleet of databases', () => {
  let fixture: Fixture;
  let databases: TestDatabase[] = [];
  let broken: TestDatabase;
  let artifacts: string;
  let workspace: string;
  const context = () => ({
    secrets: { TENANT_DATABASE_URLS: databases.map((db) => withPassword(db.url, PASSWORD)).join('\n') },
    vars: { SCHEMA_ACTIONS_SHARDS: String(SHARDS) },
  });

  beforeAll(async () => {
    fixture = journalFixture([USERS, POSTS]);
    artifacts = mkdtempSync(join(tmpdir(), 'tenant-artifacts-'));
    workspace = mkdtempSync(join(tmpdir(), 'tenant-summary-'));
    databases = await Promise.all(Array.from({ length: DATABASES }, (_, i) => createTestDatabase(`tenant${i}`)));
    broken = databases[5]!;
    // A table the tenant grew by hand: the create_posts migration collides with it.
    await withClient(broken.url, (client) => client.query('CREATE TABLE "posts" ("legacy" int)'));
  }, 120_000);

  afterAll(async () => {
    fixture?.remove();
    rmSync(artifacts, { recursive: true, force: true });
    rmSync(workspace, { recursive: true, force: true });
    for (const db of databases) await db.drop();
  });

  // upload-artifact: keeps the file under the artifact's name, replacing a previous attempt's (a re-run does too).
  const migrateShard = (shard: number): Promise<JobResult> =>
    runJob(template, 'migrate', {
      context: { ...context(), matrix: { shard: String(shard) } },
      cwd: fixture.root,
      standIns: {
        upload: async (_env, inputs) => {
          const dir = join(artifacts, inputs.name!);
          rmSync(dir, { recursive: true, force: true });
          cpSync(inputs.path!, join(dir, basename(inputs.path!)));
          return {};
        },
      },
    });

  // download-artifact with pattern: each artifact in its own folder under path.
  const summarise = (): Promise<JobResult> => {
    rmSync(join(workspace, 'migrate-results'), { recursive: true, force: true });
    return runJob(template, 'summary', {
      context: context(),
      cwd: workspace,
      standIns: {
        download: async (_env, inputs) => {
          cpSync(artifacts, join(workspace, inputs.path!), { recursive: true });
          return {};
        },
      },
    });
  };

  const shardFile = (shard: number): ShardFile =>
    JSON.parse(
      readFileSync(join(artifacts, `migrate-result-${shard}`, `migrate-result-shard-${shard}.json`), 'utf8'),
    ) as ShardFile;

  it('plans shards, migrates each, names the one failed database, and completes after its shard is re-run', async () => {
    const plan = await runJob(template, 'plan', { context: context() });
    expect(plan.failed).toBe(false);
    const matrix = JSON.parse(plan.step('plan').outputs.matrix!) as { shard: number[] };
    expect(matrix).toEqual({ shard: [0, 1, 2, 3] });
    expect(plan.step('plan').outputs.matrix).not.toContain('postgres');

    const jobs: JobResult[] = [];
    for (const shard of matrix.shard) jobs.push(await migrateShard(shard));

    // Disjoint shards covering the fleet.
    const files = matrix.shard.map(shardFile);
    const labels = files.flatMap((f) => f.databases.map((d) => d.database));
    expect(labels.sort()).toEqual(databases.map(labelOf).sort());
    expect(files.map((f) => [f.shard, f.shards])).toEqual(matrix.shard.map((s) => [s, SHARDS]));

    const brokenShard = files.find((f) => f.databases.some((d) => d.database === labelOf(broken)))!.shard;
    expect(jobs.map((j) => j.failed)).toEqual(matrix.shard.map((s) => s === brokenShard));
    for (const file of files) {
      for (const db of file.databases) {
        if (db.database === labelOf(broken)) {
          expect(db.status).toBe('failed');
          expect(db.failure).toContain('"posts" already exists');
        } else {
          expect(db).toEqual({ database: db.database, status: 'applied', applied: fixture.names });
        }
      }
    }
    // The failed shard's other databases were migrated all the same.
    expect(shardFile(brokenShard).databases.length).toBeGreaterThan(1);

    const failedSummary = await summarise();
    expect(failedSummary.failed).toBe(true);
    const summaryRun = failedSummary.step('summary').run!;
    expect(summaryRun.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      expect.stringMatching(new RegExp(`^${labelOf(broken)}: failed: `)),
      `migrate-with-telemetry: 1 database(s) did not migrate: ${labelOf(broken)}`,
    ]);
    expect(summaryRun.summary).toContain(`${DATABASES} databases: ${DATABASES - 1} applied, 0 up to date, 1 failed.`);
    expect(summaryRun.summary).toContain(`| ${labelOf(broken)} | failed | — |`);
    expect(summaryRun.summary).toContain(`- ${labelOf(broken)}: migration ${fixture.names[1]} failed`);

    // Nothing secret anywhere a person could read.
    for (const run of [plan, ...jobs, failedSummary].flatMap((j) => j.steps.map((s) => s.run)).filter(Boolean)) {
      expect(everything(run!)).not.toContain(PASSWORD);
    }
    expect(JSON.stringify(files)).not.toMatch(new RegExp(`postgres://|${PASSWORD}`));

    // The fix, then a re-run of only that shard: the same databases, the broken one completed.
    const before = shardFile(brokenShard).databases.map((d) => d.database);
    await withClient(broken.url, (client) => client.query('DROP TABLE "posts"'));
    const retry = await migrateShard(brokenShard);
    expect(retry.failed).toBe(false);
    const retried = shardFile(brokenShard).databases;
    expect(retried.map((d) => d.database)).toEqual(before);
    for (const db of retried) {
      expect(db.status).toBe(db.database === labelOf(broken) ? 'applied' : 'up-to-date');
    }
    expect(retried.find((d) => d.database === labelOf(broken))!.applied).toEqual(fixture.names);
    expect((await ledgerRows(broken.url))?.length).toBe(2);

    const passed = await summarise();
    expect(passed.failed).toBe(false);
    expect(passed.step('summary').run!.summary).toContain(`${DATABASES} databases: `);
    expect(passed.step('summary').run!.summary).toContain(' 0 failed.');
  }, 600_000);

  it('summary fails naming the shard whose result never arrived', async () => {
    // Shard 0's artifact is missing (its job died before the upload).
    const job = await runJob(template, 'summary', {
      context: context(),
      cwd: workspace,
      standIns: {
        download: async (_env, inputs) => {
          rmSync(join(workspace, inputs.path!), { recursive: true, force: true });
          for (const shard of [1, 2, 3]) {
            cpSync(
              join(artifacts, `migrate-result-${shard}`),
              join(workspace, inputs.path!, `migrate-result-${shard}`),
              {
                recursive: true,
              },
            );
          }
          return {};
        },
      },
    });
    expect(job.failed).toBe(true);
    expect(job.step('summary').run!.logs).toContain('no result from shard(s) 0');
  }, 120_000);
});
