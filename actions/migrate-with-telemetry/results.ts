import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigurationError } from '../lib/errors';
import { reportPath } from '../lib/report';
import type { TargetResult } from './target';

/** One database's outcome as a shard job records it: labels only, never a URL. */
export interface DatabaseResult {
  database: string;
  status: string;
  applied: string[];
  failure?: string;
}

export interface ShardResult {
  shard: number;
  shards: number;
  databases: DatabaseResult[];
}

export function shardResult(results: TargetResult[], shard: number, shards: number): ShardResult {
  return {
    shard,
    shards,
    databases: results.map((r) => ({
      database: r.target.label,
      status: r.status,
      applied: r.applied.map((a) => a.migration.name),
      ...(r.failure ? { failure: r.failure } : {}),
    })),
  };
}

/**
 * Written next to the report, one file per shard, for the job to upload as an artifact. Redacted here: the summary
 * job that reads it never sees the URLs, so it could not mask them.
 */
export function writeShardResult(
  result: ShardResult,
  env: NodeJS.ProcessEnv,
  redact: (text: string) => string,
): string {
  const path = join(dirname(reportPath('migrate-with-telemetry', env)), `migrate-result-shard-${result.shard}.json`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${redact(JSON.stringify(result, null, 2))}\n`);
  return path;
}

/** Every shard result under a folder (download-artifact puts each artifact in its own subfolder). */
export function readShardResults(dir: string): ShardResult[] {
  let files: string[];
  try {
    files = jsonFiles(dir);
  } catch {
    throw new ConfigurationError(
      `results-dir: ${dir} is not a readable folder; give the folder the artifacts were downloaded to`,
    );
  }
  if (files.length === 0) {
    throw new ConfigurationError(
      `results-dir: no shard results (*.json) under ${dir}; download the migrate jobs' artifacts there first`,
    );
  }
  return files.map((file) => {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as ShardResult;
    if (!Array.isArray(parsed.databases)) {
      throw new ConfigurationError(`results-dir: ${file} is not a shard result written by migrate-with-telemetry`);
    }
    return parsed;
  });
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

export interface FleetSummary {
  databases: DatabaseResult[];
  failed: DatabaseResult[];
  /** Shards whose result is missing: their job did not finish, so their databases are unaccounted for. */
  missingShards: number[];
}

export function mergeShardResults(results: ShardResult[]): FleetSummary {
  const databases = results.flatMap((r) => r.databases).sort((a, b) => a.database.localeCompare(b.database));
  const shards = Math.max(...results.map((r) => r.shards));
  const seen = new Set(results.map((r) => r.shard));
  return {
    databases,
    failed: databases.filter((d) => !['applied', 'up-to-date', 'dry-run'].includes(d.status)),
    missingShards: Array.from({ length: shards }, (_, i) => i).filter((i) => !seen.has(i)),
  };
}

export function renderFleetSummary(summary: FleetSummary): string {
  const count = (status: string) => summary.databases.filter((d) => d.status === status).length;
  const lines = [
    '## Tenant migrations',
    '',
    `${summary.databases.length} databases: ${count('applied')} applied, ${count('up-to-date')} up to date, ${summary.failed.length} failed.`,
    '',
  ];
  if (summary.missingShards.length > 0) {
    lines.push(`Missing results for shard(s) ${summary.missingShards.join(', ')}: their job did not finish.`, '');
  }
  if (summary.failed.length > 0) {
    lines.push('Failed:', '', ...summary.failed.map((d) => `- ${d.database}: ${d.failure ?? d.status}`), '');
  }
  lines.push('| Database | Status | Applied |', '| --- | --- | --- |');
  for (const d of summary.databases) {
    lines.push(`| ${d.database} | ${d.status} | ${d.applied.join(', ') || '—'} |`);
  }
  return `${lines.join('\n')}\n`;
}
