// `schema-actions status` end to end on real PostgreSQL: the committed CLI bundle (bin/schema-actions.js → dist/)
// against databases migrated by drizzle-orm's own migrate(), by our executor, and the corpus.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzleV1 } from 'drizzle-orm-v1/node-postgres';
import { migrate as migrateV1 } from 'drizzle-orm-v1/node-postgres/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres } from '../../actions/lib/db/postgres';
import { ConsoleLogger } from '../../actions/lib/logger';
import { applyMigrations } from '../../actions/lib/migrations/executor';
import { loadMigrationFolder, loadProjectMigrations } from '../../actions/lib/migrations/folder';
import type { Layout, Migration } from '../../actions/lib/migrations/model';
import { createTestDatabase, postgresAvailable, withClient, type TestDatabase } from '../support/postgres';
import { corpusFolders, errorLines, runCliBundle } from '../model/fixtures';
import { deletedApplied, editedApplied, EXAMPLES, outOfOrderPending } from './scenarios';

const available = await postgresAvailable();
const corpus = corpusFolders();
const LEDGER = { schema: 'drizzle', table: '__drizzle_migrations' };
const reportDir = mkdtempSync(join(tmpdir(), 'sa-status-reports-'));
afterAll(() => rmSync(reportDir, { recursive: true, force: true }));

/** Runs status as a developer would, from the project's folder: file paths print relative to it. */
function status(url: string, root: string, ...extra: string[]) {
  return runCliBundle(['status', '--database-url', url, '--working-directory', '.', ...extra], {
    cwd: root,
    env: { RUNNER_TEMP: reportDir },
  });
}

/** Runs drizzle-orm's own migrator (0.x for the journal layout, 1.x for v1) on a database. */
async function drizzleMigrate(url: string, layout: Layout, root: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const migrationsFolder = join(root, 'drizzle');
    if (layout === 'v1') await migrateV1(drizzleV1({ client }), { migrationsFolder });
    else await migrate(drizzle({ client }), { migrationsFolder });
  } finally {
    await client.end();
  }
}

async function applyOurs(url: string, migrations: Migration[], layout: Layout): Promise<void> {
  const client = await connectPostgres(url, { logger: new ConsoleLogger(() => undefined) });
  try {
    await applyMigrations(client, migrations, { location: LEDGER, layout, exists: false });
  } finally {
    await client.close();
  }
}

type Row = { hash: string; created_at: string; name?: string | null; applied_at?: Date | null };
function ledgerRows(url: string): Promise<Row[]> {
  return withClient(
    url,
    async (c) => (await c.query<Row>('SELECT * FROM drizzle.__drizzle_migrations ORDER BY id')).rows,
  );
}

const SETS = {
  journal: (await loadProjectMigrations({ projectRoot: EXAMPLES.journal })).set,
  v1: (await loadProjectMigrations({ projectRoot: EXAMPLES.v1 })).set,
};

