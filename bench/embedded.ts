import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openEmbedded } from '../actions/lib/db/pglite';
import { connectPostgres } from '../actions/lib/db/postgres';
import { ConsoleLogger } from '../actions/lib/logger';
import { applyMigrations } from '../actions/lib/migrations/executor';
import { createTestDatabase } from '../test/support/postgres';
import { dokploy } from './corpus';
import type { Figure } from './figures';
import { measure } from './measure';

const LEDGER = { schema: 'drizzle', table: '__drizzle_migrations' };
const quiet = new ConsoleLogger(() => undefined);
const execFileAsync = promisify(execFile);

/** PGlite from boot to answering a query, in a fresh process each time: what every schema-check run waits for. */
export async function pgliteReady(): Promise<Figure[]> {
  const script = join(import.meta.dirname, 'pglite-ready.ts');
  const ready = await measure(async () => {
    const { stdout } = await execFileAsync(process.execPath, ['--import', 'tsx', script]);
    return Number(stdout.trim());
  });
  return [
    {
      id: 'pglite-ready',
      label: 'PGlite ready (boot to first query, fresh process)',
      ours: ready,
      target: '≤ 800 ms',
      met: ready.median <= 800,
      note: 'from the data directory prepared at build time (dist/pglite/pgdata.tar.gz); initdb would add ~2 s',
    },
  ];
}

/** The corpus applied on PGlite vs the same SQL on real PostgreSQL through pg, database creation excluded. */
export async function embeddedApply(): Promise<Figure[]> {
  const set = dokploy();
  const ours = await measure(async () => {
    const db = await openEmbedded();
    try {
      const started = performance.now();
      await applyMigrations(db, set.migrations, { location: LEDGER, layout: set.layout, exists: false });
      return performance.now() - started;
    } finally {
      await db.close();
    }
  }, 3);
  const baseline = await measure(async () => {
    const database = await createTestDatabase('bench_apply');
    const client = await connectPostgres(database.url, { logger: quiet });
    try {
      const started = performance.now();
      await applyMigrations(client, set.migrations, { location: LEDGER, layout: set.layout, exists: false });
      return performance.now() - started;
    } finally {
      await client.close();
      await database.drop();
    }
  }, 3);
  const ratio = ours.median / baseline.median;
  return [
    {
      id: 'embedded-apply',
      label: `Apply ${set.migrations.length} migrations (Dokploy) on PGlite`,
      ours,
      baseline,
      baselineLabel: 'PostgreSQL via pg',
      ratio,
      target: 'ratio ≤ 3.0',
      met: ratio <= 3,
    },
  ];
}
