// The pure parts of canary-monitor, in-process: input parsing, percentiles, and the Vercel client's retry bounds.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBodyExpectation, parseHeaders, parseStatusRanges } from '../../actions/canary-monitor/config';
import { VercelApi, VercelApiError, retryAfterMs } from '../../actions/canary-monitor/vercel-api';
import { latencyStats, percentile } from '../../actions/canary-monitor/verdict';
import { ConfigurationError } from '../../actions/lib/errors';
import { ConsoleLogger } from '../../actions/lib/logger';
import { scripts, startFakeHealth } from '../support/fake-health.js';
import { startFakeVercel } from '../support/fake-vercel.js';
import { BYPASS, TOKEN } from './helpers.js';

describe('input parsing', () => {
  it('expect-status takes codes, ranges and lists', () => {
    expect(parseStatusRanges('200-399')).toEqual([[200, 399]]);
    expect(parseStatusRanges('200, 204 301-302')).toEqual([
      [200, 200],
      [204, 204],
      [301, 302],
    ]);
    expect(() => parseStatusRanges('399-200')).toThrow(ConfigurationError);
    expect(() => parseStatusRanges('abc')).toThrow(/write codes and ranges like 200-399/);
  });

  it('expect-body is a substring unless written /pattern/flags', () => {
    expect(parseBodyExpectation('"ok"')).toEqual({ kind: 'substring', text: '"ok"' });
    const regex = parseBodyExpectation('/STATUS.*up/i');
    expect(regex?.kind === 'regex' && regex.regex.test('status: up')).toBe(true);
    expect(() => parseBodyExpectation('/(unclosed/')).toThrow(/not a valid regular expression/);
  });

  it('headers are Name: value lines whose values get masked', () => {
    const lines: string[] = [];
    const logger = new ConsoleLogger((line) => lines.push(line));
    const headers = parseHeaders(
      `x-vercel-protection-bypass: ${BYPASS}\n\n# comment\nAuthorization: Bearer a:b`,
      logger,
    );
    expect(headers).toEqual({ 'x-vercel-protection-bypass': BYPASS, Authorization: 'Bearer a:b' });
    logger.info(`sending ${BYPASS}`);
    expect(lines).toEqual(['sending ***']);
  });
});

describe('latency statistics', () => {
  it('uses nearest-rank percentiles', () => {
    const values = Array.from({ length: 20 }, (_, i) => (i + 1) * 10);
    expect(percentile(values, 50)).toBe(100);
    expect(percentile(values, 95)).toBe(190);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 95)).toBeUndefined();
    expect(latencyStats([30, 10, 20])).toEqual({ p50Ms: 20, p95Ms: 30, maxMs: 30 });
  });
});

describe('Vercel client retries', () => {
  const servers: Array<{ close(): Promise<void> }> = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it('reads Retry-After as seconds or a date, 5 s when absent', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(null)).toBe(5000);
    expect(retryAfterMs(new Date(Date.now() + 60_000).toUTCString())).toBeGreaterThan(50_000);
  });

  it('fails at once when Retry-After is longer than it will wait, instead of stalling the job', async () => {
    const vercel = await startFakeVercel({ token: TOKEN });
    servers.push(vercel);
    vercel.addProject('prj_x');
    vercel.failNext(429, { headers: { 'retry-after': '3600' }, times: 5 });
    const waits: number[] = [];
    const api = new VercelApi({ token: TOKEN, apiUrl: vercel.url, sleep: async (ms) => void waits.push(ms) });
    const error = await api.request('GET', '/v1/projects/prj_x/rolling-release').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VercelApiError);
    expect((error as Error).message).toContain('Retry-After 1h00m is too long to wait');
    expect(waits).toEqual([]);
    expect(vercel.requests).toHaveLength(1);
  });

  it('backs off exponentially on 5xx, a bounded number of times', async () => {
    const vercel = await startFakeVercel({ token: TOKEN });
    servers.push(vercel);
    vercel.addProject('prj_x');
    vercel.failNext(502, { times: 10 });
    const waits: number[] = [];
    const api = new VercelApi({ token: TOKEN, apiUrl: vercel.url, sleep: async (ms) => void waits.push(ms) });
    await expect(api.request('GET', '/v1/projects/prj_x/rolling-release')).rejects.toThrow(
      'Vercel API error HTTP 502 on GET /v1/projects/prj_x/rolling-release after 4 attempt(s)',
    );
    expect(waits).toEqual([500, 1000, 2000]);
  });
});

describe('the canary CLI', () => {
  it('runs the same watch from a terminal: report on stdout, exit code from the verdict', async () => {
    const health = await startFakeHealth(scripts.healthy());
    try {
      const { stdout } = await promisify(execFile)(
        'node',
        [
          'bin/schema-actions.js',
          'canary',
          '--url',
          health.url,
          '--interval',
          '500ms',
          '--duration',
          '1s',
          '--min-samples',
          '2',
        ],
        { timeout: 30_000 },
      );
      expect(stdout).toContain('## Canary monitor: ✅ healthy');
      expect(health.requests).toHaveLength(2);
      health.script(scripts.failingFrom(1));
      const failing = await promisify(execFile)(
        'node',
        [
          'bin/schema-actions.js',
          'canary',
          '--url',
          health.url,
          '--interval',
          '500ms',
          '--duration',
          '1s',
          '--min-samples',
          '2',
        ],
        { timeout: 30_000 },
      ).catch((error: { code: number; stdout: string }) => error);
      expect((failing as { code: number }).code).toBe(1);
      expect(failing.stdout).toContain('## Canary monitor: ❌ unhealthy');
    } finally {
      await health.close();
    }
  });
});
