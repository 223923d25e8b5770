// A fake Grafana Loki push endpoint. It accepts what Loki's JSON push API accepts (POST /loki/api/v1/push,
// application/json, streams with valid label names, [nanosecond string, line, structured metadata?] values) and
// answers like Loki: 204 when stored, 400 with a plain-text reason when not, 401 without the expected credentials.
import { startFakeServer, type FakeRequest, type FakeResponse, type FakeServer } from './http.js';

export interface LokiEntry {
  labels: Record<string, string>;
  /** Unix nanoseconds as sent. */
  timestamp: string;
  line: string;
  metadata: Record<string, string>;
  headers: FakeRequest['headers'];
}

export interface FakeLoki extends FakeServer {
  entries: LokiEntry[];
  /** Reasons of the pushes it rejected, to show a test what a client got wrong. */
  rejections: string[];
}

export interface FakeLokiOptions {
  /** Require HTTP basic auth with these credentials (Grafana Cloud). */
  basicAuth?: { user: string; password: string };
  /** Require this X-Scope-OrgID (multi-tenant Loki answers 401 "no org id" without one). */
  tenant?: string;
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** Loki refuses samples older than reject_old_samples_max_age (default 1 week) and too far in the future. */
const MAX_AGE_NS = 7n * 24n * 3600n * 1_000_000_000n;
const MAX_FUTURE_NS = 10n * 60n * 1_000_000_000n;

export async function startFakeLoki(options: FakeLokiOptions = {}): Promise<FakeLoki> {
  const entries: LokiEntry[] = [];
  const rejections: string[] = [];
  const server = await startFakeServer();
  const reject = (status: number, reason: string): FakeResponse => {
    rejections.push(reason);
    return { status, body: `${reason}\n`, headers: { 'content-type': 'text/plain; charset=utf-8' } };
  };
  server.route('POST', '/loki/api/v1/push', (req) => {
    if (options.basicAuth) {
      const expected = `Basic ${Buffer.from(`${options.basicAuth.user}:${options.basicAuth.password}`).toString('base64')}`;
      if (req.headers.authorization !== expected) return reject(401, 'Unauthorized');
    }
    if (options.tenant && req.headers['x-scope-orgid'] !== options.tenant) return reject(401, 'no org id');
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      // Without application/json Loki decodes the body as snappy-compressed protobuf.
      return reject(400, 'snappy: corrupt input');
    }
    const problem = validate(req.body);
    if (problem) return reject(400, problem);
    const now = BigInt(Date.now()) * 1_000_000n;
    const accepted: LokiEntry[] = [];
    for (const stream of (req.body as PushBody).streams) {
      for (const [timestamp, line, metadata] of stream.values) {
        const ns = BigInt(timestamp);
        if (ns < now - MAX_AGE_NS) return reject(400, `entry for stream has timestamp too old: ${timestamp}`);
        if (ns > now + MAX_FUTURE_NS) return reject(400, `entry for stream has timestamp too new: ${timestamp}`);
        accepted.push({ labels: stream.stream, timestamp, line, metadata: metadata ?? {}, headers: req.headers });
      }
    }
    entries.push(...accepted);
    return { status: 204 };
  });
  return Object.assign(server, { entries, rejections });
}

interface PushBody {
  streams: { stream: Record<string, string>; values: [string, string, Record<string, string>?][] }[];
}

function validate(body: unknown): string | undefined {
  const streams = (body as { streams?: unknown } | undefined)?.streams;
  if (!Array.isArray(streams)) return 'loghttp.PushRequest: streams: expected an array';
  for (const stream of streams as { stream?: unknown; values?: unknown }[]) {
    const labels = stream.stream;
    if (!labels || typeof labels !== 'object' || Object.keys(labels).length === 0) {
      return 'error at least one label pair is required per stream';
    }
    for (const [name, value] of Object.entries(labels)) {
      if (!LABEL_NAME.test(name)) return `error parsing labels: invalid label name "${name}"`;
      if (typeof value !== 'string' || value === '') return `error parsing labels: label "${name}" has no value`;
    }
    if (!Array.isArray(stream.values)) return 'loghttp.PushRequest: values: expected an array';
    for (const value of stream.values as unknown[]) {
      if (!Array.isArray(value) || value.length < 2 || value.length > 3) {
        return 'loghttp.Entry: expected [timestamp, line] or [timestamp, line, structured metadata]';
      }
      const [timestamp, line, metadata] = value as unknown[];
      if (typeof timestamp !== 'string' || !/^\d+$/.test(timestamp)) {
        return `loghttp.Entry: timestamp must be a string of unix nanoseconds, got ${JSON.stringify(timestamp)}`;
      }
      if (typeof line !== 'string') return 'loghttp.Entry: line must be a string';
      if (metadata !== undefined) {
        if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata)) {
          return 'loghttp.Entry: structured metadata must be an object';
        }
        for (const [k, v] of Object.entries(metadata)) {
          if (typeof v !== 'string') return `loghttp.Entry: structured metadata "${k}" must be a string`;
        }
      }
    }
  }
  return undefined;
}
