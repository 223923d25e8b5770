// Every action on every real-world shape (test/real-repos/fixtures.ts), on PGlite and on real PostgreSQL: a pull
// request adding an ordinary migration on top of such a history passes schema-check (applied on the embedded
// PostgreSQL and on database-url); migrate-with-telemetry applies it; status says up to date; drift-check, which
// replays the migrations into PGlite, finds no drift against PostgreSQL 15. All through the committed dist/ bundles.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbedded, resolveEmbeddedExtensions } from '../../actions/lib/db/pglite';
import { applyMigrations } from '../../actions/lib/migrations/executor';
import { extensionsCreatedBy } from '../../actions/lib/migrations/extensions';
import { loadProjectMigrations } from '../../actions/lib/migrations/folder';
import { readLedger } from '../../actions/lib/migrations/ledger';
import { compareLedger } from '../../actions/lib/migrations/verify';
import { runMigrate } from '../migrate/helpers.js';
import { errorLines, runCliBundle } from '../model/fixtures.js';
import { pullRequestRepo, removeFixtures, runCheck } from '../schema-check/fixture.js';
import { admin, createTestDatabase, postgresAvailable, type TestDatabase } from '../support/postgres.js';
import { runAction } from '../support/runner.js';
import { SHAPES, shapeFiles, type RealShape } from './fixtures.js';

const available = await postgresAvailable();
const serverExtensions = new Set(
  available ? (await admin('SELECT name FROM pg_available_extensions')).rows.map((r: { name: string }) => r.name) : [],
);
/** A shape whose extension the server lacks skips its PostgreSQL tests, saying so (CI installs them). */
function onPostgres(shape: RealShape): boolean {
  const missing = (shape.needs ?? []).filter((n) => !serverExtensions.has(n));
  if (available && missing.length)
    console.warn(`⚠️  ${shape.name}: PostgreSQL lacks ${missing.join(', ')} (run ../shared/scripts/install-pgvector)`);
  return available && missing.length === 0;
}
const DRIFT = resolve('drift-check');
const temp = mkdtempSync(join(tmpdir(), 'real-repos-run-'));
const databases: TestDatabase[] = [];
afterAll(async () => {
  await Promise.all(databases.map((db) => db.drop()));
  removeFixtures();
  rmSync(temp, { recursive: true, force: true });
});

async function database(): Promise<TestDatabase> {
  const db = await createTestDatabase('shape');
  databases.push(db);
  return db;
}

interface Finding {
  check: string;
  rule: string;
  severity: string;
  message: string;
}

describe.each(SHAPES)('$name', (shape) => {
  const files = shapeFiles(shape);
  const postgres = onPostgres(shape);

  it('on PGlite: applies with the executor every action uses, and the ledger matches the files', async () => {
    const repo = pullRequestRepo(files.base, files.head);
    const project = await loadProjectMigrations({ projectRoot: repo.dir });
    const { extensions, unavailable } = await resolveEmbeddedExtensions(
      extensionsCreatedBy(project.set.migrations.map((m) => m.sql)),
    );
    expect(unavailable).toEqual([]);
    const client = await openEmbedded({ extensions });
    try {
      await applyMigrations(client, project.set.migrations, {
        location: project.ledger,
        layout: project.set.layout,
        exists: false,
      });
      const state = compareLedger(project.set, (await readLedger(client, project.ledger)).rows);
      expect(state.problems).toEqual([]);
      expect(state.pending).toEqual([]);
      expect(state.applied).toHaveLength(project.set.migrations.length);
    } finally {
      await client.close();
    }
  });

  it.skipIf(!postgres)('schema-check passes the pull request on PGlite and on PostgreSQL', async () => {
    const repo = pullRequestRepo(files.base, files.head);
    const db = await database();
    const run = await runCheck(repo, { 'database-url': db.url });
    const findings = JSON.parse(run.outputs.findings ?? '[]') as Finding[];
    expect(run.outputs.result, `${run.summary}\n${run.logs}`).toBe('passed');
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.filter((f) => f.check === 'apply')).toEqual([]);
    if (shape.inherited) {
      const inherited = findings.filter((f) => f.rule === shape.inherited);
      expect(inherited).toHaveLength(1);
      expect(inherited[0]).toMatchObject({ severity: 'warning' });
      expect(inherited[0]!.message).toContain('Already in the base commit');
    }
  });

  it.skipIf(!available)(
    'migrate-with-telemetry applies it, status says up to date, drift-check finds no drift',
    async () => {
      const repo = pullRequestRepo(files.base, files.head);
      const db = await database();
      const migrated = await runMigrate(repo.dir, { 'database-url': db.url });
      expect(migrated.outputs.status, migrated.logs).toBe('applied');

      const status = await runCliBundle(['status', '--database-url', db.url, '--working-directory', '.'], {
        cwd: repo.dir,
        env: { RUNNER_TEMP: temp },
      });
      expect(errorLines(status.stderr)).toEqual([]);
      expect(status.exitCode, status.stdout + status.stderr).toBe(0);
      expect(status.stdout).toContain('up to date');

      const drift = await runAction({
        action: DRIFT,
        cwd: repo.dir,
        inputs: { 'database-url': db.url, environment: 'test' },
        env: { RUNNER_TEMP: temp },
        timeoutMs: 90_000,
      });
      expect(drift.outputs.drift, `${drift.summary}\n${drift.logs}`).toBe('false');
      expect(drift.exitCode).toBe(0);
    },
  );
});
