import { connectPostgres, type PostgresClient } from '../lib/db/postgres';
import { formatDuration } from '../lib/duration';
import type { Logger } from '../lib/logger';

/** After a cancel, how long the statement gets to stop before its backend is terminated (which also rolls back). */
const TERMINATE_AFTER_MS = 5000;

export class TimedOutError extends Error {
  override readonly name = 'TimedOutError';
}

/**
 * The `timeout` circuit breaker. When it trips, the statement running on the migration's connection is cancelled
 * from a second connection (a connection busy with a statement cannot cancel itself), so PostgreSQL aborts the
 * transaction; if the statement ignores the cancel, the backend is terminated, which rolls back too. The code
 * applying migrations also checks `tripped` between statements, since a cancel reaching an idle backend is dropped.
 */
export class CircuitBreaker {
  private timer: NodeJS.Timeout | undefined;
  private terminateTimer: NodeJS.Timeout | undefined;
  private control: PostgresClient | undefined;
  private trippedAt: number | undefined;

  private constructor(
    private readonly target: PostgresClient,
    private readonly timeoutMs: number,
    private readonly logger: Logger,
  ) {}

  /** Opens the control connection now, while the server is healthy, and starts the clock. */
  static async arm(url: string, target: PostgresClient, timeoutMs: number, logger: Logger): Promise<CircuitBreaker> {
    const breaker = new CircuitBreaker(target, timeoutMs, logger);
    breaker.control = await connectPostgres(url, { logger, applicationName: 'schema-actions migrate (watchdog)' });
    breaker.timer = setTimeout(() => void breaker.trip(), timeoutMs);
    return breaker;
  }

  get tripped(): boolean {
    return this.trippedAt !== undefined;
  }

  /** Throws when the breaker has tripped; called before each statement. */
  check(): void {
    if (this.tripped) throw this.error();
  }

  error(): TimedOutError {
    return new TimedOutError(
      `timed out after ${formatDuration(this.timeoutMs)} (timeout): the running statement was cancelled and the transaction rolled back`,
    );
  }

  async disarm(): Promise<void> {
    clearTimeout(this.timer);
    clearTimeout(this.terminateTimer);
    await this.control?.close();
    this.control = undefined;
  }

  private async trip(): Promise<void> {
    this.trippedAt = Date.now();
    const pid = this.target.processId;
    this.logger.warning(`timeout of ${formatDuration(this.timeoutMs)} reached: cancelling the running statement`);
    try {
      await this.control?.query('SELECT pg_cancel_backend($1)', [pid]);
    } catch (error) {
      this.logger.debug(`pg_cancel_backend failed: ${String(error)}`);
    }
    this.terminateTimer = setTimeout(() => void this.terminate(pid), TERMINATE_AFTER_MS);
  }

  private async terminate(pid: number): Promise<void> {
    this.logger.warning('the cancelled statement did not stop; terminating its connection (PostgreSQL rolls back)');
    try {
      await this.control?.query('SELECT pg_terminate_backend($1)', [pid]);
    } catch (error) {
      this.logger.debug(`pg_terminate_backend failed: ${String(error)}`);
    }
  }
}
