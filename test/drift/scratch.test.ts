// drift-check with scratch-database-url: the applied migrations replayed into a temporary database on a real server
// instead of PGlite, through the committed dist/ bundle (run `npm run build` first), against real PostgreSQL.
import { appendFileSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrationFolder } from '../../actions/lib/migrations/folder';
import {
  admin,
  createTestDatabase,
  postgresAvailable,
  TEST_DATABASE_URL,
  withClient,
  type TestDatabase,
} from '../support/postgres';
import { runAction, type ActionRun } from '../support/runner';
import { APP, appMigrations, copyApp, corpusDir, corpusFolders, migrate } from './helpers';

const available = await postgresAvailable();
const ACTION = resolve(import.meta.dirname, '..', '..', 'drift-check');
// Trust authentication ignores it, so it reaches the server for real and must still never be printed.
const PASSWORD = 'Scr4tchS3cretPassw0rd';
const CORPUS = corpusDir() ? realpathSync(corpusDir()!) : '';

interface Run extends ActionRun {
  json?: { drift: boolean; differences: Array<Record<string, unknown>> };
}

let db: TestDatabase;
let url: string;
/** The server's maintenance database, where drift-check may create its temporary one. */
let scratch: string;
const temps: string[] = [];

function withPassword(text: string): string {
  const parsed = new URL(text);
  parsed.password = PASSWORD;
  return parsed.toString();
}

beforeAll(async () => {
  if (!available) return;
  db = await createTestDatabase('drift_scratch');
  url = withPassword(db.url);
  scratch = withPassword(TEST_DATABASE_URL);
  await migrate(db.url, appMigrations());
}, 60_000);

