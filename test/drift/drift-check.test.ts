// drift-check end to end: the committed dist/ bundle run the way the GitHub runner runs it, against real PostgreSQL
// and a fake GitHub (run `npm run build` first).
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleLogger } from '../../actions/lib/logger';
import { runCli } from '../../actions/runtime';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github';
import { createTestDatabase, postgresAvailable, withClient, type TestDatabase } from '../support/postgres';
import { runAction, type ActionRun } from '../support/runner';
import { APP, appMigrations, copyApp, migrate } from './helpers';

const available = await postgresAvailable();
const ACTION = resolve(import.meta.dirname, '..', '..', 'drift-check');
// Trust authentication ignores it, so it reaches the server for real and must still never be printed.
const PASSWORD = 'Dr1ftS3cretPassw0rd';
const TOKEN = 'ghs_driftCheckSecretToken1234567890';

interface Run extends ActionRun {
  json?: { drift: boolean; differences: Array<Record<string, unknown>>; ledger: Record<string, unknown> };
  reportText?: string;
}

let db: TestDatabase;
let url: string;
const temps: string[] = [];
const runs: Run[] = [];

beforeAll(async () => {
  if (!available) return;
  db = await createTestDatabase('drift_action');
  const parsed = new URL(db.url);
  parsed.password = PASSWORD;
  url = parsed.toString();
  await migrate(db.url, appMigrations());
}, 60_000);

