// Temporary git repositories shaped like a pull request: a base commit and a head commit on top, with Drizzle's
// journal layout written by hand (fast and exact) or by drizzle-kit where a test needs a real schema.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { runAction, type ActionRun } from '../support/runner.js';

export const ACTION = resolve('schema-check');
export const DRIZZLE_KIT = resolve('node_modules/.bin/drizzle-kit');

export interface MigrationFile {
  tag: string;
  when: number;
  sql: string;
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 't@example.com',
    },
  }).trim();
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** A journal-layout folder's files: `<dir>/<tag>.sql` and `<dir>/meta/_journal.json`. */
export function journalFiles(migrations: MigrationFile[], dir = 'drizzle'): Record<string, string> {
  const files: Record<string, string> = {};
  for (const m of migrations) files[`${dir}/${m.tag}.sql`] = m.sql;
  files[`${dir}/meta/_journal.json`] = JSON.stringify(
    {
      version: '7',
      dialect: 'postgresql',
      entries: migrations.map((m, idx) => ({ idx, version: '7', when: m.when, tag: m.tag, breakpoints: true })),
    },
    null,
    2,
  );
  return files;
}

export const DRIZZLE_CONFIG = `import { defineConfig } from 'drizzle-kit';
export default defineConfig({ dialect: 'postgresql', schema: './src/db/schema.ts', out: './drizzle' });
`;

export interface PullRequestRepo {
  dir: string;
  baseSha: string;
  headSha: string;
  cleanup(): void;
}

const created: string[] = [];

/** A repository with `base` committed, then `head` (files added or replaced; null deletes) committed on top. */
export function pullRequestRepo(
  base: Record<string, string>,
  head: Record<string, string | null> | ((dir: string) => void),
  options: { nodeModules?: boolean; prepareBase?: (dir: string) => void } = {},
): PullRequestRepo {
  const dir = mkdtempSync(join(tmpdir(), 'schema-check-pr-'));
  created.push(dir);
  git(dir, 'init', '-q', '-b', 'main');
  writeFiles(dir, { ...base, '.gitignore': 'node_modules\n' });
  if (options.nodeModules) symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
  options.prepareBase?.(dir);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  const baseSha = git(dir, 'rev-parse', 'HEAD');
  if (typeof head === 'function') {
    head(dir);
  } else {
    for (const [path, text] of Object.entries(head)) {
      if (text === null) rmSync(join(dir, path));
      else writeFiles(dir, { [path]: text });
    }
  }
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'change');
  const headSha = git(dir, 'rev-parse', 'HEAD');
  return { dir, baseSha, headSha, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function removeFixtures(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function pullRequestEvent(repo: PullRequestRepo, options: { fork?: boolean; number?: number } = {}) {
  return {
    action: 'synchronize',
    number: options.number ?? 7,
    pull_request: {
      number: options.number ?? 7,
      base: { sha: repo.baseSha, ref: 'main', repo: { full_name: 'acme/app' } },
      head: { sha: repo.headSha, ref: 'feature', repo: { full_name: options.fork ? 'someone/app' : 'acme/app' } },
    },
    repository: { full_name: 'acme/app' },
  };
}

/** Runs the schema-check bundle on the repository as the runner would on a pull_request event. */
export function runCheck(
  repo: PullRequestRepo,
  inputs: Record<string, string> = {},
  options: { githubApiUrl?: string; fork?: boolean; env?: Record<string, string> } = {},
): Promise<ActionRun> {
  return runAction({
    action: ACTION,
    cwd: repo.dir,
    eventName: 'pull_request',
    event: pullRequestEvent(repo, { fork: options.fork }),
    githubApiUrl: options.githubApiUrl,
    inputs: { generate: 'false', ...inputs },
    env: options.env,
    timeoutMs: 90_000,
  });
}

/** Files and their contents under a folder, to prove a run left the work tree exactly as it was. */
export function treeState(dir: string): string {
  return (
    git(dir, 'status', '--porcelain=v1', '--untracked-files=all', '--ignored=no') + '\n' + git(dir, 'ls-files', '-s')
  );
}

/** Runs drizzle-kit generate in a fixture (node_modules symlinked to the repository's). */
export function drizzleKitGenerate(dir: string): string {
  return execFileSync(DRIZZLE_KIT, ['generate', '--config', 'drizzle.config.ts'], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
