// status's verification (readLedger + compareLedger, the code status, migrate and drift-check share) on the embedded
// PostgreSQL. One PGlite serves the whole file: booting one takes seconds, and resetting its schemas takes none.
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzleV1 } from 'drizzle-orm-v1/pglite';
import { migrate as migrateV1 } from 'drizzle-orm-v1/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbedded, type PGliteClient } from '../../actions/lib/db/pglite';
import { applyMigrations, plan } from '../../actions/lib/migrations/executor';
import { loadMigrationFolder, loadProjectMigrations } from '../../actions/lib/migrations/folder';
import { readLedger, type LedgerLocation } from '../../actions/lib/migrations/ledger';
import type { Layout } from '../../actions/lib/migrations/model';
import { compareLedger } from '../../actions/lib/migrations/verify';
import { renderStatusReport } from '../../actions/status/report';
import { corpusFolders } from '../model/fixtures';
import { deletedApplied, editedApplied, EXAMPLES, outOfOrderPending, type Scenario } from './scenarios';

const LEDGER: LedgerLocation = { schema: 'drizzle', table: '__drizzle_migrations' };
const corpus = corpusFolders();
let db: PGliteClient;

beforeAll(async () => {
  db = await openEmbedded();
});
afterAll(async () => {
  await db?.close();
});

/** Back to an empty database: the examples and the corpus create everything in public (and the ledger in drizzle). */
async function reset(): Promise<void> {
  await db.exec('DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
}

async function statusOf(root: string) {
  const project = await loadProjectMigrations({ projectRoot: root });
  const state = compareLedger(project.set, (await readLedger(db, project.ledger)).rows);
  return {
    state,
    report: renderStatusReport(project.set, project.ledger, state, { policy: 'all', plan: plan(state.pending, 'all') }),
    set: project.set,
  };
}

async function withScenario(scenario: Scenario, fn: (s: Scenario) => Promise<void>): Promise<void> {
  try {
    await fn(scenario);
  } finally {
    scenario.remove();
  }
}

const SETS = {
  journal: (await loadProjectMigrations({ projectRoot: EXAMPLES.journal })).set,
  v1: (await loadProjectMigrations({ projectRoot: EXAMPLES.v1 })).set,
};

describe.each<Layout>(['journal', 'v1'])('status on PGlite, %s layout', (layout) => {
  const root = EXAMPLES[layout];
  const set = SETS[layout];

  it('a fresh database: no ledger, everything pending', async () => {
    await reset();
    expect(await readLedger(db, LEDGER)).toEqual({ exists: false, hasNameColumn: false, rows: [] });
    const { state, report } = await statusOf(root);
    expect(state.applied).toEqual([]);
    expect(state.pending.map((m) => m.name)).toEqual(set.migrations.map((m) => m.name));
    expect(state.problems).toEqual([]);
    expect(report).toContain(`0 applied, ${set.migrations.length} pending`);
  });

  it('after applying: everything applied, matched to its file, nothing wrong', async () => {
    await reset();
    await applyMigrations(db, set.migrations, { location: LEDGER, layout: layout, exists: false });
    const { state, report } = await statusOf(root);
    expect(state.pending).toEqual([]);
    expect(state.problems).toEqual([]);
    expect(state.applied.map((a) => a.migration?.name)).toEqual(set.migrations.map((m) => m.name));
    expect(state.applied.map((a) => a.row.hash)).toEqual(set.migrations.map((m) => m.hash));
    expect(report).toContain('✅ up to date');
    // The schema the migrations describe is really there.
    const tables = await db.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    expect(tables.map((t) => t.tablename)).toEqual(['projects', 'tasks', 'users']);
  });

  it('an applied migration edited afterwards', async () => {
    await withScenario(editedApplied(layout), async ({ root: edited, name }) => {
      const { state, report } = await statusOf(edited);
      expect(state.problems).toMatchObject([{ kind: 'modified', name }]);
      expect(state.problems[0]!.file).toContain(name);
      expect(state.pending).toEqual([]);
      expect(report).toContain('❌ 1 problem(s)');
      expect(report).toContain(`was edited after it was applied`);
    });
  });

  it('an applied migration deleted afterwards', async () => {
    await withScenario(deletedApplied(layout), async ({ root: deleted, name }) => {
      const { state } = await statusOf(deleted);
      expect(state.problems).toHaveLength(1);
      expect(state.problems[0]!.kind).toBe('missing');
      // drizzle-orm 1.x records names; 0.x only created_at, which is what the problem can name.
      if (layout === 'v1') expect(state.problems[0]!.name).toBe(name);
      expect(state.applied.filter((a) => !a.migration)).toHaveLength(1);
      expect(state.pending).toEqual([]);
    });
  });

  it('a pending migration older than the newest applied one', async () => {
    await withScenario(outOfOrderPending(layout), async ({ root: late, name }) => {
      const { state, report } = await statusOf(late);
      expect(state.pending.map((m) => m.name)).toEqual([name]);
      expect(state.problems).toMatchObject([{ kind: 'out-of-order', name }]);
      expect(report).toMatch(/### Pending[\s\S]*late_feature/);
    });
  });

  it("reads exactly the ledger drizzle-orm's own migrate() writes, and the two take turns", async () => {
    const migrationsFolder = join(root, 'drizzle');
    const run =
      layout === 'v1'
        ? () => migrateV1(drizzleV1({ client: db.raw }), { migrationsFolder })
        : () => migrate(drizzle({ client: db.raw }), { migrationsFolder });

    await reset();
    await run();
    const theirs = (await readLedger(db, LEDGER)).rows;
    const { state } = await statusOf(root);
    expect(state.problems).toEqual([]);
    expect(state.pending).toEqual([]);
    expect(theirs.map((r) => [r.hash, r.createdAt])).toEqual(set.migrations.map((m) => [m.hash, m.createdAt]));
    if (layout === 'v1') {
      expect(theirs.map((r) => r.name)).toEqual(set.migrations.map((m) => m.name));
      expect(theirs.every((r) => r.appliedAt instanceof Date)).toBe(true);
    } else {
      expect(theirs.every((r) => r.name === null && r.appliedAt === null)).toBe(true);
    }

    // Ours first, then Drizzle's: it must see our rows as applied and run only the rest.
    await reset();
    await applyMigrations(db, set.migrations.slice(0, 2), { location: LEDGER, layout: layout, exists: false });
    await run();
    const mixed = (await readLedger(db, LEDGER)).rows;
    expect(mixed.map((r) => [r.hash, r.createdAt, r.name])).toEqual(theirs.map((r) => [r.hash, r.createdAt, r.name]));
    expect((await statusOf(root)).state.problems).toEqual([]);
  });
});

describe.skipIf(corpus.length === 0).each(corpus)('status on PGlite after applying corpus/$name', ({ dir }) => {
  it('applies every migration (several statements in one chunk included) and reports them all applied', async () => {
    const set = loadMigrationFolder(dir, dir);
    await reset();
    await applyMigrations(db, set.migrations, { location: LEDGER, layout: set.layout, exists: false });
    const state = compareLedger(set, (await readLedger(db, LEDGER)).rows);
    expect(state.applied).toHaveLength(set.migrations.length);
    expect(state.applied.every((a, i) => a.migration === set.migrations[i])).toBe(true);
    expect(state.pending).toEqual([]);
    expect(state.problems).toEqual([]);
  });
});
