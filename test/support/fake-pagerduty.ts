// A fake PagerDuty Events API v2 (POST /v2/enqueue). It validates events as PagerDuty does (32-character routing
// key, event_action, and for triggers payload.summary ≤ 1024 chars, payload.source, payload.severity) and answers
// 202 {status, message, dedup_key} or 400 {status: "invalid event", message, errors}; it keeps the state of each
// alert by dedup key, so a test can see a trigger followed by a resolve.
import { randomBytes } from 'node:crypto';
import { startFakeServer, type FakeServer, type RecordedRequest } from './http.js';

export interface FakePagerDuty extends FakeServer {
  /** Accepted events, in order. */
  events: Record<string, unknown>[];
  /** dedup_key → current state. */
  alerts: Map<string, 'triggered' | 'acknowledged' | 'resolved'>;
  enqueueUrl: string;
}

const ACTIONS = ['trigger', 'acknowledge', 'resolve'];
const SEVERITIES = ['critical', 'error', 'warning', 'info'];

export async function startFakePagerDuty(): Promise<FakePagerDuty> {
  const events: Record<string, unknown>[] = [];
  const alerts = new Map<string, 'triggered' | 'acknowledged' | 'resolved'>();
  const server = await startFakeServer();
  server.route('POST', '/v2/enqueue', (req) => {
    const errors = validate(req);
    if (errors.length > 0) {
      return { status: 400, body: { status: 'invalid event', message: 'Event object is invalid', errors } };
    }
    const event = req.body as Record<string, unknown>;
    const dedupKey = (event.dedup_key as string | undefined) ?? randomBytes(16).toString('hex');
    const action = event.event_action as string;
    if (action === 'trigger') alerts.set(dedupKey, 'triggered');
    // PagerDuty accepts (and ignores) a resolve or acknowledge for an alert that is not open.
    else if (alerts.has(dedupKey)) alerts.set(dedupKey, action === 'resolve' ? 'resolved' : 'acknowledged');
    events.push(event);
    return { status: 202, body: { status: 'success', message: 'Event processed', dedup_key: dedupKey } };
  });
  return Object.assign(server, { events, alerts, enqueueUrl: `${server.url}/v2/enqueue` });
}

function validate(req: RecordedRequest): string[] {
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return ['Invalid content type'];
  const event = req.body as Record<string, unknown> | undefined;
  if (!event || typeof event !== 'object') return ['Event object is not valid JSON'];
  const errors: string[] = [];
  if (typeof event.routing_key !== 'string' || event.routing_key.length !== 32) {
    errors.push("Length of 'routing_key' is incorrect (should be 32 characters)");
  }
  if (!ACTIONS.includes(event.event_action as string)) errors.push("'event_action' is missing or blank");
  if (event.dedup_key !== undefined && (typeof event.dedup_key !== 'string' || event.dedup_key.length > 255)) {
    errors.push("'dedup_key' must be a string of at most 255 characters");
  }
  if (event.event_action === 'trigger') {
    const payload = event.payload as Record<string, unknown> | undefined;
    if (!payload || typeof payload !== 'object') {
      errors.push("'payload' is missing or blank");
    } else {
      if (typeof payload.summary !== 'string' || payload.summary === '')
        errors.push("'payload.summary' is missing or blank");
      else if (payload.summary.length > 1024) errors.push("'payload.summary' is longer than 1024 characters");
      if (typeof payload.source !== 'string' || payload.source === '')
        errors.push("'payload.source' is missing or blank");
      if (!SEVERITIES.includes(payload.severity as string))
        errors.push("'payload.severity' is invalid (must be one of critical, error, warning, info)");
      if (payload.timestamp !== undefined && Number.isNaN(Date.parse(String(payload.timestamp)))) {
        errors.push("'payload.timestamp' is not a valid ISO 8601 timestamp");
      }
    }
  } else if (ACTIONS.includes(event.event_action as string) && typeof event.dedup_key !== 'string') {
    errors.push("'dedup_key' is required for acknowledge and resolve events");
  }
  return errors;
}
