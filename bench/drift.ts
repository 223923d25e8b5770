import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectPostgres } from '../actions/lib/db/postgres';
import { ConsoleLogger } from '../actions/lib/logger';
import { applyMigrations } from '../actions/lib/migrations/executor';
import { createTestDatabase } from '../test/support/postgres';
import { corpusRoot, dokploy } from './corpus';
import type { Figure } from './figures';
import { measurePair, peakMemoryMb } from './measure';

const root = join(import.meta.dirname, '..');
// The real path: in a worktree ../shared is a symlink, and migration files must not resolve through one.
const corpusReal = realpathSync(corpusRoot);
const corpus = join(corpusReal, 'dokploy');

export function runProcess(args: string[], cwd = root): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', resolve);
  });
}

/** migra-peer.ts as one file, so the peer starts as a bundled process like dist/cli.js does. */
async function bundleMigraPeer(dir: string): Promise<string> {
  const outfile = join(dir, 'migra-peer.mjs');
  await build({
    entryPoints: [join(root, 'bench', 'migra-peer.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  return outfile;
}

/**
 * drift-check on the migrated corpus vs the alternatives: `drizzle-kit pull` (introspection only) and what issue 16
 * names as the user's real alternative, a scratch database on the same server diffed with migra. drift-check runs
 * both ways: replaying into PGlite (the default) and into a temporary database on the server (scratch-database-url).
 */
export async function section(): Promise<Figure[]> {
  const set = dokploy();
  const database = await createTestDatabase('bench_drift');
  const out = mkdtempSync(join(tmpdir(), 'bench-pull-'));
  try {
    const client = await connectPostgres(database.url, { logger: new ConsoleLogger(() => undefined) });
    await applyMigrations(client, set.migrations, {
      location: { schema: 'drizzle', table: '__drizzle_migrations' },
      layout: set.layout,
      exists: false,
    });
    await client.close();
    const maintenance = new URL(database.url);
    maintenance.pathname = '/postgres';
    const drift = [
      ...[join(root, 'dist', 'cli.js'), 'drift', '--database-url', database.url],
      ...['--working-directory', corpusReal, '--migrations-dir', 'dokploy'],
    ];
    const scratch = [...drift, '--scratch-database-url', maintenance.toString()];
    for (const args of [drift, scratch]) {
      const exit = await runProcess(args);
      if (exit !== 0) throw new Error(`drift-check on the migrated corpus exited ${exit}: it should find no drift`);
    }
    const pull = [
      join(root, 'node_modules', 'drizzle-kit', 'bin.cjs'),
      'pull',
      '--dialect',
      'postgresql',
      '--url',
      database.url,
      '--out',
      out,
    ];
    const run = (args: string[]) => () => runProcess(args).then(() => undefined);
    const [ours, baseline] = await measurePair(run(drift), run(pull));
    const peer = [await bundleMigraPeer(out), database.url, corpus];
    const [oursVsMigra, migra] = await measurePair(run(drift), run(peer));
    const [scratchVsMigra, migraAgain] = await measurePair(run(scratch), run(peer));
    const memory = await peakMemoryMb(process.execPath, drift);
    const scratchMemory = await peakMemoryMb(process.execPath, scratch);
    const migraMemory = await peakMemoryMb(process.execPath, peer);
    const ratio = ours.median / baseline.median;
    const migraRatio = oursVsMigra.median / migra.median;
    const scratchRatio = scratchVsMigra.median / migraAgain.median;
    const peerLabel = 'scratch database + @pgkit/migra';
    return [
      {
        id: 'drift-vs-migra',
        label: 'drift-check on the migrated corpus (186 migrations), replaying into PGlite',
        ours: oursVsMigra,
        baseline: migra,
        baselineLabel: peerLabel,
        ratio: migraRatio,
        target: 'ratio ≤ 1.0',
        met: migraRatio <= 1,
        note: 'the peer applies the migrations to a scratch database on the same server and diffs it with migra',
      },
      {
        id: 'drift-scratch-vs-migra',
        label: 'drift-check on the migrated corpus, with scratch-database-url',
        ours: scratchVsMigra,
        baseline: migraAgain,
        baselineLabel: peerLabel,
        ratio: scratchRatio,
        target: 'ratio ≤ 1.0',
        met: scratchRatio <= 1,
        note: 'replays into a temporary database on the same server, dropped afterwards',
      },
      {
        id: 'drift-memory',
        label: 'Peak memory: drift-check on the corpus, replaying into PGlite',
        value: `${Math.round(memory)} MiB`,
        target: '≤ 300 MiB',
        met: memory <= 300,
        note: `${peerLabel}: ${Math.round(migraMemory)} MiB`,
      },
      {
        id: 'drift-memory-scratch',
        label: 'Peak memory: drift-check on the corpus, with scratch-database-url',
        value: `${Math.round(scratchMemory)} MiB`,
        target: '≤ 300 MiB',
        met: scratchMemory <= 300,
        note: `${peerLabel}: ${Math.round(migraMemory)} MiB`,
      },
      {
        id: 'drift-memory-migra',
        label: `Peak memory: ${peerLabel}`,
        value: `${Math.round(migraMemory)} MiB`,
      },
      {
        id: 'drift-vs-pull',
        label: 'drift-check on the migrated corpus (186 migrations), replaying into PGlite',
        ours,
        baseline,
        baselineLabel: 'drizzle-kit pull',
        ratio,
        target: 'ratio ≤ 1.0',
        met: ratio <= 1,
        note: 'drift-check replays the migrations into PGlite and compares both catalogs; pull only introspects',
      },
    ];
  } finally {
    rmSync(out, { recursive: true, force: true });
    await database.drop();
  }
}
