import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { RunContext } from '../lib/command';
import { ConfigurationError, errorMessage, isConfigurationError } from '../lib/errors';
import { extractTree, fetchCommit, gitTopLevel, resolveCommit } from '../lib/git';
import { loadMigrationFolder } from '../lib/migrations/folder';
import type { MigrationSet } from '../lib/migrations/model';

export interface BaseRef {
  ref: string;
  /** Where the ref came from, for the report. */
  source: 'input' | 'pull request base' | 'push before' | 'HEAD';
}

const ZERO_SHA = /^0+$/;

/** The commit new migrations are judged against: the input, the pull request's base, the push's previous head, HEAD. */
export function resolveBaseRef(context: RunContext): BaseRef {
  const given = context.inputs.optional('base-ref');
  if (given) return { ref: given, source: 'input' };
  const baseSha = context.github.pullRequest?.baseSha;
  if (baseSha) return { ref: baseSha, source: 'pull request base' };
  const before = context.github.event.before;
  if (context.github.eventName === 'push' && typeof before === 'string' && !ZERO_SHA.test(before)) {
    return { ref: before, source: 'push before' };
  }
  return { ref: 'HEAD', source: 'HEAD' };
}

export interface BaseMigrations {
  sha: string;
  /** The migrations folder as it is at the base commit; undefined when it did not exist there yet. */
  set: MigrationSet | undefined;
}

/**
 * Reads the migrations folder as it is in the base commit, from git's object database: the user's work tree and
 * index are never touched. A shallow clone that lacks the commit gets one fetch attempt.
 */
export function loadBaseMigrations(projectRoot: string, current: MigrationSet, base: BaseRef): BaseMigrations {
  const top = gitTopLevel(projectRoot);
  if (!top) {
    throw new ConfigurationError(
      `${projectRoot} is not in a git repository; schema-check compares the migrations with base-ref, so run it in a clone`,
    );
  }
  let sha = resolveCommit(top, base.ref);
  if (!sha && /^[0-9a-f]{7,40}$/i.test(base.ref) && fetchCommit(top, base.ref)) sha = resolveCommit(top, base.ref);
  if (!sha) {
    throw new ConfigurationError(
      `base commit ${base.ref} (${base.source}) is not in this clone; check out with actions/checkout's fetch-depth: 0, or set base-ref to a commit that is`,
    );
  }
  const scratch = mkdtempSync(join(tmpdir(), 'schema-check-base-'));
  try {
    const root = join(scratch, relative(top, projectRoot));
    const dir = join(scratch, relative(top, current.dir));
    if (!extractTree(top, sha, current.dir, scratch)) return { sha, set: undefined };
    try {
      return { sha, set: loadMigrationFolder(dir, root) };
    } catch (error) {
      const message = `the migrations folder at base commit ${sha.slice(0, 12)} cannot be read: ${errorMessage(error)}`;
      throw isConfigurationError(error) ? new ConfigurationError(message) : new Error(message, { cause: error });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
