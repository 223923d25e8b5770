// A health endpoint whose behaviour is scripted over time and request count: healthy, slow, failing from the Nth
// request, flapping, hanging. canary-monitor's tests point the action at it.
import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HealthResponse {
  status?: number;
  body?: string;
  /** Milliseconds before the response is sent. */
  delayMs?: number;
  /** Never answer (until close), to exercise timeouts. */
  hang?: boolean;
}

export interface HealthRequest {
  /** 1-based count of requests received so far, this one included. */
  n: number;
  /** Milliseconds since the server started (or since `reset()`). */
  elapsedMs: number;
  path: string;
  headers: IncomingHttpHeaders;
}

export type HealthScript = (request: HealthRequest) => HealthResponse;

export interface FakeHealth {
  url: string;
  requests: HealthRequest[];
  /** Replaces the script; the request count and clock restart. */
  script(script: HealthScript): void;
  close(): Promise<void>;
}

const OK_BODY = '{"status":"ok"}';

export const scripts = {
  healthy: (): HealthScript => () => ({ status: 200, body: OK_BODY }),
  slow:
    (delayMs: number): HealthScript =>
    () => ({ status: 200, body: OK_BODY, delayMs }),
  /** Requests 1..n-1 succeed, request n and later answer `status`. */
  failingFrom:
    (n: number, status = 500): HealthScript =>
    (req) =>
      req.n >= n ? { status, body: '{"status":"down"}' } : { status: 200, body: OK_BODY },
  /** Alternates: `period` requests up, `period` down. */
  flapping:
    (period = 1, status = 503): HealthScript =>
    (req) =>
      Math.floor((req.n - 1) / period) % 2 === 0 ? { status: 200, body: OK_BODY } : { status, body: 'unavailable' },
  hang: (): HealthScript => () => ({ hang: true }),
  /** After `ms` milliseconds, switch from `before` to `after`. */
  after:
    (ms: number, before: HealthScript, after: HealthScript): HealthScript =>
    (req) =>
      req.elapsedMs < ms ? before(req) : after(req),
};

export async function startFakeHealth(initial: HealthScript = scripts.healthy()): Promise<FakeHealth> {
  let current = initial;
  let started = Date.now();
  const requests: HealthRequest[] = [];
  const server = createServer((req, res) => {
    const request: HealthRequest = {
      n: requests.length + 1,
      elapsedMs: Date.now() - started,
      path: req.url ?? '/',
      headers: req.headers,
    };
    requests.push(request);
    const answer = current(request);
    req.resume();
    if (answer.hang) return;
    const send = () => {
      if (res.destroyed) return;
      const body = answer.body ?? '';
      res.writeHead(answer.status ?? 200, {
        'content-type': body.startsWith('{') ? 'application/json' : 'text/plain',
        'content-length': String(Buffer.byteLength(body)),
      });
      res.end(body);
    };
    if (answer.delayMs) setTimeout(send, answer.delayMs);
    else send();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    script(script) {
      current = script;
      started = Date.now();
      requests.length = 0;
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
