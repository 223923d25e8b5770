import { postJson } from './http';
import {
  redactDeep,
  preciseNow,
  unixNanos,
  type MigrationEvent,
  type RunIdentity,
  type RunOutcome,
  type TelemetrySink,
} from './events';

export interface LokiConfig {
  /** Base URL; the push path is appended. */
  url: string;
  user?: string;
  token?: string;
  tenant?: string;
  /** Extra stream labels; may override service. */
  labels: Record<string, string>;
}

type Level = 'info' | 'warning' | 'error';

/** One Loki entry: [unix ns, line, structured metadata]. */
type LokiValue = [string, string, Record<string, string>];

/**
 * Pushes one log line per event (start, each migration, end) to Loki's JSON push API. Stream labels stay few and
 * low-cardinality (environment, service, repository, level); run id, commit, migration and duration vary per line,
 * so they go in structured metadata, where Loki indexes nothing and cardinality costs nothing.
 */
export class LokiSink implements TelemetrySink {
  readonly name = 'Loki';
  /**
   * One push at a time, so lines arrive in order and a dead Loki costs one timeout, not one per line; the lines
   * logged while a push is in flight go together in the next one, so a run of 186 migrations is a handful of
   * requests rather than 188.
   */
  private queue: Array<{ level: Level; value: LokiValue }> = [];
  private flushing: Promise<void> | undefined;
  private broken: string | undefined;

  constructor(
    private readonly config: LokiConfig,
    private readonly run: RunIdentity,
    private readonly redact: (text: string) => string,
  ) {}

  start(): void {
    this.push('info', this.run.startedAt, `migration run started in ${this.run.environment}`, { event: 'start' });
  }

  migration(event: MigrationEvent): void {
    const level: Level = event.outcome === 'applied' ? 'info' : 'error';
    const where = event.target ? ` on ${event.target}` : '';
    const detail = event.error ? `: ${event.error}` : '';
    this.push(
      level,
      event.startedAt + event.durationMs,
      `migration ${event.name} ${event.outcome}${where} in ${Math.round(event.durationMs)} ms${detail}`,
      {
        event: 'migration',
        migration: event.name,
        duration_ms: String(Math.round(event.durationMs)),
        outcome: event.outcome,
        ...(event.target ? { target: event.target } : {}),
      },
    );
  }

  end(outcome: RunOutcome): void {
    const level: Level =
      outcome.status === 'failed' || outcome.status === 'timed-out'
        ? 'error'
        : outcome.status === 'cancelled'
          ? 'warning'
          : 'info';
    const detail = outcome.failure ? `: ${outcome.failure}` : '';
    this.push(
      level,
      outcome.endedAt,
      `migration run ${outcome.status}: ${outcome.appliedCount} applied, ${outcome.pendingCount} pending${detail}`,
      {
        event: 'end',
        status: outcome.status,
        duration_ms: String(Math.round(outcome.durationMs)),
        applied_count: String(outcome.appliedCount),
      },
    );
  }

  async settle(): Promise<string[]> {
    await this.flushing;
    return this.broken ? [this.broken] : [];
  }

  private push(level: Level, atMs: number, line: string, metadata: Record<string, string>): void {
    const value: LokiValue = [
      unixNanos(atMs || preciseNow()),
      line,
      { run_id: this.run.runId, commit: this.run.commit, ...metadata },
    ];
    this.queue.push({ level, value });
    this.flushing ??= this.flush().finally(() => (this.flushing = undefined));
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      const levels = [...new Set(batch.map((entry) => entry.level))];
      const streams = levels.map((level) => ({
        stream: this.streamLabels(level),
        values: batch.filter((entry) => entry.level === level).map((entry) => entry.value),
      }));
      await this.send(redactDeep({ streams }, this.redact));
    }
  }

  private streamLabels(level: Level): Record<string, string> {
    return {
      service: this.run.service,
      ...this.config.labels,
      environment: this.run.environment,
      repository: this.run.repository || 'unknown',
      level,
    };
  }

  private async send(body: unknown): Promise<void> {
    // After one push has failed for good the rest would fail the same way; each would only add its own delay.
    if (this.broken) return;
    const headers: Record<string, string> = {};
    if (this.config.user || this.config.token) {
      headers.authorization = `Basic ${Buffer.from(`${this.config.user ?? ''}:${this.config.token ?? ''}`).toString('base64')}`;
    }
    if (this.config.tenant) headers['x-scope-orgid'] = this.config.tenant;
    const result = await postJson(lokiPushUrl(this.config.url), body, { headers });
    if (!result.ok) this.broken = `push to ${lokiPushUrl(this.config.url)} failed: ${result.reason}`;
  }
}

export function lokiPushUrl(base: string): string {
  const trimmed = base.replace(/\/+$/, '');
  return trimmed.endsWith('/loki/api/v1/push') ? trimmed : `${trimmed}/loki/api/v1/push`;
}
