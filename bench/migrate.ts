import { spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase } from '../test/support/postgres';
import { startFakeLoki } from '../test/support/fake-loki';
import { startFakeOtlp } from '../test/support/fake-otlp';
import { startFakePagerDuty } from '../test/support/fake-pagerduty';
import type { Figure } from './figures';
import { corpusRoot } from './corpus';
import { measurePair } from './measure';

const root = join(import.meta.dirname, '..');
// The real path: the corpus is a project of its own, outside this repository (a symlinked path would be refused).
const corpusReal = realpathSync(corpusRoot);
const corpus = join(corpusReal, 'dokploy');

// drizzle-orm's own migrator, as a user's deploy script would run it: a fresh Node process.
const DRIZZLE_MIGRATE = `
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
const client = new pg.Client({ connectionString: process.argv[1] });
await client.connect();
await migrate(drizzle(client), { migrationsFolder: process.argv[2] });
await client.end();
`;

/** Asynchronous on purpose: the telemetry fakes live in this process and must keep answering meanwhile. */
function run(command: string[], label: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, command, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${label} failed: ${stderr.slice(-500)}`))));
  });
}

/**
 * migrate-with-telemetry (lock, verification, telemetry to local fakes) against drizzle-orm's migrate(), each on a
 * fresh database and each as its own Node process, so both pay the same start-up.
 */
export async function section(): Promise<Figure[]> {
  const loki = await startFakeLoki();
  const pagerduty = await startFakePagerDuty();
  const otlp = await startFakeOtlp();
  try {
    const timed = async (command: (url: string) => string[], label: string) => {
      const database = await createTestDatabase('bench_migrate');
      try {
        const started = performance.now();
        await run(command(database.url), label);
        return performance.now() - started;
      } finally {
        await database.drop();
      }
    };
    const [ours, baseline] = await measurePair(
      () =>
        timed(
          (url) => [
            join(root, 'dist', 'cli.js'),
            'migrate',
            '--database-url',
            url,
            '--working-directory',
            corpusReal,
            '--migrations-dir',
            'dokploy',
            '--environment',
            'bench',
            '--loki-url',
            loki.url,
            '--pagerduty-routing-key',
            'b'.repeat(32),
            '--pagerduty-url',
            pagerduty.enqueueUrl,
            '--otlp-endpoint',
            otlp.url,
          ],
          'migrate-with-telemetry',
        ),
      () => timed((url) => ['--input-type=module', '-e', DRIZZLE_MIGRATE, url, corpus], 'drizzle migrate()'),
      7,
    );
    const ratio = ours.median / baseline.median;
    return [
      {
        id: 'migrate-vs-drizzle',
        label: 'Migrate 186 migrations to a fresh PostgreSQL database (process)',
        ours,
        baseline,
        baselineLabel: "drizzle-orm's migrate()",
        ratio,
        target: 'ratio ≤ 1.10',
        met: ratio <= 1.1,
        note: 'ours with the advisory lock, ledger verification and Loki/PagerDuty/OTLP telemetry to local fakes',
      },
    ];
  } finally {
    await Promise.all([loki.close(), pagerduty.close(), otlp.close()]);
  }
}
