// GitHub cancels a job by signalling the action's process (SIGINT, then SIGTERM). Each action, run from its committed
// bundle, must stop cleanly: migrate cancels its statement server-side, rolls back and releases its lock; schema-check
// kills generate-command's whole process group and restores the work tree; canary-monitor never promotes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BYPASS, TOKEN, vercelInputs, PROJECT, TEAM } from '../canary/helpers.js';
import { ledgerRows } from '../migrate/helpers.js';
import { EXAMPLE_BASIC, scratchCopy } from '../model/fixtures.js';
import {
  DRIZZLE_CONFIG,
  journalFiles,
  pullRequestRepo,
  removeFixtures,
  pullRequestEvent,
} from '../schema-check/fixture.js';
import { startFakeHealth } from '../support/fake-health.js';
import { startFakeNeon } from '../support/fake-neon.js';
import { startFakePagerDuty } from '../support/fake-pagerduty.js';
import { startFakeVercel } from '../support/fake-vercel.js';
import { createTestDatabase, postgresAvailable, withClient, type TestDatabase } from '../support/postgres.js';
import { runAction } from '../support/runner.js';

const available = await postgresAvailable();
const ROUTING_KEY = 'C4NCELKEYSECRET0123456789abcdef0';

/** What the server still holds for the actions' sessions: their locks and their running statements. */
async function leftovers(database: TestDatabase): Promise<string[]> {
  return withClient(database.url, async (client) => {
    const { rows } = await client.query<{ what: string }>(
      `SELECT l.locktype || ':' || l.mode AS what
         FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE a.datname = $1 AND a.application_name LIKE 'schema-actions%'
       UNION ALL
       SELECT 'running:' || query FROM pg_stat_activity
        WHERE datname = $1 AND application_name LIKE 'schema-actions%' AND state <> 'idle'`,
      [database.name],
    );
    return rows.map((r) => r.what);
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

function errorLines(logs: string): string[] {
  return logs.split('\n').filter((line) => line.startsWith('::error'));
}

describe.skipIf(!available)('a cancelled migrate-with-telemetry', () => {
  let database: TestDatabase;
  let project: { dir: string; remove: () => void };
  beforeAll(async () => {
    database = await createTestDatabase('cancel_migrate');
    project = scratchCopy(EXAMPLE_BASIC, 'cancel');
    const journalPath = join(project.dir, 'drizzle/meta/_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number; when: number }[] };
    const last = journal.entries.at(-1)!;
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_slow' } as never);
    writeFileSync(journalPath, JSON.stringify(journal, null, 2));
    // Takes a lock on a table, then runs long: the cancel must reach the server, not only the client.
    writeFileSync(
      join(project.dir, 'drizzle/9999_slow.sql'),
      'CREATE TABLE "slow" ("id" int);\n--> statement-breakpoint\nSELECT pg_sleep(60);\n',
    );
  });
  afterAll(async () => {
    project?.remove();
    await database?.drop();
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal}: cancels the statement, rolls back, releases the lock, one line, no incident`, async () => {
      await withClient(database.url, (c) =>
        c.query('DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;'),
      );
      const pagerduty = await startFakePagerDuty();
      try {
        let signalled = false;
        const run = await runAction({
          action: resolve('migrate-with-telemetry'),
          cwd: project.dir,
          inputs: {
            'database-url': database.url,
            'pagerduty-routing-key': ROUTING_KEY,
            'pagerduty-url': pagerduty.enqueueUrl,
          },
          onLine: (line, send) => {
            if (!signalled && line.includes('applying')) {
              signalled = true;
              // Give the first statements time to reach pg_sleep, so the cancel interrupts a running statement.
              setTimeout(() => send(signal), 1500);
            }
          },
        });
        expect(signalled, run.logs).toBe(true);
        expect(run.exitCode).toBe(1);
        expect(run.outputs.status).toBe('cancelled');
        const errors = errorLines(run.stdout);
        expect(errors, run.logs).toHaveLength(1);
        expect(errors[0]).toMatch(new RegExp(`migrate-with-telemetry: cancelled \\(${signal}\\)`));
        // Rolled back in one transaction: no table, no ledger; nothing left running or locked on the server.
        expect(await ledgerRows(database.url)).toBeNull();
        expect(await leftovers(database)).toEqual([]);
        const tables = await withClient(database.url, (c) =>
          c.query(`SELECT 1 FROM pg_tables WHERE schemaname = 'public'`),
        );
        expect(tables.rowCount).toBe(0);
        // A cancel is someone's decision, not an incident.
        expect(pagerduty.events.filter((e) => e.event_action === 'trigger')).toEqual([]);
      } finally {
        await pagerduty.close();
      }
    });
  }
});

describe('a cancelled schema-check', () => {
  afterAll(() => removeFixtures());

  it('kills generate-command with its children and restores the work tree', async () => {
    const base = [{ tag: '0000_init', when: 1_700_000_000_000, sql: 'CREATE TABLE "t" ("id" int);\n' }];
    const repo = pullRequestRepo(
      { 'drizzle.config.ts': DRIZZLE_CONFIG, ...journalFiles(base) },
      {
        'README.md': 'change\n',
      },
    );
    const pidFile = join(repo.dir, '..', `${repo.dir.split('/').pop()}.pid`);
    // A generate that writes a migration, then hangs in a child process: all of it must go.
    const command = `echo "CREATE TABLE junk (id int);" > drizzle/0001_junk.sql; sleep 60 & echo $! > ${pidFile}; wait`;
    let signalled = false;
    const run = await runAction({
      action: resolve('schema-check'),
      cwd: repo.dir,
      eventName: 'pull_request',
      event: pullRequestEvent(repo),
      inputs: { 'generate-command': command, 'generate-timeout': '5m' },
      // Cancelled while generate-command runs: its child has written its pid (generate runs alongside the embedded
      // apply, and its log group is written when both are done, so no log line marks that moment).
      onLine: (_line, send) => {
        if (!signalled) {
          signalled = true;
          const poll = setInterval(() => {
            if (existsSync(pidFile)) {
              clearInterval(poll);
              send('SIGINT');
            }
          }, 100);
        }
      },
    });
    expect(signalled, run.logs).toBe(true);
    expect(run.exitCode).toBe(1);
    expect(errorLines(run.stdout), run.logs).toEqual([expect.stringMatching(/schema-check: cancelled \(SIGINT\)/)]);
    expect(existsSync(join(repo.dir, 'drizzle/0001_junk.sql'))).toBe(false);
    const sleeper = Number(readFileSync(pidFile, 'utf8'));
    // SIGKILL to the group is delivered asynchronously; the child must be gone once it has been.
    await expect.poll(() => alive(sleeper), { timeout: 5000 }).toBe(false);
  });
});

describe('a cancelled canary-monitor', () => {
  it('stops probing and never promotes', async () => {
    const vercel = await startFakeVercel({ token: TOKEN, teamId: TEAM });
    const health = await startFakeHealth();
    try {
      const project = vercel.addProject(PROJECT);
      const previous = vercel.addDeployment({
        projectId: PROJECT,
        target: 'production',
        created: Date.now() - 3_600_000,
      });
      project.production = previous.uid;
      const candidate = vercel.addDeployment({ projectId: PROJECT, created: Date.now() - 60_000, target: null });
      let probes = 0;
      const run = await runAction({
        action: resolve('canary-monitor'),
        inputs: {
          url: health.url,
          interval: '1s',
          duration: '5m',
          headers: `x-vercel-protection-bypass: ${BYPASS}`,
          'deployment-id': candidate.uid,
          'on-healthy': 'promote',
          'min-samples': '1',
          ...vercelInputs(vercel.url),
        },
        onLine: (line, send) => {
          if (/: ok 200/.test(line) && ++probes === 2) send('SIGINT');
        },
      });
      expect(run.exitCode).toBe(1);
      expect(run.outputs.decision).toBe('none');
      expect(run.outputs.healthy).toBe('false');
      expect(vercel.calls().filter((call) => call.startsWith('POST'))).toEqual([]);
      expect(errorLines(run.stdout)).toEqual([expect.stringMatching(/canary-monitor: cancelled \(SIGINT\)/)]);
    } finally {
      await health.close();
      await vercel.close();
    }
  });
});

describe.skipIf(!available)('a cancelled neon-snapshot', () => {
  it('stops waiting and names the branch it had already created', async () => {
    const neon = await startFakeNeon({ pollsPerOperation: 1_000, operationMs: Number.POSITIVE_INFINITY });
    try {
      let signalled = false;
      const run = await runAction({
        action: resolve('neon-snapshot'),
        inputs: {
          'api-key': neon.apiKey,
          'project-id': neon.projectId,
          'api-host': neon.apiHost,
          name: 'snapshot/cancelled',
          'wait-timeout': '5m',
        },
        onLine: (line, send) => {
          if (!signalled && /is running/.test(line)) {
            signalled = true;
            send('SIGTERM');
          }
        },
      });
      expect(signalled, run.logs).toBe(true);
      expect(run.exitCode).toBe(1);
      const created = neon.branches().find((b) => b.name === 'snapshot/cancelled');
      expect(created).toBeDefined();
      const errors = errorLines(run.stdout);
      expect(errors, run.logs).toHaveLength(1);
      expect(errors[0]).toMatch(
        /neon-snapshot: cancelled \(SIGTERM\): branch "snapshot\/cancelled" \(\S+\) was already created/,
      );
      expect(errors[0]).toContain(created!.id);
      expect(run.logs).not.toContain(neon.apiKey);
    } finally {
      await neon.close();
    }
  });
});
