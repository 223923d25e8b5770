// canary-monitor's watch and verdict, run from the dist bundle through the runner harness against a scripted
// health endpoint. Durations are seconds; assertions are on outcomes (samples, errors, reasons), never on timing.
import { afterAll, describe, expect, it } from 'vitest';
import { scripts, startFakeHealth } from '../support/fake-health.js';
import type { FakeHealth } from '../support/fake-health.js';
import { BYPASS, canary, closedPort, expectNoSecrets, watch } from './helpers.js';

describe.concurrent('canary-monitor watch and verdict', () => {
  const servers: FakeHealth[] = [];
  const health = async (...args: Parameters<typeof startFakeHealth>) => {
    const server = await startFakeHealth(...args);
    servers.push(server);
    return server;
  };
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it('a healthy endpoint gives a healthy verdict with every probe counted, sending the masked headers', async () => {
    const server = await health(scripts.healthy());
    const run = await canary(
      watch(`${server.url}/api/health`, {
        headers: `x-vercel-protection-bypass: ${BYPASS}\nx-canary: yes`,
        'expect-body': '"status":"ok"',
      }),
    );
    expect(run.exitCode, run.logs).toBe(0);
    expect(run.outputs).toMatchObject({
      healthy: 'true',
      decision: 'none',
      samples: '3',
      errors: '0',
      'error-rate': '0',
    });
    expect(Number(run.outputs['p95-ms'])).toBeGreaterThanOrEqual(Number(run.outputs['p50-ms']));
    expect(server.requests).toHaveLength(3);
    for (const request of server.requests) {
      expect(request.path).toBe('/api/health');
      expect(request.headers['x-vercel-protection-bypass']).toBe(BYPASS);
      expect(request.headers['x-canary']).toBe('yes');
    }
    expect(run.masks).toContain(BYPASS);
    expect(run.summary).toContain('Canary monitor: ✅ healthy');
    expect(run.summary).toMatch(/```mermaid\nxychart-beta/);
    expect(run.summary).toContain('No probe failed.');
    expectNoSecrets(run, [BYPASS]);
  });

  it('failing from the second request: unhealthy, exit 1, each failure with its status in the report', async () => {
    const server = await health(scripts.failingFrom(2, 500));
    const run = await canary(watch(server.url));
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ healthy: 'false', samples: '3', errors: '2', 'error-rate': '0.6667' });
    expect(run.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /^canary-monitor: unhealthy: error rate 67% is above max-error-rate 5\.0%/,
    );
    expect(run.summary).toContain('Canary monitor: ❌ unhealthy');
    expect(run.summary).toContain('### Failures (2)');
    expect(run.summary.match(/\| HTTP 500 Internal Server Error \|/g)).toHaveLength(2);
    // The chart marks the two failed ticks with bars, the healthy first tick with none.
    expect(run.summary).toMatch(/bar \[0, \d+, \d+\]/);
  });

  it('fail-fast-after ends the watch at the Nth consecutive failure', async () => {
    const server = await health(scripts.failingFrom(1, 503));
    const run = await canary(watch(server.url, { interval: '500ms', duration: '30s', 'fail-fast-after': '2' }));
    expect(run.exitCode).toBe(1);
    // 60 probes were planned; the watch stopped after the second failure in a row.
    expect(run.outputs).toMatchObject({ healthy: 'false', samples: '2', errors: '2' });
    expect(server.requests).toHaveLength(2);
    expect(run.summary).toContain('2 consecutive failed probes');
    expect(run.summary).toContain('ended early by fail-fast');
  });

  it('flapping below the allowed error rate is healthy; above it is not', async () => {
    const server = await health(scripts.flapping(1));
    const lenient = await canary(watch(server.url, { 'max-error-rate': '0.5' }));
    expect(lenient.outputs).toMatchObject({ healthy: 'true', samples: '3', errors: '1' });
    expect(lenient.exitCode).toBe(0);
    server.script(scripts.flapping(1));
    const strict = await canary(watch(server.url, { 'max-error-rate': '0.1', 'fail-on-unhealthy': 'false' }));
    expect(strict.outputs).toMatchObject({ healthy: 'false', errors: '1' });
    // fail-on-unhealthy: false reports the verdict through outputs and lets the job go on.
    expect(strict.exitCode).toBe(0);
  });

  it('a slow endpoint fails max-p95-ms even with no errors', async () => {
    const server = await health(scripts.slow(400));
    const run = await canary(watch(server.url, { 'max-p95-ms': '150' }));
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ healthy: 'false', errors: '0', 'error-rate': '0' });
    expect(Number(run.outputs['p95-ms'])).toBeGreaterThanOrEqual(400);
    expect(run.summary).toMatch(/p95 latency \d+ms is above max-p95-ms 150ms/);
  });

  it('a hanging endpoint times out, and ticks during the hung probe are skipped, not stacked', async () => {
    const server = await health(scripts.hang());
    const run = await canary(
      watch(server.url, { interval: '500ms', duration: '2s', 'request-timeout': '1200ms', 'min-samples': '1' }),
    );
    expect(run.exitCode).toBe(1);
    // Ticks at 0 and 1.5 s probe; 0.5 s and 1.0 s fall while the first probe hangs, so one request at a time.
    expect(run.outputs).toMatchObject({ samples: '2', errors: '2' });
    expect(server.requests).toHaveLength(2);
    expect(run.summary).toContain('timed out after 1200ms');
    expect(run.summary).toMatch(/Skipped ticks \(previous probe still running\) \| 2 \|/);
    expect(run.annotations.filter((a) => a.level === 'warning' && a.message.includes('tick skipped'))).toHaveLength(2);
  });

  it('refused connections, unknown hosts, wrong statuses and body mismatches are errors with their reason', async () => {
    const port = await closedPort();
    const server = await health(() => ({ status: 200, body: '{"status":"degraded"}' }));
    const wrongStatus = await health(() => ({ status: 404, body: 'nope' }));
    const run = await canary(
      watch(
        [`http://127.0.0.1:${port}/health`, 'http://canary-host.invalid/health', server.url, wrongStatus.url].join(
          '\n',
        ),
        {
          duration: '1s',
          'expect-body': '/"status":\\s*"ok"/',
        },
      ),
    );
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ samples: '4', errors: '4', 'error-rate': '1' });
    expect(run.summary).toContain(`connection refused by 127.0.0.1:${port}`);
    expect(run.summary).toMatch(/DNS lookup failed for canary-host\.invalid \((ENOTFOUND|EAI_AGAIN)\)/);
    expect(run.summary).toContain('body does not match /"status":\\s*"ok"/');
    expect(run.summary).toContain('HTTP 404 Not Found');
  });

  it('expect-status accepts lists and ranges', async () => {
    const server = await health(() => ({ status: 204 }));
    const run = await canary(
      watch(server.url, { duration: '1s', 'min-samples': '1', 'expect-status': '200, 204-205' }),
    );
    expect(run.outputs).toMatchObject({ healthy: 'true', samples: '1', errors: '0' });
  });
});

