import type { GitHubEnvironment } from '../lib/github';
import { ConfigurationError } from '../lib/errors';
import type { Inputs } from '../lib/inputs';

export const MODES = ['create', 'restore', 'cleanup', 'preview', 'delete', 'reset'] as const;
export type Mode = (typeof MODES)[number];
/** Modes that act on one pull request's branch, named `<prefix>pr-<number>` by default. */
const PREVIEW_MODES: readonly Mode[] = ['preview', 'delete', 'reset'];
export const SNAPSHOT_PREFIX = 'snapshot/';
export const PREVIEW_PREFIX = 'preview/';
export type Method = 'branch' | 'snapshot';

export interface SnapshotSettings {
  apiKey: string;
  apiHost: string;
  projectId: string;
  mode: Mode;
  method: Method;
  /** Name or id of the protected branch; undefined = the project's default branch. */
  branch?: string;
  name: string;
  expiresAt?: string;
  restoreFrom: string;
  preserveAs?: string;
  prefix: string;
  keep: number;
  olderThanMs?: number;
  waitTimeoutMs: number;
  databaseName?: string;
  roleName?: string;
  /** Preview mode: the app deployed on the branch, linked from the comment. */
  deploymentUrl?: string;
  /** Preview mode: Markdown reports of other steps (schema-check, migrate) included in the comment. */
  reports: string[];
}

/** Neon wants RFC 3339 timestamps; whole seconds keep names and expiries readable. */
export function utcSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A timestamp that sorts, and is safe in a branch name: 20261121T053702Z. */
export function compactTimestamp(date: Date): string {
  return utcSeconds(date).replace(/[-:]/g, '');
}

export function readSettings(inputs: Inputs, github: GitHubEnvironment, now: Date): SnapshotSettings {
  const apiKey = inputs.required('api-key');
  const apiHost = inputs.string('api-host').replace(/\/+$/, '');
  try {
    new URL(apiHost);
  } catch {
    throw new ConfigurationError(
      `input "api-host" must be a URL like https://console.neon.tech/api/v2, not "${apiHost}"`,
    );
  }
  const mode = inputs.enum('mode', MODES);
  const perPullRequest = PREVIEW_MODES.includes(mode);
  const prefix = inputs.optional('prefix') ?? (perPullRequest ? PREVIEW_PREFIX : SNAPSHOT_PREFIX);
  const name = inputs.optional('name') ?? (perPullRequest ? pullRequestName(prefix, github, mode) : snapshotName());
  const expiresIn = inputs.optionalDuration('expires-in');
  function snapshotName(): string {
    const environment = inputs.optional('environment');
    const shortSha = github.sha ? `-${github.sha.slice(0, 7)}` : '';
    return `${prefix}${environment ? `${environment}/` : ''}${compactTimestamp(now)}${shortSha}`;
  }
  return {
    apiKey,
    apiHost,
    projectId: inputs.required('project-id'),
    mode,
    method: inputs.enum('method', ['branch', 'snapshot'] as const),
    branch: inputs.optional('branch'),
    name,
    expiresAt: expiresIn === undefined ? undefined : utcSeconds(new Date(now.getTime() + expiresIn)),
    restoreFrom: inputs.string('restore-from') || 'latest',
    preserveAs: inputs.optional('preserve-as'),
    prefix,
    keep: inputs.integer('keep', { min: 0 }),
    olderThanMs: inputs.optionalDuration('older-than'),
    waitTimeoutMs: inputs.duration('wait-timeout'),
    databaseName: inputs.optional('database-name'),
    roleName: inputs.optional('role-name'),
    deploymentUrl: inputs.optional('deployment-url'),
    reports: inputs.list('reports'),
  };
}

/** `preview/pr-42`: one branch per pull request, found again by every run of that pull request. */
function pullRequestName(prefix: string, github: GitHubEnvironment, mode: Mode): string {
  const number = github.pullRequest?.number;
  if (number === undefined) {
    throw new ConfigurationError(
      `mode "${mode}" names the branch after the pull request, but this run is not for one (event "${github.eventName || 'none'}"): set name, or run on pull_request`,
    );
  }
  return `${prefix}pr-${number}`;
}
