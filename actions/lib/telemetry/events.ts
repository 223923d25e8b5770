/**
 * What a migration run tells observability systems. Each sink (Loki, PagerDuty, OTLP) turns these into its own
 * wire format; none of them sees a database URL, only the redacted target label.
 */
export interface RunIdentity {
  /** UUID of this run; its hex digits are also the trace id. */
  runId: string;
  environment: string;
  repository: string;
  service: string;
  commit: string;
  /** Link to the workflow run, when there is one. */
  runUrl?: string;
  /** Unix time in ms (fractional) at which the run started. */
  startedAt: number;
}

export type MigrationOutcome = 'applied' | 'failed' | 'timed-out' | 'cancelled';

export interface MigrationEvent {
  /** Redacted target (host/database), when the run has several. */
  target?: string;
  name: string;
  hash: string;
  startedAt: number;
  durationMs: number;
  outcome: MigrationOutcome;
  error?: string;
}

export type RunStatus = 'applied' | 'up-to-date' | 'dry-run' | 'failed' | 'timed-out' | 'cancelled';

export interface RunOutcome {
  status: RunStatus;
  endedAt: number;
  durationMs: number;
  appliedCount: number;
  pendingCount: number;
  /** One line saying what went wrong, for failed and timed-out runs. */
  failure?: string;
}

export interface TelemetrySink {
  /** Shown in warnings: "Loki", "PagerDuty", "OTLP". */
  readonly name: string;
  start(): void;
  migration(event: MigrationEvent): void;
  end(outcome: RunOutcome): void;
  /** Waits for what is still being sent; resolves to the problems met (empty when everything arrived). */
  settle(): Promise<string[]>;
}

export { preciseNow } from '../time';

/** Unix nanoseconds as the decimal string Loki and OTLP JSON expect (too large for a JSON number). */
export function unixNanos(ms: number): string {
  return (BigInt(Math.floor(ms)) * 1_000_000n + BigInt(Math.round((ms % 1) * 1_000_000))).toString();
}

/** Applies `redact` to every string inside a JSON-like value. */
export function redactDeep<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactDeep(item, redact)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, redact)])) as T;
  }
  return value;
}
