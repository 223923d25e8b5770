import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Figure } from './figures';
import { measurePair, ms, summarise } from './measure';

const execFileAsync = promisify(execFile);
/** ../shared/corpus next to the checkout, as for the other corpus figures; CORPUS_DIR points elsewhere (a worktree). */
export const corpus = process.env.CORPUS_DIR ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus');

const SQUAWK_VERSION = '2.66.0';

/**
 * squawk's native binary, as its npm wrapper (`squawk-cli`) would start it, without the wrapper's extra Node process.
 * It is installed on demand into a scratch folder rather than being a devDependency: its per-platform binary
 * packages are optional dependencies a registry mirror may lack, which would leave package-lock.json out of sync
 * for `npm ci` on every other platform.
 */
async function squawkBinary(): Promise<string> {
  const prefix = join(tmpdir(), `schema-actions-bench-squawk-${SQUAWK_VERSION}`);
  const binary = process.platform === 'win32' ? 'squawk.exe' : 'squawk';
  const package_ = `@squawk-cli/${process.platform}-${process.arch}`;
  const path = join(prefix, 'node_modules', package_, 'bin', binary);
  if (!existsSync(path)) {
    await execFileAsync('npm', [
      'install',
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--prefix',
      prefix,
      `squawk-cli@${SQUAWK_VERSION}`,
    ]);
  }
  return path;
}

function corpusFiles(): string[] {
  return readdirSync(corpus)
    .filter((folder) => statSync(join(corpus, folder)).isDirectory())
    .flatMap((folder) =>
      readdirSync(join(corpus, folder))
        .filter((file) => file.endsWith('.sql'))
        .map((file) => join(corpus, folder, file)),
    );
}

/** squawk exits 1 when it has findings, which it has on the corpus: only its time matters here. */
function runSquawk(binary: string, files: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['--reporter', 'gcc', ...files], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 || code === 1 ? resolve() : reject(new Error(`squawk exited ${code}`))));
  });
}

/**
 * Lint on every migration of the corpus, ours against squawk, measured alternately in one run. Ours runs in a fresh
 * process each time and times itself from reading the files to the last finding (parser load included, Node's own
 * start excluded: schema-check has started Node anyway); squawk's time is its whole native process.
 */
export async function section(): Promise<Figure[]> {
  if (!existsSync(corpus)) {
    console.warn(`Skipping lint vs squawk: no corpus at ${corpus} (set CORPUS_DIR).`);
    return [];
  }
  const files = corpusFiles();
  const binary = await squawkBinary();
  const script = join(import.meta.dirname, 'lint-corpus.ts');
  let counted = { files: 0, statements: 0 };
  const parserMs: number[] = [];
  const [ours, baseline] = await measurePair(
    async () => {
      const { stdout } = await execFileAsync(process.execPath, ['--import', 'tsx', script, corpus]);
      const result = JSON.parse(stdout) as { ms: number; parserMs: number; files: number; statements: number };
      counted = result;
      parserMs.push(result.parserMs);
      return result.ms;
    },
    () => runSquawk(binary, files),
  );
  const { stdout: version } = await execFileAsync(binary, ['--version']);
  return [
    {
      id: 'lint-vs-squawk',
      label: `Lint the corpus (${counted.files} migrations, ${counted.statements} statements)`,
      ours,
      baseline,
      baselineLabel: version.trim(),
      ratio: ours.median / baseline.median,
      note: `ours in a fresh process, of which loading PostgreSQL's parser (wasm) took ${ms(summarise(parserMs).median)}; DO blocks parsed with PL/pgSQL. squawk: its native binary on the same files`,
    },
  ];
}
