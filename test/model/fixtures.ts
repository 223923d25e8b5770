// Where the migration folders the foundation tests read live: the committed examples and the shared corpus of real
// projects' folders (outside the repository, never copied into it).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const EXAMPLE_BASIC = join(REPO_ROOT, 'examples', 'basic');
export const EXAMPLE_V1 = join(REPO_ROOT, 'examples', 'basic-v1');
export const CORPUS_DIR = process.env.SCHEMA_ACTIONS_CORPUS ?? resolve(REPO_ROOT, '..', 'shared', 'corpus');

/** The corpus folders (each a real project's migrations folder); empty, with a notice, when the corpus is absent. */
export function corpusFolders(): { name: string; dir: string }[] {
  if (!existsSync(CORPUS_DIR)) {
    console.warn(`\n⚠️  migration corpus not found at ${CORPUS_DIR}: skipping the corpus tests.\n`);
    return [];
  }
  return readdirSync(CORPUS_DIR)
    .filter((name) => statSync(join(CORPUS_DIR, name)).isDirectory())
    .sort()
    .map((name) => ({ name, dir: join(CORPUS_DIR, name) }));
}

/** A scratch copy of a folder, for tests that break or edit migrations; `remove()` deletes it. */
export function scratchCopy(from: string, label = 'copy'): { dir: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), `sa-${label}-`));
  const dir = join(root, label);
  cpSync(from, dir, { recursive: true });
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export interface CliRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the committed CLI bundle (`node bin/schema-actions.js …`), as a user or a git hook would. */
export function runCliBundle(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'schema-actions.js'), ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolvePromise({ exitCode, stdout, stderr });
    });
  });
}

/** stderr lines the CLI marks as errors (`error: …` or `<file>: error: …`). */
export function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => /(^|: )error: /.test(line));
}
