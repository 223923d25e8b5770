// Building blocks for the fake HTTP services (GitHub, Neon, Vercel, ...): routing, request recording and
// fault injection. Every fake listens on 127.0.0.1 with an ephemeral port so tests never touch the network.
import { createServer, STATUS_CODES } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/repos/acme/app/issues/7/comments`. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON when the body is JSON, the raw text otherwise, `undefined` when empty. */
  body: unknown;
}

/** What a handler sees: the recorded request plus the route's `:params`. */
export interface FakeRequest extends RecordedRequest {
  params: Record<string, string>;
  /** Base URL of the server (`http://127.0.0.1:PORT`), for building absolute links. */
  baseUrl: string;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (req: FakeRequest) => FakeResponse | Promise<FakeResponse>;

/**
 * Runs before routing; returning a response short-circuits the route (auth checks, permission denials).
 * Returning undefined lets the request through.
 */
export type Guard = (req: FakeRequest) => FakeResponse | undefined;

export interface FaultOptions {
  /** Only requests with this method (case-insensitive); any method when omitted. */
  method?: string;
  /** Only requests whose path matches; any path when omitted. */
  path?: RegExp;
  /** Response body; defaults to `{ message: <status text> }`. */
  body?: object;
  /** Extra response headers, e.g. `{ 'retry-after': '1' }` for a 429. */
  headers?: Record<string, string>;
  /** How many matching requests fail before the fault is used up (default 1). */
  times?: number;
}

export interface HangOptions {
  method?: string;
  path?: RegExp;
  times?: number;
}

export interface FakeServer {
  url: string;
  requests: RecordedRequest[];
  /** Adds (or, when method and pattern already exist, replaces) a route. Patterns use `:name` segments. */
  route(method: string, pattern: string, handler: RouteHandler): void;
  /** The next matching request(s) get `status` instead of reaching their route. */
  failNext(status: number, opts?: FaultOptions): void;
  /** The next matching request(s) are never answered (until close), to exercise client timeouts. */
  hangNext(opts?: HangOptions): void;
  close(): Promise<void>;
}

export interface FakeServerOptions {
  guard?: Guard;
  /** Body sent for unknown paths; each API words its 404 differently. */
  notFoundBody?: unknown;
}

interface CompiledRoute {
  method: string;
  pattern: string;
  regex: RegExp;
  names: string[];
  handler: RouteHandler;
}

interface Fault {
  kind: 'fail' | 'hang';
  status: number;
  method?: string;
  path?: RegExp;
  body?: object;
  headers?: Record<string, string>;
  remaining: number;
}

export function json(status: number, body?: unknown, headers?: Record<string, string>): FakeResponse {
  return { status, body, headers };
}

export async function startFakeServer(options: FakeServerOptions = {}): Promise<FakeServer> {
  const routes: CompiledRoute[] = [];
  const faults: Fault[] = [];
  const requests: RecordedRequest[] = [];
  let baseUrl = '';

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A handler bug must show up in the test as a 500 with the reason, not as a hung client.
      send(res, json(500, { message: `fake server error: ${String(error)}` }));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const recorded = await record(req);
    requests.push(recorded);
    const fault = takeFault(faults, recorded);
    if (fault?.kind === 'hang') return; // left open on purpose; close() destroys the socket
    if (fault) {
      send(res, json(fault.status, fault.body ?? { message: STATUS_CODES[fault.status] ?? 'Error' }, fault.headers));
      return;
    }
    const match = matchRoute(routes, recorded.method, recorded.path);
    const request: FakeRequest = { ...recorded, params: match?.params ?? {}, baseUrl };
    const denied = options.guard?.(request);
    if (denied) {
      send(res, denied);
      return;
    }
    if (!match) {
      send(res, json(404, options.notFoundBody ?? { message: 'Not Found' }));
      return;
    }
    send(res, await match.route.handler(request));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    requests,
    route(method, pattern, handler) {
      addRoute(routes, method, pattern, handler);
    },
    failNext(status, opts = {}) {
      faults.push({ kind: 'fail', status, ...opts, method: opts.method?.toUpperCase(), remaining: opts.times ?? 1 });
    },
    hangNext(opts = {}) {
      faults.push({ kind: 'hang', status: 0, ...opts, method: opts.method?.toUpperCase(), remaining: opts.times ?? 1 });
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

function addRoute(routes: CompiledRoute[], method: string, pattern: string, handler: RouteHandler): void {
  const names: string[] = [];
  const source = pattern
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  const compiled = { method: method.toUpperCase(), pattern, regex: new RegExp(`^${source}/?$`), names, handler };
  const existing = routes.findIndex((r) => r.method === compiled.method && r.pattern === pattern);
  if (existing >= 0) routes[existing] = compiled;
  else routes.push(compiled);
}

function matchRoute(
  routes: CompiledRoute[],
  method: string,
  path: string,
): { route: CompiledRoute; params: Record<string, string> } | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const m = route.regex.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    route.names.forEach((name, i) => {
      params[name] = decodeURIComponent(m[i + 1] ?? '');
    });
    return { route, params };
  }
  return undefined;
}

function takeFault(faults: Fault[], req: RecordedRequest): Fault | undefined {
  const index = faults.findIndex((f) => (!f.method || f.method === req.method) && (!f.path || f.path.test(req.path)));
  const fault = faults[index];
  if (!fault) return undefined;
  fault.remaining -= 1;
  if (fault.remaining <= 0) faults.splice(index, 1);
  return fault;
}

async function record(req: IncomingMessage): Promise<RecordedRequest> {
  const url = new URL(req.url ?? '/', 'http://fake.invalid');
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: req.headers,
    body: parseBody(text),
  };
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function send(res: ServerResponse, response: FakeResponse): void {
  const headers: Record<string, string> = { ...response.headers };
  let payload = '';
  if (response.body !== undefined && response.status !== 204) {
    payload = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  headers['content-length'] = String(Buffer.byteLength(payload));
  res.writeHead(response.status, headers);
  res.end(payload);
}
