import { formatDuration } from '../duration';
import type { MigrationEvent, RunOutcome, TelemetrySink } from './events';

/** How long the end of a run may wait for telemetry still in flight, whatever the sinks do. */
const SETTLE_CAP_MS = 7000;

/**
 * Fans a run's events out to every configured sink. Sinks are best-effort: nothing they do can throw into the
 * migration, and the run waits for them at most a few seconds at its end.
 */
export class Telemetry {
  constructor(readonly sinks: TelemetrySink[]) {}

  start(): void {
    this.each((sink) => sink.start());
  }

  migration(event: MigrationEvent): void {
    this.each((sink) => sink.migration(event));
  }

  end(outcome: RunOutcome): void {
    this.each((sink) => sink.end(outcome));
  }

  /** One warning per sink that could not deliver everything. */
  async settle(capMs = SETTLE_CAP_MS): Promise<string[]> {
    const results = await Promise.all(
      this.sinks.map(async (sink) => {
        let timer: NodeJS.Timeout | undefined;
        const cap = new Promise<string[]>((resolve) => {
          timer = setTimeout(() => resolve([`still sending after ${formatDuration(capMs)}; gave up`]), capMs);
        });
        try {
          const problems = await Promise.race([sink.settle().catch((e: unknown) => [String(e)]), cap]);
          return problems.map((p) => `${sink.name}: ${p}`);
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    return results.flat();
  }

  private each(fn: (sink: TelemetrySink) => void): void {
    for (const sink of this.sinks) {
      try {
        fn(sink);
      } catch {
        // A sink bug must not stop a migration; settle() reports what did not arrive.
      }
    }
  }
}