describe.skipIf(!available).each<Layout>(['journal', 'v1'])('status on PostgreSQL, %s layout', (layout) => {
  const root = EXAMPLES[layout];
  const set = SETS[layout];
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(`status_${layout}`);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('a fresh database: everything pending, exit 0, and status creates nothing', async () => {
    const run = await status(db.url, root);
    expect(run.exitCode).toBe(0);
    expect(errorLines(run.stderr)).toEqual([]);
    expect(run.stdout).toContain(`0 applied, ${set.migrations.length} pending, in \`drizzle\` (${layout} layout)`);
    for (const m of set.migrations) expect(run.stdout).toContain(`| ${m.name} | ${m.file} |`);
    const schemas = await withClient(db.url, (c) => c.query(`SELECT 1 FROM pg_namespace WHERE nspname = 'drizzle'`));
    expect(schemas.rowCount).toBe(0);
  });

  it("a database migrated by drizzle-orm's migrate(): up to date, its ledger read exactly", async () => {
    await drizzleMigrate(db.url, layout, root);
    const run = await status(db.url, root);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(`✅ up to date — ${set.migrations.length} applied, 0 pending`);
    const rows = await ledgerRows(db.url);
    set.migrations.forEach((m, i) => {
      const row = rows[i]!;
      expect([row.hash, Number(row.created_at)]).toEqual([m.hash, m.createdAt]);
      // drizzle-orm 1.x records the time it applied each migration; status shows it. 0.x records none.
      const applied = layout === 'v1' ? row.applied_at!.toISOString() : 'not recorded';
      expect(run.stdout).toContain(`| ${i + 1} | ${m.name} | ${new Date(m.createdAt).toISOString()} | ${applied} |`);
    });
  });

  it('an applied migration edited afterwards: one problem with its file, exit 1', async () => {
    const scenario = editedApplied(layout);
    try {
      const run = await status(db.url, scenario.root);
      expect(run.exitCode).toBe(1);
      const errors = errorLines(run.stderr);
      expect(errors).toHaveLength(2);
      expect(errors[0]).toMatch(
        new RegExp(
          `^drizzle/${scenario.name}(\\.sql|/migration\\.sql): error: applied migration ${scenario.name} was edited after it was applied`,
        ),
      );
      expect(errors[1]).toBe('error: status: 1 problem(s) between the ledger and drizzle; see the report');
      expect(run.stdout).toMatch(new RegExp(`\\| modified \\| ${scenario.name} \\|`));
    } finally {
      scenario.remove();
    }
  });

  it('an applied migration deleted afterwards: reported missing, exit 1', async () => {
    const scenario = deletedApplied(layout);
    try {
      const run = await status(db.url, scenario.root);
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toContain('❌ 1 problem(s)');
      expect(run.stdout).toMatch(/\| missing \| .* has no file in drizzle: restore the file from git/);
      // The ledger of drizzle-orm 1.x names the migration; 0.x's only has created_at, so the file is just missing.
      if (layout === 'v1') expect(run.stdout).toContain(`| missing | ${scenario.name} |`);
      else expect(run.stdout).toMatch(/\| 2 \| \(file missing\) \|/);
    } finally {
      scenario.remove();
    }
  });

  it('a pending migration older than the newest applied one: out of order, exit 1 unless told not to fail', async () => {
    const scenario = outOfOrderPending(layout);
    try {
      const run = await status(db.url, scenario.root);
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toContain(`${set.migrations.length} applied, 1 pending`);
      expect(run.stdout).toMatch(
        new RegExp(`\\| out-of-order \\| ${scenario.name} \\| pending migration ${scenario.name} is older than`),
      );
      const lenient = await status(db.url, scenario.root, '--fail-on-problems', 'false');
      expect(lenient.exitCode).toBe(0);
      expect(lenient.stdout).toContain('out-of-order');
    } finally {
      scenario.remove();
    }
  });

  it("our ledger and drizzle-orm's are interchangeable: Drizzle continues where we stopped", async () => {
    const other = await createTestDatabase(`status_${layout}_mixed`);
    try {
      await applyOurs(other.url, set.migrations.slice(0, 2), layout);
      const halfway = await status(other.url, root);
      expect(halfway.exitCode).toBe(0);
      expect(halfway.stdout).toContain('2 applied, 1 pending');
      await drizzleMigrate(other.url, layout, root);
      const strip = (rows: Row[]) => rows.map((r) => [r.hash, r.created_at, r.name ?? null]);
      expect(strip(await ledgerRows(other.url))).toEqual(strip(await ledgerRows(db.url)));
      expect((await status(other.url, root)).stdout).toContain('✅ up to date');
    } finally {
      await other.drop();
    }
  });
});

describe.skipIf(!available || corpus.length === 0).each(corpus)(
  'status on PostgreSQL after applying corpus/$name',
  ({ dir }) => {
    it('reports every migration applied and none pending', async () => {
      const set = loadMigrationFolder(dir, dir);
      const db = await createTestDatabase('status_corpus');
      try {
        await applyOurs(db.url, set.migrations, set.layout);
        const run = await status(db.url, dir, '--migrations-dir', '.');
        expect(run.exitCode).toBe(0);
        expect(run.stdout).toContain(`✅ up to date — ${set.migrations.length} applied, 0 pending`);
        expect(errorLines(run.stderr)).toEqual([]);
      } finally {
        await db.drop();
      }
    });
  },
);
