import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import type { RecordedRequest } from '../support/http.js';
import { runAction } from '../support/runner.js';
import type { ActionRun } from '../support/runner.js';

export const ACTION = resolve('canary-monitor');
export const TOKEN = 'vcp_canaryTestToken_4f9a1c2e8b7d';
export const BYPASS = 'bypass-9d8c7b6a5f4e3d2c1b0a';
export const TEAM = 'team_canary01';
export const PROJECT = 'prj_canary01';

export function canary(inputs: Record<string, string>, timeoutMs = 60_000): Promise<ActionRun> {
  return runAction({ action: ACTION, inputs, timeoutMs });
}

/** Inputs for a short watch: 3 probes one second apart unless overridden. */
export function watch(url: string, extra: Record<string, string> = {}): Record<string, string> {
  return { url, interval: '1s', duration: '3s', 'request-timeout': '2s', ...extra };
}

export function vercelInputs(apiUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'vercel-token': TOKEN,
    'vercel-project-id': PROJECT,
    'vercel-team-id': TEAM,
    'vercel-api-url': apiUrl,
    ...extra,
  };
}

/** A port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/**
 * Everything the run printed or produced, plus what it sent anywhere else than the Authorization header of the
 * Vercel API: a secret must appear in none of it.
 */
export function expectNoSecrets(run: ActionRun, secrets: string[], sent: RecordedRequest[] = []): void {
  const sentElsewhere = sent.map((r) =>
    JSON.stringify({ path: r.path, query: r.query, body: r.body, headers: { ...r.headers, authorization: undefined } }),
  );
  const haystacks = [run.logs, run.summary, JSON.stringify(run.outputs), ...sentElsewhere];
  for (const secret of secrets) {
    for (const text of haystacks) expect(text).not.toContain(secret);
  }
}
