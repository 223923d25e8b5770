import { connectPostgres, type PostgresClient } from '../lib/db/postgres';
import { formatDuration } from '../lib/duration';
import { CancelledError } from '../lib/errors';
import type { Logger } from '../lib/logger';

/** After a cancel, how long the statement gets to stop before its backend is terminated (which also rolls back). */
const TERMINATE_AFTER_MS = 5000;
/** On a job cancel the runner allows a few seconds in all: terminate sooner. */
const TERMINATE_AFTER_CANCEL_MS = 1000;

export class TimedOutError extends Error {
  override readonly name = 'TimedOutError';
}

/**
 * Stops the migration's connection from outside it: the `timeout` circuit breaker, and a job cancel. The statement
 * running on the migration's connection is cancelled from a second connection (a connection busy with a statement
 * cannot cancel itself), so PostgreSQL aborts the transaction; if the statement ignores the cancel, the backend is
 * terminated, which rolls back too. The executor also calls `check()` before each statement, since a cancel
 * reaching an idle backend is dropped.
 */
export class CircuitBreaker {
  private timer: NodeJS.Timeout | undefined;
  private terminateTimer: NodeJS.Timeout | undefined;
  private control: PostgresClient | undefined;
  private reason: TimedOutError | CancelledError | undefined;
  private timeoutMs = 0;

  private constructor(
    private readonly target: PostgresClient,
    private readonly logger: Logger,
  ) {}

  /** Opens the control connection now, while the server is healthy; `signal` cancels the session's work. */
  static async arm(url: string, target: PostgresClient, logger: Logger, signal: AbortSignal): Promise<CircuitBreaker> {
    const breaker = new CircuitBreaker(target, logger);
    breaker.control = await connectPostgres(url, { logger, applicationName: 'schema-actions migrate (watchdog)' });
    const onAbort = () => {
      const reason = signal.reason instanceof CancelledError ? signal.reason : new CancelledError('abort');
      void breaker.stop(reason, TERMINATE_AFTER_CANCEL_MS);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    breaker.detach = () => signal.removeEventListener('abort', onAbort);
    return breaker;
  }

  /** Starts the `timeout` clock: from here the migrations have `timeoutMs` to commit. */
  startClock(timeoutMs: number): void {
    this.timeoutMs = timeoutMs;
    this.timer = setTimeout(() => {
      this.logger.warning(`timeout of ${formatDuration(timeoutMs)} reached: cancelling the running statement`);
      void this.stop(this.timedOut(), TERMINATE_AFTER_MS);
    }, timeoutMs);
  }

  get tripped(): boolean {
    return this.reason !== undefined;
  }

  /** Throws once the breaker has tripped or the job was cancelled; called before each statement. */
  check(): void {
    if (this.reason) throw this.reason;
  }

  /** What stopped the run: a TimedOutError or a CancelledError (undefined while it runs). */
  error(): TimedOutError | CancelledError | undefined {
    return this.reason;
  }

  async disarm(): Promise<void> {
    this.detach();
    clearTimeout(this.timer);
    clearTimeout(this.terminateTimer);
    await this.control?.close();
    this.control = undefined;
  }

  private detach: () => void = () => undefined;

  private timedOut(): TimedOutError {
    return new TimedOutError(
      `timed out after ${formatDuration(this.timeoutMs)} (timeout): the running statement was cancelled and the transaction rolled back`,
    );
  }

  private async stop(reason: TimedOutError | CancelledError, terminateAfterMs: number): Promise<void> {
    if (this.reason) return;
    this.reason = reason;
    clearTimeout(this.timer);
    const pid = this.target.processId;
    try {
      await this.control?.query('SELECT pg_cancel_backend($1)', [pid]);
    } catch (error) {
      this.logger.debug(`pg_cancel_backend failed: ${String(error)}`);
    }
    this.terminateTimer = setTimeout(() => void this.terminate(pid), terminateAfterMs);
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
