import { resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { formatDuration } from '../lib/duration';
import { ConfigurationError } from '../lib/errors';
import type { Inputs } from '../lib/inputs';
import type { Logger } from '../lib/logger';
import { secretsInUrl } from '../lib/secrets';

/** A body check: a plain substring, or a regular expression written `/pattern/flags`. */
export type BodyExpectation = { kind: 'substring'; text: string } | { kind: 'regex'; regex: RegExp };

export interface ProbeSettings {
  timeoutMs: number;
  headers: Record<string, string>;
  /** Inclusive status ranges that count as success. */
  expectStatus: Array<[number, number]>;
  expectBody?: BodyExpectation;
}

export interface VerdictThresholds {
  maxErrorRate: number;
  maxP95Ms?: number;
  minSamples: number;
  /** Consecutive failures of one URL that end the watch; 0 disables. */
  failFastAfter: number;
}

export interface VercelSettings {
  token: string;
  projectId: string;
  teamId?: string;
  apiUrl: string;
  deploymentId?: string;
  deployDir?: string;
  onHealthy: 'promote' | 'none';
  onUnhealthy: 'rollback' | 'none';
  rollbackTo?: string;
}

export interface CanaryConfig {
  urls: string[];
  intervalMs: number;
  durationMs: number;
  probe: ProbeSettings;
  thresholds: VerdictThresholds;
  failOnUnhealthy: boolean;
  vercel?: VercelSettings;
}

export function readCanaryConfig(inputs: Inputs, logger: Logger, baseDir: string): CanaryConfig {
  const urls = inputs.list('url').map((url) => checkUrl(url, logger));
  const intervalMs = inputs.duration('interval');
  const durationMs = inputs.duration('duration');
  const timeoutMs = inputs.duration('request-timeout');
  const probe: ProbeSettings = {
    timeoutMs,
    headers: parseHeaders(inputs.string('headers'), logger),
    expectStatus: parseStatusRanges(inputs.string('expect-status')),
    expectBody: parseBodyExpectation(inputs.optional('expect-body')),
  };
  const maxP95 = inputs.optional('max-p95-ms');
  const thresholds: VerdictThresholds = {
    maxErrorRate: inputs.number('max-error-rate', { min: 0, max: 1 }),
    maxP95Ms: maxP95 === undefined ? undefined : inputs.number('max-p95-ms', { min: 0 }),
    minSamples: inputs.integer('min-samples', { min: 1 }),
    failFastAfter: inputs.integer('fail-fast-after', { min: 0 }),
  };
  const vercel = readVercelSettings(inputs, baseDir);
  if (urls.length === 0 && !vercel?.deploymentId && !vercel?.deployDir) {
    throw new ConfigurationError(
      'input "url" is required: give the URL(s) to probe, or a Vercel deployment-id / deploy-dir to probe its URL',
    );
  }
  const ticksPerUrl = Math.ceil(durationMs / intervalMs);
  const capacity = ticksPerUrl * Math.max(urls.length, 1);
  if (capacity < thresholds.minSamples) {
    throw new ConfigurationError(
      `duration ${formatDuration(durationMs)} at interval ${formatDuration(intervalMs)} gives at most ${capacity} ` +
        `probe(s), fewer than min-samples ${thresholds.minSamples}: lengthen duration, shorten interval or lower min-samples`,
    );
  }
  return {
    urls,
    intervalMs,
    durationMs,
    probe,
    thresholds,
    failOnUnhealthy: inputs.boolean('fail-on-unhealthy'),
    vercel,
  };
}

function checkUrl(url: string, logger: Logger): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigurationError(
      `input "url": "${url}" is not a URL; write it like https://my-app.vercel.app/api/health`,
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ConfigurationError(`input "url": "${url}" must start with http:// or https://`);
  }
  for (const secret of secretsInUrl(url)) logger.mask(secret);
  return url;
}

