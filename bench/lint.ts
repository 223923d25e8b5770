import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Figure } from './figures';
import { measurePair, ms, summarise } from './measure';

const execFileAsync = promisify(execFile);
/** ../shared/corpus next to the checkout, as for the other corpus figures; CORPUS_DIR points elsewhere (a worktree). */
export const corpus = process.env.CORPUS_DIR ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus');

/** squawk's native binary, as its npm wrapper (`squawk-cli`) would start it, without the wrapper's extra Node process. */
function squawkBinary(): string {
  const require = createRequire(import.meta.url);
  const binary = process.platform === 'win32' ? 'squawk.exe' : 'squawk';
  return require.resolve(`@squawk-cli/${process.platform}-${process.arch}/bin/${binary}`);
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
  const binary = squawkBinary();
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
