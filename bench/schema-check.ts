import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProcess } from './drift';
import type { Figure } from './figures';
import { measurePair, peakMemoryMb } from './measure';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist', 'cli.js');

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

/**
 * schema-check end to end on examples/basic with generate on, against `drizzle-kit generate` alone: the price of
 * every other check (order, apply on PGlite, lint, what changes). Also the peak memory of schema-check on the corpus
 * presented as a pull request adding its last three migrations.
 */
export async function section(): Promise<Figure[]> {
  const example = mkdtempSync(join(tmpdir(), 'bench-check-'));
  const corpusRepo = mkdtempSync(join(tmpdir(), 'bench-check-corpus-'));
  try {
    cpSync(join(root, 'examples', 'basic'), example, { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(example, 'node_modules'));
    const base = gitRepo(example)('rev-parse', 'HEAD');
    const check = [cli, 'check', '--base-ref', base];
    const exit = await runProcess(check, example);
    if (exit !== 0) throw new Error(`schema-check on examples/basic exited ${exit}`);
    const generate = [
      join(root, 'node_modules', 'drizzle-kit', 'bin.cjs'),
      'generate',
      '--config',
      'drizzle.config.ts',
    ];
    const [ours, baseline] = await measurePair(
      () => runProcess(check, example).then(() => undefined),
      () => runProcess(generate, example).then(() => undefined),
    );

    // The corpus as a pull request: base holds all but the last three migrations.
    const corpus = join(root, '..', 'shared', 'corpus', 'dokploy');
    cpSync(corpus, join(corpusRepo, 'drizzle'), { recursive: true });
    const journalPath = join(corpusRepo, 'drizzle', 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
    const full = JSON.stringify(journal, null, 2);
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, -3) }, null, 2));
    const git = gitRepo(corpusRepo);
    const corpusBase = git('rev-parse', 'HEAD');
    writeFileSync(journalPath, full);
    const memory = await peakMemoryMb(process.execPath, [
      cli,
      'check',
      '--working-directory',
      corpusRepo,
      '--generate',
      'false',
      '--base-ref',
      corpusBase,
    ]);
    const ratio = ours.median / baseline.median;
    return [
      {
        id: 'check-vs-generate',
        label: 'schema-check on examples/basic, generate on (all six steps)',
        ours,
        baseline,
        baselineLabel: 'drizzle-kit generate alone',
        ratio,
        note: 'reported, no target: what every check beyond generate costs',
      },
      { id: 'check-memory', label: 'Peak memory: schema-check on the corpus', value: `${Math.round(memory)} MiB` },
    ];
  } finally {
    rmSync(example, { recursive: true, force: true });
    rmSync(corpusRepo, { recursive: true, force: true });
  }
}