/** `Name: value` lines; values are masked because they are usually bypass tokens or API keys. */
export function parseHeaders(text: string, logger: Logger): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      // The line may hold a secret, so it is not echoed back.
      throw new ConfigurationError('input "headers": each line must look like `Name: value` (one header per line)');
    }
    const value = line.slice(colon + 1).trim();
    logger.mask(value);
    headers[name] = value;
  }
  return headers;
}

export function parseStatusRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const part of text.split(/[\s,]+/).filter(Boolean)) {
    const match = /^(\d{3})(?:-(\d{3}))?$/.exec(part);
    const low = Number(match?.[1]);
    const high = Number(match?.[2] ?? match?.[1]);
    if (!match || low < 100 || high > 599 || low > high) {
      throw new ConfigurationError(
        `input "expect-status": "${part}" is not a status or range; write codes and ranges like 200-399 or 200,204`,
      );
    }
    ranges.push([low, high]);
  }
  if (ranges.length === 0) throw new ConfigurationError('input "expect-status" is empty; write e.g. 200-399');
  return ranges;
}

export function parseBodyExpectation(text: string | undefined): BodyExpectation | undefined {
  if (text === undefined) return undefined;
  const regex = /^\/(.*)\/([dgimsuvy]*)$/s.exec(text);
  if (!regex) return { kind: 'substring', text };
  try {
    return { kind: 'regex', regex: new RegExp(regex[1]!, regex[2]!.replace(/[gy]/g, '')) };
  } catch (error) {
    throw new ConfigurationError(
      `input "expect-body": ${text} is not a valid regular expression (${(error as Error).message}); ` +
        'write /pattern/flags, or plain text to match a substring',
    );
  }
}

function readVercelSettings(inputs: Inputs, baseDir: string): VercelSettings | undefined {
  const token = inputs.optional('vercel-token');
  const projectId = inputs.optional('vercel-project-id');
  const deploymentId = inputs.optional('deployment-id');
  const deployDirInput = inputs.optional('deploy-dir');
  const onHealthy = inputs.enum('on-healthy', ['promote', 'none'] as const);
  const onUnhealthy = inputs.enum('on-unhealthy', ['rollback', 'none'] as const);
  const wantsVercel = deploymentId || deployDirInput || onHealthy !== 'none' || onUnhealthy !== 'none';
  if (!token) {
    if (wantsVercel) {
      throw new ConfigurationError(
        'input "vercel-token" is required with deployment-id, deploy-dir, on-healthy or on-unhealthy: ' +
          'give a Vercel API token (secrets.VERCEL_TOKEN)',
      );
    }
    return undefined;
  }
  if (!projectId) {
    throw new ConfigurationError('input "vercel-project-id" is required with vercel-token: give the prj_... ID');
  }
  if (deploymentId && deployDirInput) {
    throw new ConfigurationError('inputs "deployment-id" and "deploy-dir" exclude each other: give one of them');
  }
  if (!deploymentId && !deployDirInput) {
    throw new ConfigurationError(
      'with vercel-token, give "deployment-id" (the deployment to watch) or "deploy-dir" (a directory to deploy)',
    );
  }
  let deployDir: string | undefined;
  if (deployDirInput) {
    deployDir = resolve(baseDir, deployDirInput);
    if (!existsSync(deployDir) || !statSync(deployDir).isDirectory()) {
      throw new ConfigurationError(
        `input "deploy-dir": ${deployDirInput} is not a directory; give the folder to deploy`,
      );
    }
  }
  const apiUrl = inputs.string('vercel-api-url').replace(/\/+$/, '');
  try {
    new URL(apiUrl);
  } catch {
    throw new ConfigurationError(`input "vercel-api-url": "${apiUrl}" is not a URL; leave it empty for api.vercel.com`);
  }
  return {
    token,
    projectId,
    teamId: inputs.optional('vercel-team-id'),
    apiUrl,
    deploymentId,
    deployDir,
    onHealthy,
    onUnhealthy,
    rollbackTo: inputs.optional('rollback-to'),
  };
}
