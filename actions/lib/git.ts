import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { relative } from 'node:path';

/** Runs git and returns its stdout; throws with git's own message when it fails. */
export function git(cwd: string, args: string[], options: { input?: Buffer } = {}): Buffer {
  try {
    return execFileSync('git', args, {
      cwd,
      input: options.input,
      stdio: ['pipe', 'pipe', 'pipe'],
      maxBuffer: 512 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`git ${args.join(' ')} failed${stderr ? `: ${stderr}` : ''}`);
  }
}

/** The top of the git work tree holding `cwd`, or undefined outside one. */
export function gitTopLevel(cwd: string): string | undefined {
  try {
    return git(cwd, ['rev-parse', '--show-toplevel']).toString().trim();
  } catch {
    return undefined;
  }
}

/** The full sha of a commit-ish, or undefined when this clone does not have it. */
export function resolveCommit(cwd: string, ref: string): string | undefined {
  try {
    return (
      git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
        .toString()
        .trim() || undefined
    );
  } catch {
    return undefined;
  }
}

/** Fetches one commit from origin (shallow clones on CI lack the base); false when that is not possible. */
export function fetchCommit(cwd: string, sha: string): boolean {
  try {
    git(cwd, ['fetch', '--no-tags', '--depth=1', 'origin', sha]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes the files under `path` as they are in commit `ref` into `destination`, without touching the work tree or
 * the index (git archive reads the object database only). Returns false when `path` does not exist in `ref`.
 */
export function extractTree(topLevel: string, ref: string, path: string, destination: string): boolean {
  const inRepo = relative(topLevel, path) || '.';
  const listed = git(topLevel, ['ls-tree', '--name-only', ref, '--', inRepo]).toString().trim();
  if (!listed) return false;
  const archive = git(topLevel, ['archive', '--format=tar', ref, '--', inRepo]);
  mkdirSync(destination, { recursive: true });
  execFileSync('tar', ['-x', '-C', destination], { input: archive, stdio: ['pipe', 'ignore', 'pipe'] });
  return true;
}
