import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigurationError } from '../lib/errors';
import type { Inputs } from '../lib/inputs';
import type { Logger } from '../lib/logger';
import { postgresAddress, validatePostgresUrl } from '../lib/db/postgres';
import { derivedSecretForms, secretsInUrl } from '../lib/secrets';
import type { LokiConfig } from '../lib/telemetry/loki';
import type { OtlpConfig } from '../lib/telemetry/otlp';
import { PAGERDUTY_SEVERITIES, type PagerDutyConfig } from '../lib/telemetry/pagerduty';
import type { TransactionPolicy } from '../lib/migrations/executor';
import { readTransactionPolicy } from '../lib/project';
import { MAX_SHARDS, targetsOfShard } from './shards';

export const MODES = ['migrate', 'plan', 'summary'] as const;
export type Mode = (typeof MODES)[number];

export interface Target {
  url: string;
  /** host:port/database, fit to print and to send as telemetry. */
  label: string;
}

export interface Sharding {
  shard: number;
  shards: number;
}

export interface MigrateOptions {
  targets: Target[];
  /** Set when this job migrates one shard of a fleet: targets are then that shard's only. */
  sharding?: Sharding;
  parallelism: number;
  environment: string;
  transaction: TransactionPolicy;
  outOfOrder: 'fail' | 'apply';
  dryRun: boolean;
  timeoutMs: number;
  lockWaitMs: number;
  lockTimeoutMs: number;
  statementTimeoutMs?: number;
  loki?: LokiConfig;
  pagerduty?: PagerDutyConfig;
  otlp?: OtlpConfig;
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Reads and validates every input up front, so a mistake fails before any database is touched. */
export function readMigrateOptions(inputs: Inputs, logger: Logger, baseDir: string): MigrateOptions {
  const all = readTargets(inputs, logger, baseDir);
  const sharding = readSharding(inputs);
  const options: MigrateOptions = {
    targets: sharding ? targetsOfShard(all, sharding.shard, sharding.shards) : all,
    sharding,
    parallelism: inputs.integer('parallelism', { min: 1, max: 64 }),
    environment: inputs.required('environment'),
    transaction: readTransactionPolicy(inputs),
    outOfOrder: inputs.enum('out-of-order', ['fail', 'apply'] as const),
    dryRun: inputs.boolean('dry-run'),
    timeoutMs: inputs.duration('timeout'),
    lockWaitMs: inputs.duration('lock-wait'),
    lockTimeoutMs: inputs.duration('lock-timeout'),
    statementTimeoutMs: inputs.optionalDuration('statement-timeout'),
  };
  const lokiUrl = inputs.optional('loki-url');
  if (lokiUrl) {
    options.loki = {
      url: httpUrl(lokiUrl, 'loki-url'),
      user: inputs.optional('loki-user'),
      token: inputs.optional('loki-token'),
      tenant: inputs.optional('loki-tenant'),
      labels: keyValueLines(inputs.string('loki-labels'), 'loki-labels', (name) => {
        if (!LABEL_NAME.test(name)) {
          throw new ConfigurationError(
            `loki-labels: "${name}" is not a valid Loki label name; use letters, digits and underscores, not starting with a digit`,
          );
        }
      }),
    };
    // Loki's Authorization header carries base64(user:token): an echoing server must not put it in a warning.
    const { user, token } = options.loki;
    if (token) for (const form of derivedSecretForms(token, user ?? '')) logger.mask(form);
  }
  const routingKey = inputs.optional('pagerduty-routing-key');
  if (routingKey) {
    for (const form of derivedSecretForms(routingKey)) logger.mask(form);
    options.pagerduty = {
      routingKey,
      severity: inputs.enum('pagerduty-severity', PAGERDUTY_SEVERITIES),
      url: httpUrl(inputs.required('pagerduty-url'), 'pagerduty-url'),
    };
  }
  const otlpEndpoint = inputs.optional('otlp-endpoint');
  if (otlpEndpoint) {
    const headers = keyValueLines(inputs.string('otlp-headers'), 'otlp-headers');
    for (const value of Object.values(headers)) for (const form of derivedSecretForms(value)) logger.mask(form);
    options.otlp = { endpoint: httpUrl(otlpEndpoint, 'otlp-endpoint'), headers };
  }
  return options;
}

export function readShardCount(inputs: Inputs): number {
  return inputs.integer('shards', { min: 1, max: MAX_SHARDS });
}

/** Both shard and shards, or neither (one job migrates every target). */
function readSharding(inputs: Inputs): Sharding | undefined {
  const shard = inputs.optional('shard');
  if (shard === undefined) return undefined;
  const shards = readShardCount(inputs);
  return { shard: inputs.integer('shard', { min: 0, max: shards - 1 }), shards };
}

export function readTargets(inputs: Inputs, logger: Logger, baseDir: string): Target[] {
  const single = inputs.optional('database-url');
  const many = [...targetLines(inputs.string('targets'), 'targets'), ...targetsFile(inputs, logger, baseDir)];
  if (single && many.length > 0) {
    throw new ConfigurationError('give either database-url or targets, not both; put every database in targets');
  }
  const lines = single ? [{ url: single, where: 'database-url' }] : many;
  const urls = lines.map((l) => l.url);
  if (urls.length === 0) {
    throw new ConfigurationError(
      'input "database-url" is required: the PostgreSQL URL of the database to migrate (or give several in targets)',
    );
  }
  // Each URL's password is masked before anything could print it; the whole line too, as the runner masks it.
  for (const url of urls) {
    logger.mask(url);
    for (const secret of secretsInUrl(url)) logger.mask(secret);
  }
  const targets = lines.map(({ url, where }) => ({ url, label: targetLabel(url, where) }));
  const labels = new Set(targets.map((t) => t.label));
  if (labels.size < targets.length) {
    return targets.map((t, i) => ({ ...t, label: `#${i + 1} ${t.label}` }));
  }
  return targets;
}

// Line numbers as the user counts them, blank and comment lines included, so an error can point at the line.
function targetLines(text: string, source: string): { url: string; where: string }[] {
  return text
    .split('\n')
    .map((line, i) => ({ url: line.trim(), where: `line ${i + 1} of ${source}` }))
    .filter(({ url }) => url !== '' && !url.startsWith('#'));
}

function targetsFile(inputs: Inputs, logger: Logger, baseDir: string): { url: string; where: string }[] {
  const file = inputs.optional('targets-file');
  if (!file) return [];
  let text: string;
  try {
    text = readFileSync(resolve(baseDir, file), 'utf8');
  } catch {
    throw new ConfigurationError(`targets-file: cannot read ${file}; give a file with one PostgreSQL URL per line`);
  }
  // Masked line by line before validation can quote anything: the file holds the same secrets as targets.
  for (const line of text.split('\n')) if (line.trim()) logger.mask(line.trim());
  return targetLines(text, 'targets-file');
}

/** host:port/database, after the URL is validated in full: nothing is migrated anywhere if one line is wrong. */
function targetLabel(url: string, where: string): string {
  validatePostgresUrl(url, where);
  const { host, port, database } = postgresAddress(url);
  return `${host}:${port}/${database}`;
}

function httpUrl(value: string, inputName: string): string {
  try {
    const parsed = new URL(value);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return value;
  } catch {
    // reported below
  }
  throw new ConfigurationError(`${inputName} must be an http(s) URL, not "${value}"`);
}

function keyValueLines(text: string, inputName: string, check?: (name: string) => void): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [index, line] of text.split('\n').entries()) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const at = trimmed.indexOf('=');
    // The line itself is not quoted: it may hold a secret.
    if (at <= 0) throw new ConfigurationError(`${inputName}: line ${index + 1} is not name=value; write one per line`);
    const name = trimmed.slice(0, at).trim();
    check?.(name);
    result[name] = trimmed.slice(at + 1).trim();
  }
  return result;
}
