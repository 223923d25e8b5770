// A fake OpenTelemetry collector's OTLP/HTTP traces receiver (POST /v1/traces, JSON encoding). It checks what the
// collector checks when decoding: JSON content type (415 otherwise), resourceSpans/scopeSpans/spans shape,
// hex trace ids (16 bytes) and span ids (8 bytes), unix-nanosecond times, and optional required headers (401).
// Accepted requests answer 200 with an empty ExportTraceServiceResponse.
import { startFakeServer, type FakeServer } from './http.js';

export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind?: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes?: { key: string; value: Record<string, unknown> }[];
  status?: { code?: number; message?: string };
}

export interface FakeOtlp extends FakeServer {
  spans: OtlpSpan[];
  /** Resource attributes of each accepted request, flattened to key → string. */
  resources: Record<string, string>[];
  rejections: string[];
}

const HEX32 = /^[0-9a-f]{32}$/;
const HEX16 = /^[0-9a-f]{16}$/;
const NANOS = /^\d+$/;

export async function startFakeOtlp(options: { requiredHeaders?: Record<string, string> } = {}): Promise<FakeOtlp> {
  const spans: OtlpSpan[] = [];
  const resources: Record<string, string>[] = [];
  const rejections: string[] = [];
  const server = await startFakeServer();
  server.route('POST', '/v1/traces', (req) => {
    for (const [name, value] of Object.entries(options.requiredHeaders ?? {})) {
      if (req.headers[name.toLowerCase()] !== value) {
        rejections.push(`missing header ${name}`);
        return { status: 401, body: { code: 16, message: 'Unauthenticated' } };
      }
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      rejections.push('content type');
      return { status: 415, body: { code: 3, message: 'unsupported content type' } };
    }
    const problem = validate(req.body);
    if (problem) {
      rejections.push(problem);
      return { status: 400, body: { code: 3, message: problem } };
    }
    for (const rs of (req.body as Body).resourceSpans) {
      resources.push(
        Object.fromEntries((rs.resource?.attributes ?? []).map((a) => [a.key, String(Object.values(a.value)[0])])),
      );
      for (const ss of rs.scopeSpans) spans.push(...ss.spans);
    }
    return { status: 200, body: {} };
  });
  return Object.assign(server, { spans, resources, rejections });
}

interface Body {
  resourceSpans: {
    resource?: { attributes?: { key: string; value: Record<string, unknown> }[] };
    scopeSpans: { spans: OtlpSpan[] }[];
  }[];
}

function validate(body: unknown): string | undefined {
  const resourceSpans = (body as Partial<Body> | undefined)?.resourceSpans;
  if (!Array.isArray(resourceSpans)) return 'resourceSpans: expected an array';
  for (const rs of resourceSpans) {
    if (!Array.isArray(rs.scopeSpans)) return 'scopeSpans: expected an array';
    for (const attr of rs.resource?.attributes ?? []) {
      if (typeof attr.key !== 'string' || !attr.value || typeof attr.value !== 'object') return 'invalid attribute';
    }
    for (const ss of rs.scopeSpans) {
      if (!Array.isArray(ss.spans)) return 'spans: expected an array';
      for (const span of ss.spans) {
        if (!HEX32.test(span.traceId) || /^0+$/.test(span.traceId)) return `invalid trace id ${span.traceId}`;
        if (!HEX16.test(span.spanId) || /^0+$/.test(span.spanId)) return `invalid span id ${span.spanId}`;
        if (span.parentSpanId !== undefined && span.parentSpanId !== '' && !HEX16.test(span.parentSpanId)) {
          return `invalid parent span id ${span.parentSpanId}`;
        }
        if (typeof span.name !== 'string' || span.name === '') return 'span without a name';
        if (!NANOS.test(String(span.startTimeUnixNano)) || !NANOS.test(String(span.endTimeUnixNano))) {
          return 'span times must be unix nanoseconds';
        }
        if (BigInt(span.endTimeUnixNano) < BigInt(span.startTimeUnixNano)) return 'span ends before it starts';
        for (const attr of span.attributes ?? []) {
          if (typeof attr.key !== 'string' || !attr.value || typeof attr.value !== 'object') return 'invalid attribute';
        }
      }
    }
  }
  return undefined;
}
