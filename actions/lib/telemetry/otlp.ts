import { randomBytes } from 'node:crypto';
import { postJson } from './http';
import {
  redactDeep,
  unixNanos,
  type MigrationEvent,
  type RunIdentity,
  type RunOutcome,
  type TelemetrySink,
} from './events';

export interface OtlpConfig {
  /** Base URL (OTEL_EXPORTER_OTLP_ENDPOINT style); /v1/traces is appended unless already there. */
  endpoint: string;
  headers: Record<string, string>;
}

type AttributeValue = { stringValue: string } | { intValue: string } | { boolValue: boolean };
interface Attribute {
  key: string;
  value: AttributeValue;
}

interface Span {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: Attribute[];
  status: { code: number; message?: string };
}

// OTLP enum values (opentelemetry-proto trace.proto).
const SPAN_KIND_INTERNAL = 1;
const STATUS_CODE_OK = 1;
const STATUS_CODE_ERROR = 2;

/**
 * OpenTelemetry traces over OTLP/HTTP with the JSON encoding: one span for the run and a child span per migration,
 * sent together when the run ends (a trace is only useful once its spans have ended).
 */
export class OtlpSink implements TelemetrySink {
  readonly name = 'OTLP';
  private readonly traceId: string;
  private readonly runSpanId = spanId();
  private readonly children: Span[] = [];
  private sending: Promise<string | undefined> = Promise.resolve(undefined);

  constructor(
    private readonly config: OtlpConfig,
    private readonly run: RunIdentity,
    private readonly redact: (text: string) => string,
  ) {
    this.traceId = run.runId.replace(/-/g, '').toLowerCase();
  }

  start(): void {}

  migration(event: MigrationEvent): void {
    const attributes = [
      str('db.system', 'postgresql'),
      str('db.migration.name', event.name),
      str('db.migration.hash', event.hash),
      str('db.migration.outcome', event.outcome),
      int('db.migration.duration_ms', event.durationMs),
    ];
    if (event.target) attributes.push(str('db.target', event.target));
    this.children.push({
      traceId: this.traceId,
      spanId: spanId(),
      parentSpanId: this.runSpanId,
      name: `migration ${event.name}`,
      kind: SPAN_KIND_INTERNAL,
      startTimeUnixNano: unixNanos(event.startedAt),
      endTimeUnixNano: unixNanos(event.startedAt + event.durationMs),
      attributes,
      status:
        event.outcome === 'applied'
          ? { code: STATUS_CODE_OK }
          : { code: STATUS_CODE_ERROR, message: event.error ?? event.outcome },
    });
  }

  end(outcome: RunOutcome): void {
    const failed = outcome.status === 'failed' || outcome.status === 'timed-out' || outcome.status === 'cancelled';
    const runSpan: Span = {
      traceId: this.traceId,
      spanId: this.runSpanId,
      name: 'migrate',
      kind: SPAN_KIND_INTERNAL,
      startTimeUnixNano: unixNanos(this.run.startedAt),
      endTimeUnixNano: unixNanos(outcome.endedAt),
      attributes: [
        str('schema_actions.run_id', this.run.runId),
        str('schema_actions.status', outcome.status),
        int('schema_actions.applied_count', outcome.appliedCount),
        int('schema_actions.pending_count', outcome.pendingCount),
        str('vcs.ref.head.revision', this.run.commit),
      ],
      status: failed
        ? { code: STATUS_CODE_ERROR, message: outcome.failure ?? outcome.status }
        : { code: STATUS_CODE_OK },
    };
    const body = {
      resourceSpans: [
        {
          resource: {
            attributes: [
              str('service.name', this.run.service),
              str('deployment.environment.name', this.run.environment),
              str('vcs.repository.name', this.run.repository),
            ],
          },
          scopeSpans: [
            { scope: { name: 'schema-actions/migrate-with-telemetry' }, spans: [runSpan, ...this.children] },
          ],
        },
      ],
    };
    this.sending = this.send(redactDeep(body, this.redact));
  }

  async settle(): Promise<string[]> {
    const problem = await this.sending;
    return problem ? [problem] : [];
  }

  private async send(body: unknown): Promise<string | undefined> {
    const url = otlpTracesUrl(this.config.endpoint);
    const result = await postJson(url, body, { headers: this.config.headers });
    return result.ok ? undefined : `export to ${url} failed: ${result.reason}`;
  }
}

export function otlpTracesUrl(endpoint: string): string {
  const trimmed = endpoint.replace(/\/+$/, '');
  return trimmed.endsWith('/v1/traces') ? trimmed : `${trimmed}/v1/traces`;
}

function spanId(): string {
  return randomBytes(8).toString('hex');
}

function str(key: string, value: string): Attribute {
  return { key, value: { stringValue: value } };
}

function int(key: string, value: number): Attribute {
  // int64 travels as a decimal string in OTLP JSON.
  return { key, value: { intValue: String(Math.round(value)) } };
}
