import type { GitHubEnvironment } from '../lib/github';
import { ConfigurationError } from '../lib/errors';
import type { Inputs } from '../lib/inputs';

export type Mode = 'create' | 'restore' | 'cleanup';
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
  const prefix = inputs.string('prefix');
  const environment = inputs.optional('environment');
  const shortSha = github.sha ? `-${github.sha.slice(0, 7)}` : '';
  const defaultName = `${prefix}${environment ? `${environment}/` : ''}${compactTimestamp(now)}${shortSha}`;
  const name = inputs.optional('name') ?? defaultName;
  const expiresIn = inputs.optionalDuration('expires-in');
  return {
    apiKey,
    apiHost,
    projectId: inputs.required('project-id'),
    mode: inputs.enum('mode', ['create', 'restore', 'cleanup'] as const),
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
  };
}
