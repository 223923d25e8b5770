// An extension the embedded PostgreSQL (PGlite) does not ship, on a server that has it (autoinc: PostgreSQL's contrib
// has it, PGlite does not). schema-check warns and lets database-url decide; drift-check names what it could not
// replay and still compares the rest. pgvector, which PGlite does ship as a package, is in fixtures.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddedExtensionNames } from '../../actions/lib/db/pglite';
import { runMigrate } from '../migrate/helpers.js';
import { pullRequestRepo, removeFixtures, runCheck } from '../schema-check/fixture.js';
import { createTestDatabase, postgresAvailable, withClient, type TestDatabase } from '../support/postgres.js';
import { runAction } from '../support/runner.js';
import { shapeFiles } from './fixtures.js';
import { minutes, table } from './shapes.js';

const available = await postgresAvailable();
const temp = mkdtempSync(join(tmpdir(), 'real-repos-ext-'));
const databases: TestDatabase[] = [];
afterAll(async () => {
  await Promise.all(databases.map((db) => db.drop()));
  removeFixtures();
  rmSync(temp, { recursive: true, force: true });
});

const BP = '\n--> statement-breakpoint\n';
const AUTOINC = [
  'CREATE EXTENSION IF NOT EXISTS autoinc;',
  'CREATE TABLE "ids" ("id" serial PRIMARY KEY, "n" integer);',
  'CREATE SEQUENCE "ids_n_seq";',
  'CREATE TRIGGER "ids_autoinc" BEFORE INSERT ON "ids" FOR EACH ROW EXECUTE PROCEDURE autoinc("n", "ids_n_seq");',
].join(BP);
const files = shapeFiles({
  name: 'autoinc',
  base: [{ tag: '0000_users', when: minutes(1), sql: table('users') }],
  change: [{ tag: '0001_ids', when: minutes(2), sql: AUTOINC }],
});

interface Finding {
  rule: string;
  severity: string;
  message: string;
}

describe.skipIf(!available)('an extension PGlite lacks', () => {
  it('is one PGlite really lacks, and pgvector is one it has', () => {
    expect(embeddedExtensionNames()).not.toContain('autoinc');
    expect(embeddedExtensionNames()).toContain('vector');
  });

  it('schema-check: a warning, and the apply on database-url decides', async () => {
    const repo = pullRequestRepo(files.base, files.head);
    const db = await createTestDatabase('ext_check');
    databases.push(db);
    const run = await runCheck(repo, { 'database-url': db.url });
    expect(run.outputs.result, run.summary).toBe('passed');
    const finding = (JSON.parse(run.outputs.findings!) as Finding[]).find((f) => f.rule === 'extension-unavailable');
    expect(finding).toMatchObject({ severity: 'warning' });
    expect(finding!.message).toContain('extension autoinc (0001_ids)');
    expect(finding!.message).toContain('applied on database-url only');

    const broken = pullRequestRepo(files.base, {
      'drizzle/0001_ids.sql': AUTOINC.replace('PROCEDURE autoinc(', 'PROCEDURE autoinc_typo('),
      ...Object.fromEntries(Object.entries(files.head).filter(([p]) => p.endsWith('_journal.json'))),
    });
    const db2 = await createTestDatabase('ext_check_broken');
    databases.push(db2);
    const failed = await runCheck(broken, { 'database-url': db2.url });
    expect(failed.outputs.result).toBe('failed');
    const failure = (JSON.parse(failed.outputs.findings!) as Finding[]).find((f) => f.rule === 'migration-failed');
    expect(failure?.message).toContain('database-url');
  });

  it('drift-check names what it could not replay, compares the rest, and finds a change there', async () => {
    const repo = pullRequestRepo(files.base, files.head);
    const db = await createTestDatabase('ext_drift');
    databases.push(db);
    const migrated = await runMigrate(repo.dir, { 'database-url': db.url });
    expect(migrated.outputs.status, migrated.logs).toBe('applied');
    const drift = () =>
      runAction({
        action: resolve('drift-check'),
        cwd: repo.dir,
        inputs: { 'database-url': db.url, environment: 'test' },
        env: { RUNNER_TEMP: temp },
        timeoutMs: 90_000,
      });

    const clean = await drift();
    expect(clean.outputs.drift, clean.summary + clean.logs).toBe('false');
    const warnings = clean.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
    expect(warnings).toEqual([
      expect.stringContaining('0001_ids line 1: CREATE EXTENSION IF NOT EXISTS autoinc;'),
      expect.stringContaining('not compared: public.ids.ids_autoinc'),
    ]);

    await withClient(db.url, (c) => c.query('ALTER TABLE "ids" ADD COLUMN "manual" text'));
    const drifted = await drift();
    expect(drifted.outputs.drift).toBe('true');
    expect(drifted.outputs.differences).toBe('1');
    expect(drifted.summary).toContain('public.ids.manual');
  });
});
