import { postJson } from './http';
import { redactDeep, type RunIdentity, type RunOutcome, type TelemetrySink } from './events';

export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';
export const PAGERDUTY_SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;
export type PagerDutySeverity = (typeof PAGERDUTY_SEVERITIES)[number];

export interface PagerDutyConfig {
  routingKey: string;
  severity: PagerDutySeverity;
  url: string;
}

/** PagerDuty's limit for payload.summary. */
const SUMMARY_LIMIT = 1024;

/**
 * The alert key for migrations of one repository in one environment. It is the same for every run, so a failed
 * deploy and the next successful one talk about the same incident: the failure triggers it, the success resolves it.
 */
export function migrationDedupKey(repository: string, environment: string): string {
  return `schema-actions/migrate/${repository || 'unknown'}/${environment}`.slice(0, 255);
}

/**
 * PagerDuty Events API v2: a trigger when a run fails or times out, a resolve when a run succeeds. Actions keep no
 * state between runs, so a success cannot know whether an incident is open; it always resolves, which PagerDuty
 * accepts and ignores when nothing is open.
 */
export class PagerDutySink implements TelemetrySink {
  readonly name = 'PagerDuty';
  private sending: Promise<string | undefined> = Promise.resolve(undefined);

  constructor(
    private readonly config: PagerDutyConfig,
    private readonly run: RunIdentity,
    private readonly redact: (text: string) => string,
  ) {}

  start(): void {}
  migration(): void {}

  end(outcome: RunOutcome): void {
    // A dry run changes nothing, and a cancelled job is someone's decision, not an incident: neither triggers nor
    // resolves an alert.
    if (outcome.status === 'dry-run' || outcome.status === 'cancelled') return;
    const failed = outcome.status === 'failed' || outcome.status === 'timed-out';
    this.sending = this.send(failed ? this.trigger(outcome) : this.resolve());
  }

  async settle(): Promise<string[]> {
    const problem = await this.sending;
    return problem ? [problem] : [];
  }

  private trigger(outcome: RunOutcome): Record<string, unknown> {
    const what = outcome.status === 'timed-out' ? 'timed out' : 'failed';
    const summary = `Database migration ${what} in ${this.run.environment} (${this.run.repository}): ${outcome.failure ?? outcome.status}`;
    const event: Record<string, unknown> = {
      event_action: 'trigger',
      dedup_key: migrationDedupKey(this.run.repository, this.run.environment),
      payload: {
        summary: summary.length > SUMMARY_LIMIT ? `${summary.slice(0, SUMMARY_LIMIT - 1)}…` : summary,
        source: `${this.run.repository || 'schema-actions'} (${this.run.environment})`,
        severity: this.config.severity,
        timestamp: new Date(outcome.endedAt).toISOString(),
        component: 'database-migrations',
        group: this.run.environment,
        class: outcome.status === 'timed-out' ? 'migration-timed-out' : 'migration-failed',
        custom_details: {
          status: outcome.status,
          run_id: this.run.runId,
          commit: this.run.commit,
          repository: this.run.repository,
          environment: this.run.environment,
          applied_count: outcome.appliedCount,
          pending_count: outcome.pendingCount,
          duration_ms: Math.round(outcome.durationMs),
        },
      },
      client: 'schema-actions',
    };
    if (this.run.runUrl) {
      event.client_url = this.run.runUrl;
      event.links = [{ href: this.run.runUrl, text: 'Workflow run' }];
    }
    return event;
  }

  private resolve(): Record<string, unknown> {
    return { event_action: 'resolve', dedup_key: migrationDedupKey(this.run.repository, this.run.environment) };
  }

  private async send(event: Record<string, unknown>): Promise<string | undefined> {
    // Everything but the routing key is redacted; the routing key is PagerDuty's credential and must be sent.
    const body = { routing_key: this.config.routingKey, ...redactDeep(event, this.redact) };
    const result = await postJson(this.config.url, body);
    if (result.ok) return undefined;
    return `${event.event_action as string} event to ${this.config.url} failed: ${result.reason}`;
  }
}
