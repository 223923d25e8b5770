// The pull-request gate and the deploy must agree: for every migration shape and both transaction policies, a
// schema-check that passes (on real PostgreSQL through database-url, and on PGlite) is a migrate-with-telemetry that
// applies, and a check that fails is a deploy that does not. The project sits in a sub-folder, so every annotation
// must name the repository path (app/drizzle/...), not the project path.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrate } from '../migrate/helpers.js';
import { createTestDatabase, postgresAvailable } from '../support/postgres.js';
import { runAction, type ActionRun } from '../support/runner.js';
import {
  journalFiles,
  pullRequestRepo,
  removeFixtures,
  runCheck,
  type MigrationFile,
} from '../schema-check/fixture.js';

const available = await postgresAvailable();

const CONFIG = {
  'app/drizzle.config.ts': `import { defineConfig } from 'drizzle-kit';
export default defineConfig({ dialect: 'postgresql', schema: './src/schema.ts', out: './drizzle' });
`,
};
const BASE: MigrationFile[] = [
  {
    tag: '0000_init',
    when: 1_700_000_000_000,
    sql: 'CREATE TABLE "users" ("id" serial PRIMARY KEY, "email" text NOT NULL);\n',
  },
];
const MARKER = '-- schema-actions:no-transaction\n';

type Expected = 'applies' | 'fails';

/** Each shape with what must happen under each policy (the test checks the check and the deploy agree with it). */
const SHAPES: { name: string; sql: string; all: Expected; each: Expected }[] = [
  { name: 'plain', sql: 'ALTER TABLE "users" ADD COLUMN "nickname" text;\n', all: 'applies', each: 'applies' },
  {
    name: 'multi-statement chunk',
    sql: 'ALTER TABLE "users" ADD COLUMN "bio" text;\nCREATE TABLE "posts" ("id" serial PRIMARY KEY, "title" text);\n',
    all: 'applies',
    each: 'applies',
  },
  {
    name: 'no-transaction marker',
    sql: `${MARKER}CREATE TABLE "audit" ("id" serial PRIMARY KEY);\n`,
    all: 'fails',
    each: 'applies',
  },
  {
    name: 'CONCURRENTLY with the marker',
    sql: `${MARKER}CREATE INDEX CONCURRENTLY "users_email_idx" ON "users" ("email");\n`,
    all: 'fails',
    each: 'applies',
  },
  {
    name: 'CONCURRENTLY without the marker',
    sql: 'CREATE INDEX CONCURRENTLY "users_email_idx" ON "users" ("email");\n',
    all: 'fails',
    each: 'fails',
  },
  {
    name: 'CONCURRENTLY sharing a chunk with another statement',
    sql: `${MARKER}CREATE INDEX CONCURRENTLY "users_email_idx" ON "users" ("email");\nCREATE TABLE "tags" ("id" int);\n`,
    all: 'fails',
    each: 'fails',
  },
  {
    name: 'a failing statement',
    sql: 'ALTER TABLE "users" ADD COLUMN "x" int;\n--> statement-breakpoint\nALTER TABLE "missing" ADD COLUMN "y" int;\n',
    all: 'fails',
    each: 'fails',
  },
];

function errorAnnotations(run: ActionRun) {
  return run.annotations.filter((a) => a.level === 'error');
}

describe.skipIf(!available)('schema-check and migrate-with-telemetry agree', () => {
  afterAll(() => removeFixtures());

  for (const shape of SHAPES) {
    for (const policy of ['all', 'each'] as const) {
      it(`${shape.name}, transaction: ${policy} → ${shape[policy]}`, async () => {
        const added: MigrationFile = { tag: '0001_change', when: 1_700_000_100_000, sql: shape.sql };
        const repo = pullRequestRepo(
          { ...CONFIG, ...journalFiles(BASE, 'app/drizzle') },
          journalFiles([...BASE, added], 'app/drizzle'),
        );
        const rehearsal = await createTestDatabase('agree_check');
        const production = await createTestDatabase('agree_deploy');
        try {
          const check = await runCheck(repo, {
            'working-directory': 'app',
            transaction: policy,
            'database-url': rehearsal.url,
            lint: 'false',
          });

          // Production already has the base; the merge deploys the change on top.
          execFileSync('git', ['checkout', '-q', repo.baseSha], { cwd: repo.dir });
          const before = await runMigrate(repo.dir, {
            'working-directory': 'app',
            'database-url': production.url,
            transaction: policy,
          });
          expect(before.outputs.status, before.logs).toBe('applied');
          execFileSync('git', ['checkout', '-q', repo.headSha], { cwd: repo.dir });
          const deploy = await runMigrate(repo.dir, {
            'working-directory': 'app',
            'database-url': production.url,
            transaction: policy,
          });

          const checkPassed = check.outputs.result === 'passed';
          const deployApplied = deploy.outputs.status === 'applied';
          expect({ checkPassed, deployApplied }, `${check.summary}\n---\n${deploy.logs}`).toEqual({
            checkPassed: shape[policy] === 'applies',
            deployApplied: shape[policy] === 'applies',
          });

          if (!deployApplied) {
            // One failure line, on the failing file's repository path.
            const errors = errorAnnotations(deploy);
            expect(errors, deploy.logs).toHaveLength(1);
            expect(errors[0]).toMatchObject({ file: 'app/drizzle/0001_change.sql' });
            expect(errors[0]!.message).toMatch(/^migrate-with-telemetry: /);
            const fileErrors = errorAnnotations(check).filter((a) => a.file);
            expect(fileErrors.length, check.logs).toBeGreaterThan(0);
            for (const annotation of fileErrors) expect(annotation.file).toBe('app/drizzle/0001_change.sql');
          }
        } finally {
          await rehearsal.drop();
          await production.drop();
        }
      });
    }
  }
});

describe.skipIf(!available)('annotations with the project in a sub-folder', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase('annotate_sub');
  });
  afterAll(async () => {
    await database?.drop();
    removeFixtures();
  });

  it('migrate-with-telemetry and drift-check point at app/drizzle/..., not drizzle/...', async () => {
    const repo = pullRequestRepo(
      { ...CONFIG, ...journalFiles(BASE, 'app/drizzle') },
      { 'app/drizzle/0000_init.sql': `${BASE[0]!.sql}-- edited after it was applied\n` },
    );
    execFileSync('git', ['checkout', '-q', repo.baseSha], { cwd: repo.dir });
    const first = await runMigrate(repo.dir, { 'working-directory': 'app', 'database-url': database.url });
    expect(first.outputs.status, first.logs).toBe('applied');
    execFileSync('git', ['checkout', '-q', repo.headSha], { cwd: repo.dir });

    const migrate = await runMigrate(repo.dir, { 'working-directory': 'app', 'database-url': database.url });
    expect(migrate.outputs.status).toBe('failed');
    expect(errorAnnotations(migrate).filter((a) => a.file)).toEqual([
      expect.objectContaining({ file: 'app/drizzle/0000_init.sql' }),
    ]);

    const drift = await runAction({
      action: resolve('drift-check'),
      cwd: repo.dir,
      inputs: { 'working-directory': 'app', 'database-url': database.url },
    });
    expect(drift.outputs.drift).toBe('true');
    const driftFiles = drift.annotations.filter((a) => a.file).map((a) => a.file);
    expect(driftFiles.length, drift.logs).toBeGreaterThan(0);
    expect(new Set(driftFiles)).toEqual(new Set(['app/drizzle/0000_init.sql']));
  });
});
