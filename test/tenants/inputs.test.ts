// The fleet inputs of migrate-with-telemetry through the bundle: refused in one line before any database is touched,
// and a shard that no database hashes to is a success with an empty result.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shardOf } from '../../actions/migrate-with-telemetry/shards';
import { journalFixture, USERS } from '../migrate/fixtures.js';
import { ACTION, everything, runMigrate } from '../migrate/helpers.js';
import { runAction } from '../support/runner.js';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../support/postgres.js';

const available = await postgresAvailable();
const cleanup: { remove?: () => void; drop?: () => Promise<void> }[] = [];
afterAll(async () => {
  for (const item of cleanup) await (item.drop ? item.drop() : item.remove?.());
});

// RUNNER_TEMP kept after the run, as the job's later upload step would still see it.
const runnerTemp = mkdtempSync(join(tmpdir(), 'tenant-temp-'));
cleanup.push({ remove: () => rmSync(runnerTemp, { recursive: true, force: true }) });
const migrateIn = (cwd: string, inputs: Record<string, string>) =>
  runAction({ action: ACTION, cwd, inputs, runnerTemp });

const label = (db: TestDatabase) => `${new URL(db.url).hostname}:${new URL(db.url).port || '5432'}/${db.name}`;

describe.skipIf(!available)('migrate-with-telemetry fleet inputs', () => {
  it('refuses more shards than a matrix may have, naming the input', async () => {
    const fixture = journalFixture([USERS]);
    cleanup.push(fixture);
    const run = await runMigrate(fixture.root, {
      mode: 'plan',
      targets: 'postgres://u:pw-plan@db.internal:5432/a',
      shards: '257',
    });
    expect(run.exitCode).toBe(1);
    expect(run.logs).toContain('input "shards" must be at most 256, not 257');
    expect(run.outputs.matrix).toBeUndefined();
    expect(everything(run)).not.toContain('pw-plan');
  });

  it('reads targets-file like targets, and migrates only its own shard (an empty shard writes an empty result)', async () => {
    const fixture = journalFixture([USERS]);
    const db = await createTestDatabase('tenantfile');
    cleanup.push(fixture, db);
    writeFileSync(join(fixture.root, 'tenants.txt'), `# tenants\n${db.url}\n`);
    const mine = shardOf({ url: db.url, label: label(db) }, 2);

    const other = await migrateIn(fixture.root, {
      'targets-file': 'tenants.txt',
      shard: String(1 - mine),
      shards: '2',
    });
    expect(other.exitCode).toBe(0);
    expect(JSON.parse(readFileSync(other.outputs['result-json']!, 'utf8'))).toEqual({
      shard: 1 - mine,
      shards: 2,
      databases: [],
    });

    const own = await migrateIn(fixture.root, { 'targets-file': 'tenants.txt', shard: String(mine), shards: '2' });
    expect(own.exitCode).toBe(0);
    expect(JSON.parse(readFileSync(own.outputs['result-json']!, 'utf8')).databases).toEqual([
      { database: label(db), status: 'applied', applied: fixture.names },
    ]);
  });
});