describe.concurrent('canary-monitor input errors', () => {
  it.each([
    [
      { url: 'http://127.0.0.1:9/x', duration: '5' },
      'input "duration": "5" is not a duration; write it like 30s, 5m, 1h30m or 7d',
    ],
    [{ url: 'ftp://example.test/' }, 'input "url": "ftp://example.test/" must start with http:// or https://'],
    [{ url: 'http://127.0.0.1:9/x', 'expect-status': '2xx' }, 'input "expect-status": "2xx" is not a status or range'],
    [
      { url: 'http://127.0.0.1:9/x', duration: '2s', interval: '1s' },
      'duration 2.0s at interval 1.0s gives at most 2 probe(s), fewer than min-samples 3',
    ],
    [{ url: 'http://127.0.0.1:9/x', 'on-healthy': 'promote' }, 'input "vercel-token" is required'],
    [{ url: 'http://127.0.0.1:9/x', 'on-unhealthy': 'revert' }, 'input "on-unhealthy" must be one of rollback, none'],
  ])('%o → one line naming the fix', async (inputs, message) => {
    const run = await canary(inputs);
    expect(run.exitCode).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain(`canary-monitor: ${message}`);
    expect(run.stderr + run.stdout).not.toMatch(/\n\s+at /);
  });

  it('a malformed header line is refused without echoing it (it may hold a secret)', async () => {
    const run = await canary({ url: 'http://127.0.0.1:9/x', headers: `x-vercel-protection-bypass ${BYPASS}` });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.find((a) => a.level === 'error')?.message).toContain(
      'each line must look like `Name: value`',
    );
    expectNoSecrets(run, [BYPASS]);
  });
});