afterAll(async () => {
  await db?.drop();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

async function drift(inputs: Record<string, string>, cwd = APP): Promise<Run> {
  const temp = mkdtempSync(join(tmpdir(), 'drift-scratch-'));
  temps.push(temp);
  const run: Run = await runAction({
    action: ACTION,
    cwd,
    inputs: { 'database-url': url, 'scratch-database-url': scratch, environment: 'staging', ...inputs },
    env: { RUNNER_TEMP: temp },
    timeoutMs: 120_000,
  });
  if (run.outputs['report-json']) run.json = JSON.parse(readFileSync(run.outputs['report-json'], 'utf8'));
  return run;
}

/** The temporary databases drift-check has left on the server (there must never be any after a run). */
async function leftovers(): Promise<string[]> {
  const { rows } = await admin(`SELECT datname FROM pg_database WHERE datname LIKE 'schema\\_actions\\_scratch\\_%'`);
  return rows.map((r: { datname: string }) => r.datname);
}

const errors = (run: ActionRun) => run.annotations.filter((a) => a.level === 'error').map((a) => a.message);

describe.skipIf(!available)('drift-check with scratch-database-url', () => {
  it('reports nothing on a clean database, says where it replayed, and drops the temporary database', async () => {
    const before = await leftovers();
    const run = await drift({});
    expect(run.exitCode, run.logs).toBe(0);
    expect(run.outputs).toMatchObject({ drift: 'false', differences: '0' });
    expect(run.groups).toContain('Replay 3 applied migration(s) into a temporary database on the scratch server');
    expect(run.summary).toContain('into a temporary database on the scratch server (PostgreSQL 15');
    expect(await leftovers()).toEqual(before);
    expect(run.logs).not.toContain(PASSWORD);
  });

  it('finds a one-object manual change', async () => {
    await withClient(db.url, (c) => c.query('CREATE INDEX invoices_note_idx ON billing.invoices (note)'));
    try {
      const run = await drift({});
      expect(run.exitCode).toBe(1);
      expect(errors(run)).toEqual(['drift-check: drift in staging: 1 difference(s); see the report']);
      expect(run.json?.differences).toEqual([
        expect.objectContaining({ kind: 'index', change: 'added', object: 'billing.invoices_note_idx' }),
      ]);
    } finally {
      await withClient(db.url, (c) => c.query('DROP INDEX billing.invoices_note_idx'));
    }
  });

  it('drops the temporary database when a migration fails to replay', async () => {
    const app = copyApp();
    try {
      // An applied migration edited afterwards so that it no longer runs.
      appendFileSync(
        join(app.root, 'drizzle', '0002_kinds.sql'),
        '\n--> statement-breakpoint\nSELECT * FROM no_such_table;\n',
      );
      const before = await leftovers();
      const run = await drift({}, app.root);
      expect(run.exitCode).toBe(1);
      // The ledger names the edit; the replay stops at the statement that no longer runs.
      expect(errors(run)).toContainEqual(
        expect.stringMatching(
          /^drift-check: migration 0002_kinds failed at drizzle\/0002_kinds.sql:\d+: relation "no_such_table"/,
        ),
      );
      expect(run.groups).toContain('Replay 3 applied migration(s) into a temporary database on the scratch server');
      expect(await leftovers()).toEqual(before);
    } finally {
      app.remove();
    }
  });

  it('drops the temporary database when the job is cancelled mid-replay', async () => {
    const app = copyApp();
    try {
      appendFileSync(join(app.root, 'drizzle', '0002_kinds.sql'), '\n--> statement-breakpoint\nSELECT pg_sleep(60);\n');
      const before = await leftovers();
      let signalled = false;
      const temp = mkdtempSync(join(tmpdir(), 'drift-scratch-'));
      temps.push(temp);
      const started = Date.now();
      const run = await runAction({
        action: ACTION,
        cwd: app.root,
        inputs: { 'database-url': url, 'scratch-database-url': scratch },
        env: { RUNNER_TEMP: temp },
        timeoutMs: 60_000,
        onLine: (line, send) => {
          if (!signalled && line.includes('created schema_actions_scratch_')) {
            signalled = true;
            // Long enough for the replay to reach pg_sleep, which the cancel must interrupt.
            setTimeout(() => send('SIGINT'), 1000);
          }
        },
      });
      expect(signalled, run.logs).toBe(true);
      expect(run.exitCode).toBe(1);
      expect(errors(run)).toContain('drift-check: cancelled (SIGINT)');
      // Not the 60 s the statement would have slept: the running statement was cancelled and the database dropped.
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(await leftovers()).toEqual(before);
    } finally {
      app.remove();
    }
  });

  it('names a role the scratch server lacks instead of creating it there', async () => {
    const app = copyApp();
    const role = `drift_absent_${process.pid}`;
    try {
      appendFileSync(
        join(app.root, 'drizzle', '0002_kinds.sql'),
        `\n--> statement-breakpoint\nGRANT SELECT ON public.users TO ${role};\n`,
      );
      const run = await drift({}, app.root);
      expect(run.exitCode).toBe(1);
      expect(errors(run)).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `The scratch server has no role "${role}" \\(roles belong to the server, not to a database\\): create it there`,
          ),
        ),
      );
      const { rows } = await admin('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      expect(rows).toEqual([]);
    } finally {
      app.remove();
    }
  });

  it('refuses the live database itself, however it is spelled, with one line and no database created', async () => {
    const before = await leftovers();
    const same = await drift({ 'scratch-database-url': url });
    expect(same.exitCode).toBe(1);
    expect(errors(same)).toEqual([
      expect.stringMatching(/^drift-check: scratch-database-url names the same database as database-url; /),
    ]);
    const alias = new URL(url);
    alias.hostname = alias.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const aliased = await drift({ 'scratch-database-url': alias.toString() });
    expect(aliased.exitCode).toBe(1);
    expect(errors(aliased)).toEqual([
      expect.stringMatching(/^drift-check: scratch-database-url reaches the same database as database-url; /),
    ]);
    expect(await leftovers()).toEqual(before);
    expect(same.logs + aliased.logs).not.toContain(PASSWORD);
  });

  it('rejects an unparsable URL with one line', async () => {
    const run = await drift({ 'scratch-database-url': 'not a url' });
    expect(run.exitCode).toBe(1);
    expect(errors(run)).toEqual([
      'drift-check: scratch-database-url is not a PostgreSQL URL; write it like postgres://user:password@host:5432/database',
    ]);
  });

  it('says in one line that the role needs CREATEDB', async () => {
    const role = `drift_nocreatedb_${process.pid}`;
    await admin(`CREATE ROLE ${role} LOGIN NOCREATEDB`);
    try {
      const limited = new URL(TEST_DATABASE_URL);
      limited.username = role;
      const run = await drift({ 'scratch-database-url': limited.toString() });
      expect(run.exitCode).toBe(1);
      expect(errors(run)).toEqual([
        `drift-check: scratch-database-url: role "${role}" may not create databases; grant it CREATEDB (ALTER ROLE ... CREATEDB) or leave scratch-database-url empty to replay into the embedded PostgreSQL`,
      ]);
    } finally {
      await admin(`DROP ROLE ${role}`);
    }
  });
});

describe.skipIf(!available || !CORPUS)('the corpus with scratch-database-url', () => {
  for (const folder of corpusFolders()) {
    it(`corpus ${folder} compares clean`, async () => {
      const corpusDb = await createTestDatabase(`drift_scratch_${folder}`);
      try {
        await migrate(corpusDb.url, loadMigrationFolder(join(CORPUS, folder), CORPUS));
        const run = await drift(
          { 'database-url': corpusDb.url, 'working-directory': CORPUS, 'migrations-dir': folder },
          CORPUS,
        );
        expect(run.exitCode, run.logs).toBe(0);
        expect(run.outputs).toMatchObject({ drift: 'false', differences: '0' });
      } finally {
        await corpusDb.drop();
      }
    }, 120_000);
  }
});