afterAll(async () => {
  await db?.drop();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

async function drift(inputs: Record<string, string> = {}, opts: { cwd?: string; githubApiUrl?: string } = {}) {
  const temp = mkdtempSync(join(tmpdir(), 'drift-run-'));
  temps.push(temp);
  const run: Run = await runAction({
    action: ACTION,
    cwd: opts.cwd ?? APP,
    inputs: { 'database-url': url, environment: 'staging', ...inputs },
    env: { RUNNER_TEMP: temp },
    githubApiUrl: opts.githubApiUrl,
    token: TOKEN,
    timeoutMs: 60_000,
  });
  if (run.outputs['report-json']) run.json = JSON.parse(readFileSync(run.outputs['report-json'], 'utf8'));
  if (run.outputs.report) run.reportText = readFileSync(run.outputs.report, 'utf8');
  runs.push(run);
  return run;
}

async function sql(text: string): Promise<void> {
  await withClient(db.url, (client) => client.query(text));
}

describe.skipIf(!available)('drift-check action', () => {
  it('passes on a database that matches its migrations', async () => {
    const run = await drift();
    expect(run.exitCode, run.logs).toBe(0);
    expect(run.outputs).toMatchObject({ drift: 'false', differences: '0', 'pending-count': '0' });
    expect(run.summary).toContain('No drift');
    expect(run.json).toMatchObject({ drift: false, differences: [], ledger: { applied: 3, pending: [] } });
    expect(run.groups).toEqual(expect.arrayContaining(['Read the ledger', 'Compare']));
  });

  it('finds manual changes, names them with expected and actual, suggests SQL, and fails', async () => {
    await sql(
      'CREATE INDEX invoices_note_idx ON billing.invoices (note); ALTER TABLE users ALTER COLUMN settings DROP NOT NULL',
    );
    try {
      const run = await drift();
      expect(run.exitCode).toBe(1);
      expect(run.annotations).toContainEqual(
        expect.objectContaining({
          level: 'error',
          message: 'drift-check: drift in staging: 2 difference(s); see the report',
        }),
      );
      expect(run.outputs).toMatchObject({ drift: 'true', differences: '2' });
      expect(run.json?.differences).toEqual([
        expect.objectContaining({
          kind: 'column',
          change: 'changed',
          object: 'public.users.settings',
          expected: "jsonb NOT NULL DEFAULT '{}'::jsonb",
          actual: "jsonb DEFAULT '{}'::jsonb",
          sql: 'ALTER TABLE public.users ALTER COLUMN settings SET NOT NULL;',
        }),
        expect.objectContaining({
          kind: 'index',
          change: 'added',
          object: 'billing.invoices_note_idx',
          actual: 'CREATE INDEX invoices_note_idx ON billing.invoices USING btree (note)',
          sql: 'DROP INDEX billing.invoices_note_idx;',
        }),
      ]);
      expect(run.json?.differences[1]).not.toHaveProperty('expected');
      // The report groups by table and shows both sides, and the SQL is marked for review.
      expect(run.summary).toContain('#### `billing.invoices`');
      expect(run.summary).toContain("`jsonb NOT NULL DEFAULT '{}'::jsonb` | `jsonb DEFAULT '{}'::jsonb`");
      expect(run.summary).toContain('Suggested SQL (review before running)');
      expect(run.reportText).toContain('#### `billing.invoices`');

      const ignored = await drift({ ignore: 'billing.invoices_*_idx\npublic.users.settings' });
      expect(ignored.exitCode, ignored.logs).toBe(0);
      expect(ignored.outputs).toMatchObject({ drift: 'false', differences: '0' });

      const onlyBilling = await drift({ schemas: 'billing' });
      expect(onlyBilling.outputs.differences).toBe('1');
      expect(onlyBilling.summary).toContain('Compared schemas: `billing`');

      const report = await drift({ 'fail-on-drift': 'false' });
      expect(report.exitCode).toBe(0);
      expect(report.outputs.drift).toBe('true');
    } finally {
      await sql('DROP INDEX billing.invoices_note_idx; ALTER TABLE users ALTER COLUMN settings SET NOT NULL');
    }
  });

  it('reports functions, grants and comments by object, with expected, actual and SQL', async () => {
    await sql(
      "ALTER FUNCTION public.event_count(text) SECURITY INVOKER; REVOKE INSERT ON public.events FROM drift_app; COMMENT ON TABLE public.events IS 'edited'",
    );
    try {
      const run = await drift();
      expect(run.exitCode).toBe(1);
      expect(run.json?.differences).toEqual([
        expect.objectContaining({
          kind: 'function',
          change: 'changed',
          object: 'public.event_count(p_kind text)',
          aspects: ['security definer'],
          expected: expect.stringContaining('SECURITY DEFINER'),
          actual: expect.not.stringContaining('SECURITY DEFINER'),
          sql: expect.stringContaining('CREATE OR REPLACE FUNCTION public.event_count(p_kind text)'),
        }),
        expect.objectContaining({
          kind: 'grant',
          object: 'table public.events to drift_app',
          table: 'public.events',
          expected: 'INSERT, SELECT',
          actual: 'SELECT',
          sql: 'REVOKE ALL ON TABLE public.events FROM drift_app;\nGRANT INSERT, SELECT ON TABLE public.events TO drift_app;',
        }),
        expect.objectContaining({
          kind: 'comment',
          object: 'table public.events',
          expected: 'What happened, and when',
          actual: 'edited',
          sql: "COMMENT ON TABLE public.events IS 'What happened, and when';",
        }),
      ]);
      // The grant and the comment are both about public.events: one group in the report.
      expect(run.summary?.match(/#### `public.events`/g)).toHaveLength(1);
      expect(run.summary).toContain('#### `public.event_count(p_kind text)`');

      const ignored = await drift({ ignore: 'public.event_count*, public.events' });
      expect(ignored.outputs.differences, ignored.logs).toBe('0');
    } finally {
      await sql(
        "ALTER FUNCTION public.event_count(text) SECURITY DEFINER; GRANT INSERT ON public.events TO drift_app; COMMENT ON TABLE public.events IS 'What happened, and when'",
      );
    }
  });

  it('compares owners only when given the role that runs the migrations', async () => {
    expect((await drift({ owner: 'postgres' })).outputs.differences).toBe('0');
    await sql('ALTER TABLE public.sessions OWNER TO drift_app');
    try {
      expect((await drift()).outputs.differences).toBe('0');
      const run = await drift({ owner: 'postgres' });
      expect(run.json?.differences).toEqual([
        expect.objectContaining({
          kind: 'owner',
          object: 'table public.sessions',
          expected: 'postgres',
          actual: 'drift_app',
          sql: 'ALTER TABLE public.sessions OWNER TO postgres;',
        }),
      ]);
    } finally {
      await sql('ALTER TABLE public.sessions OWNER TO postgres');
    }
  });

  it('reports ledger findings: an edited applied migration is drift, a pending one is counted', async () => {
    const app = copyApp();
    temps.push(app.root);
    appendFileSync(join(app.root, 'drizzle', '0001_access.sql'), '\n-- edited after it was applied\n');
    const journalPath = join(app.root, 'drizzle', 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
    journal.entries.push({ idx: 3, version: '7', when: 1735948800000, tag: '0003_next', breakpoints: true });
    writeFileSync(journalPath, JSON.stringify(journal));
    writeFileSync(join(app.root, 'drizzle', '0003_next.sql'), 'ALTER TABLE "users" ADD COLUMN "bio" text;');
    const run = await drift({}, { cwd: app.root });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ drift: 'true', differences: '0', 'pending-count': '1' });
    expect(run.json?.ledger).toMatchObject({
      pending: ['0003_next'],
      problems: [expect.objectContaining({ kind: 'modified', name: '0001_access' })],
    });
    expect(run.summary).toContain('was edited after it was applied');
  });

  it('replays only what has a file when an applied migration was deleted, and says so', async () => {
    const app = copyApp();
    temps.push(app.root);
    const journalPath = join(app.root, 'drizzle', 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
    journal.entries.splice(1, 1);
    writeFileSync(journalPath, JSON.stringify(journal));
    rmSync(join(app.root, 'drizzle', '0001_access.sql'));
    const run = await drift({}, { cwd: app.root });
    expect(run.exitCode).toBe(1);
    expect(run.json?.ledger).toMatchObject({ problems: [expect.objectContaining({ kind: 'missing' })] });
    // What 0001 created is in the database but in no migration on disk any more.
    expect(run.json?.differences).toContainEqual(
      expect.objectContaining({ kind: 'policy', change: 'added', object: 'billing.invoices.invoices_owner' }),
    );
    expect(run.summary).toContain('Applied migrations without a file could not be replayed');
  });

  it('rejects a bad input with one line and exit 1', async () => {
    const run = await drift({ 'fail-on-drift': 'sometimes' });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      'drift-check: input "fail-on-drift" must be true or false, not "sometimes"',
    ]);
  });
});

describe.skipIf(!available)('drift issue per environment', () => {
  let github: FakeGitHub;
  beforeAll(async () => {
    github = await startFakeGitHub();
  });
  afterAll(async () => {
    await github?.close();
  });

  it('opens one issue when drift appears, updates it while it persists, closes it when it is gone', async () => {
    // Unrelated issues (and a drift issue of another environment) fill the first pages.
    const other = github.addIssue({
      title: 'Schema drift in production',
      body: '<!-- schema-actions:drift-check:production -->',
    });
    for (let i = 0; i < 105; i++) github.addIssue({ title: `unrelated ${i}`, body: 'nothing to see' });
    const issueRun = (inputs: Record<string, string> = {}) =>
      drift({ issue: 'true', ...inputs }, { githubApiUrl: github.url });

    await sql('CREATE INDEX users_created_idx ON users (created_at)');
    try {
      const opened = await issueRun();
      expect(opened.exitCode).toBe(1);
      const number = Number(opened.outputs['issue-number']);
      const issue = github.issues.find((i) => i.number === number);
      expect(issue).toMatchObject({ title: 'Schema drift in staging', state: 'open' });
      expect(issue?.labels.map((l) => l.name)).toEqual(['schema-drift']);
      expect(issue?.body).toContain('<!-- schema-actions:drift-check:staging -->');
      expect(issue?.body).toContain('public.users_created_idx');

      // More than a page of newer issues pushes ours to page 2; the drift changes but persists.
      for (let i = 0; i < 105; i++) github.addIssue({ title: `later ${i}`, body: 'nothing' });
      await sql('ALTER TABLE users ADD COLUMN nickname text');
      const updated = await issueRun({ 'fail-on-drift': 'false' });
      expect(updated.exitCode, updated.logs).toBe(0);
      expect(updated.outputs['issue-number']).toBe(String(number));
      expect(github.requests.some((r) => r.path === '/repos/acme/app/issues' && r.query.page === '2')).toBe(true);
      expect(github.issues.filter((i) => i.body?.includes('drift-check:staging'))).toHaveLength(1);
      expect(issue?.body).toContain('public.users.nickname');
      expect(issue?.state).toBe('open');
    } finally {
      await sql('DROP INDEX IF EXISTS users_created_idx; ALTER TABLE users DROP COLUMN IF EXISTS nickname');
    }

    const closed = await issueRun();
    expect(closed.exitCode, closed.logs).toBe(0);
    expect(closed.outputs['issue-number']).toBe(String(issueNumberOf(github, 'staging')));
    const issue = github.issues.find((i) => i.body?.includes('drift-check:staging'));
    expect(issue).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(github.comments.get(issue?.number ?? 0)?.map((c) => c.body)).toEqual([
      expect.stringContaining('No drift in staging any more'),
    ]);
    expect(other.state).toBe('open');

    // Clean again: nothing to open or close.
    const quiet = await issueRun();
    expect(quiet.exitCode).toBe(0);
    expect(quiet.outputs['issue-number']).toBeUndefined();
    expect(github.issues.filter((i) => i.body?.includes('drift-check:staging'))).toHaveLength(1);
  });

  it('fails clearly when the token cannot write issues', async () => {
    github.denyWrites('Resource not accessible by integration');
    await sql('CREATE INDEX users_created_idx ON users (created_at)');
    try {
      const run = await drift({ issue: 'true', 'fail-on-drift': 'false' }, { githubApiUrl: github.url });
      expect(run.exitCode).toBe(1);
      expect(run.logs).toContain('could not update the drift issue for staging');
      expect(run.logs).toContain('issues: write');
      expect(run.outputs.drift).toBe('true');
    } finally {
      await sql('DROP INDEX users_created_idx');
    }
  });

  it('never prints the database password or the token', () => {
    expect(runs.length).toBeGreaterThan(5);
    const captured = [
      ...runs.flatMap((r) => [
        r.logs,
        r.summary,
        JSON.stringify(r.outputs),
        JSON.stringify(r.json ?? {}),
        r.reportText ?? '',
      ]),
      ...github.requests.map((r) => JSON.stringify({ ...r, headers: undefined })),
    ].join('\n');
    expect(captured).not.toContain(PASSWORD);
    expect(captured).not.toContain(TOKEN);
  });
});

function issueNumberOf(github: FakeGitHub, environment: string): number {
  return github.issues.find((i) => i.body?.includes(`drift-check:${environment}`))?.number ?? -1;
}

describe.skipIf(!available)('schema-actions drift (CLI)', () => {
  async function cli(args: string[]): Promise<{ code: number; lines: string[] }> {
    const lines: string[] = [];
    const stdout = process.stdout.write;
    // The CLI prints the report on stdout; keep it with the log lines.
    process.stdout.write = (chunk: string) => {
      lines.push(String(chunk));
      return true;
    };
    try {
      const code = await runCli(['drift', ...args], new ConsoleLogger((line) => lines.push(line)));
      return { code, lines };
    } finally {
      process.stdout.write = stdout;
    }
  }

  it('prints the same verdict on a laptop', async () => {
    const { code, lines } = await cli(['--database-url', url, '--working-directory', APP]);
    expect(code, lines.join('\n')).toBe(0);
    expect(lines.join('\n')).toContain('No drift');
    expect(lines.join('\n')).not.toContain(PASSWORD);
  });

  it('needs a token for issue: true and says where to get one, before touching any database', async () => {
    const env = { token: process.env.GITHUB_TOKEN };
    delete process.env.GITHUB_TOKEN;
    try {
      const { code, lines } = await cli(['--database-url', 'postgres://nobody@127.0.0.1:1/none', '--issue', 'true']);
      expect(code).toBe(1);
      expect(lines).toEqual([
        expect.stringMatching(/^error: drift-check: issue is true but no github-token was given; /),
      ]);
    } finally {
      if (env.token !== undefined) process.env.GITHUB_TOKEN = env.token;
    }
  });
});
