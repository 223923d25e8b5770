import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusRoot } from './corpus';
import type { Figure } from './figures';
import { measurePair, peakMemoryMb } from './measure';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist', 'cli.js');
// What schema-check runs by default, and what a workflow would run to check generation alone.
const GENERATE = ['npx', 'drizzle-kit', 'generate', '--config', 'drizzle.config.ts'];

function gitRepo(dir: string): (...args: string[]) => string {
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.email=bench@example.com', '-c', 'user.name=bench', ...args], {
      cwd: dir,
      encoding: 'utf8',
    }).trim();
  git('init', '-q');
  writeFileSync(join(dir, '.gitignore'), 'node_modules\n');
  git('add', '-A');
  git('commit', '-qm', 'base');
  return git;
}

function run(command: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), { cwd, stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command.join(' ')} exited ${code} in ${cwd}`)),
    );
  });
}

/**
 * The corpus as a pull request adding its last migration: the base commit holds the other 185 (its journal lists
 * them; the last file is there too, unlisted, which the check reports as an inherited warning).
 */
function corpusPullRequest(dir: string): string {
  cpSync(join(corpusRoot, 'dokploy'), join(dir, 'drizzle'), { recursive: true });
  const journalPath = join(dir, 'drizzle', 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
  const full = JSON.stringify(journal, null, 2);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, -1) }, null, 2));
  const base = gitRepo(dir)('rev-parse', 'HEAD');
  writeFileSync(journalPath, full);
  return base;
}

/**
 * schema-check end to end on examples/basic with generate on, against the same generate command alone; then on the
 * corpus presented as a pull request: peak memory, and a run that applies all 186 migrations against a re-run whose
 * base state comes from embedded-cache.
 */
export async function section(): Promise<Figure[]> {
  const example = mkdtempSync(join(tmpdir(), 'bench-check-'));
  const corpusRepo = mkdtempSync(join(tmpdir(), 'bench-check-corpus-'));
  const cacheDir = mkdtempSync(join(tmpdir(), 'bench-check-cache-'));
  try {
    cpSync(join(root, 'examples', 'basic'), example, { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(example, 'node_modules'));
    const base = gitRepo(example)('rev-parse', 'HEAD');
    // No cache: every run applies the base, as on a hosted runner without the template's cache step.
    const check = ['node', cli, 'check', '--base-ref', base, '--embedded-cache', 'false'];
    await run(check, example);
    const [ours, baseline] = await measurePair(
      () => run(check, example),
      () => run(GENERATE, example),
    );
    const ratio = ours.median / baseline.median;

    const corpusBase = corpusPullRequest(corpusRepo);
    const onCorpus = (...extra: string[]) => [
      cli,
      'check',
      '--working-directory',
      corpusRepo,
      '--generate',
      'false',
      '--base-ref',
      corpusBase,
      ...extra,
    ];
    const cold = onCorpus('--embedded-cache', 'false');
    const cached = onCorpus('--embedded-cache-dir', cacheDir);
    await run(['node', ...cached], corpusRepo); // saves the base state
    const [coldStats, cachedStats] = await measurePair(
      () => run(['node', ...cold], corpusRepo),
      () => run(['node', ...cached], corpusRepo),
    );
    const peaks = { cold: [] as number[], cached: [] as number[] };
    for (let i = 0; i < 3; i++) {
      peaks.cold.push(await peakMemoryMb(process.execPath, cold));
      peaks.cached.push(await peakMemoryMb(process.execPath, cached));
    }
    const worst = (values: number[]) => Math.round(Math.max(...values));
    const all = (values: number[]) => values.map((v) => Math.round(v)).join(', ');
    return [
      {
        id: 'check-vs-generate',
        label: 'schema-check on examples/basic, generate on (all six steps)',
        ours,
        baseline,
        baselineLabel: `\`${GENERATE.join(' ')}\` alone`,
        ratio,
        target: 'ratio ≤ 2.0',
        met: ratio <= 2,
        note: 'the same generate command on both sides; the check runs it alongside the embedded apply; embedded-cache off',
      },
      {
        id: 'check-cached-rerun',
        label: 'schema-check on the corpus (185 base + 1 new migration), base state from embedded-cache',
        ours: cachedStats,
        baseline: coldStats,
        baselineLabel: 'the same run applying all 186 (embedded-cache: false)',
        ratio: cachedStats.median / coldStats.median,
        note: 'the cached run boots from the saved state, checks its ledger and applies only the new migration',
      },
      {
        id: 'check-memory',
        label: 'Peak memory: schema-check on the corpus, applying all 186',
        value: `${worst(peaks.cold)} MiB`,
        target: '≤ 300 MiB',
        met: worst(peaks.cold) <= 300,
        note: `largest of 3 runs (${all(peaks.cold)} MiB); with the cached base state: ${all(peaks.cached)} MiB`,
      },
    ];
  } finally {
    rmSync(example, { recursive: true, force: true });
    rmSync(corpusRepo, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  }
}
