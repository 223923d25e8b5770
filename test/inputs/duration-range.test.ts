// Duration inputs out of range, through the committed bundles as the runner runs them. `timeout: 99999999d` once
// overflowed Node's timer (the circuit breaker tripped at once) and canary's `interval: 99999999d` ended the watch
// after one probe; now each is refused up front in one line naming the input and its range, before any database
// connection, probe or API call.
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_BASIC, scratchCopy } from '../model/fixtures';
import { runAction, type ActionRun } from '../support/runner';

/** A TCP port that counts the connections made to it (and closes them): a database nobody may touch. */
async function connectionCounter(): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  let count = 0;
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    count += 1;
    sockets.push(socket);
    socket.destroy();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => count,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** An HTTP endpoint that counts probes and answers 200. */
async function probeCounter(): Promise<{ url: string; probes: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server = createHttpServer((_req, res) => {
    count += 1;
    res.end('ok');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`,
    probes: () => count,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

function expectOneRefusal(run: ActionRun, line: string): void {
  expect(run.exitCode).toBe(1);
  const errors = run.annotations.filter((a) => a.level === 'error').map((a) => a.message);
  expect(errors).toEqual([expect.stringContaining(line)]);
  expect(run.logs.split('\n').filter((l) => l.includes('is out of range'))).toHaveLength(1);
  expect(run.logs).not.toMatch(/\n\s+at /);
}

describe('migrate-with-telemetry refuses a duration out of range before connecting', () => {
  let database: Awaited<ReturnType<typeof connectionCounter>>;
  let project: ReturnType<typeof scratchCopy>;
  beforeAll(async () => {
    database = await connectionCounter();
    project = scratchCopy(EXAMPLE_BASIC, 'duration-range');
  });
  afterAll(async () => {
    await database?.close();
    project?.remove();
  });

  it.each([
    ['timeout', '99999999d', '1s to 6h'],
    ['lock-timeout', '99999999d', '100ms to 6h'],
    ['lock-wait', '7h', '0s to 6h'],
    ['statement-timeout', '50ms', '100ms to 6h'],
  ])('%s: %s → one line naming the input and the range, no connection', async (name, value, range) => {
    const run = await runAction({
      action: resolve('migrate-with-telemetry'),
      cwd: project.dir,
      inputs: { 'database-url': `postgres://postgres@127.0.0.1:${database.port}/app`, [name]: value },
      timeoutMs: 60_000,
    });
    expectOneRefusal(run, `input "${name}": "${value}" is out of range; use ${range}`);
    expect(database.connections()).toBe(0);
  });
});

describe('canary-monitor refuses a duration out of range before probing', () => {
  let health: Awaited<ReturnType<typeof probeCounter>>;
  beforeAll(async () => {
    health = await probeCounter();
  });
  afterAll(async () => {
    await health?.close();
  });

  it.each([
    ['interval', '99999999d', '100ms to 1h'],
    ['duration', '99999999d', '1s to 6h'],
    ['request-timeout', '10m', '100ms to 5m'],
  ])('%s: %s → one line naming the input and the range, no probe', async (name, value, range) => {
    const run = await runAction({
      action: resolve('canary-monitor'),
      inputs: { url: health.url, [name]: value },
      timeoutMs: 60_000,
    });
    expectOneRefusal(run, `input "${name}": "${value}" is out of range; use ${range}`);
    expect(health.probes()).toBe(0);
  });
});

describe('neon-snapshot refuses a duration out of range before calling Neon', () => {
  let neon: Awaited<ReturnType<typeof probeCounter>>;
  beforeAll(async () => {
    neon = await probeCounter();
  });
  afterAll(async () => {
    await neon?.close();
  });

  it.each([
    ['expires-in', '99999999d', '1m to 30d'],
    ['wait-timeout', '99999999d', '1s to 6h'],
    ['older-than', '10s', '1m to 365d'],
  ])('%s: %s → one line naming the input and the range, no API call', async (name, value, range) => {
    const run = await runAction({
      action: resolve('neon-snapshot'),
      inputs: { 'api-key': 'napi_test', 'project-id': 'calm-sun-123456', 'api-host': neon.url, [name]: value },
      timeoutMs: 60_000,
    });
    expectOneRefusal(run, `input "${name}": "${value}" is out of range; use ${range}`);
    expect(neon.probes()).toBe(0);
  });
});
