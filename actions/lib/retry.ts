/**
 * One retry loop for every HTTP API the actions call: Neon, Vercel and the telemetry sinks. Each keeps its own rules
 * as a RetryPolicy (which failures retry, how many attempts, the backoff, how far a server's Retry-After is
 * honoured, the time budget); the loop is the same. p-retry was weighed and left out: it always waits its own
 * backoff, so it can neither wait what Retry-After asks nor give up when that is too long, and those rules are most
 * of what the policies below say.
 */

/** What one failure means: retry it (after Retry-After, when the server sent one), or end with `error`. */
export type RetryVerdict = { retry: true; retryAfterMs?: number } | { retry: false; error: unknown };

/** Why a retryable failure was not retried: no attempts left, no time left, or a wait longer than allowed. */
export type GiveUpReason = 'attempts' | 'budget' | 'wait-too-long';

export interface GiveUp {
  reason: GiveUpReason;
  /** Attempts made, the failed one included. */
  attempts: number;
  /** The wait that was not taken. */
  waitMs: number;
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Wait before the first retry; doubled before each further one. */
  firstDelayMs: number;
  /** Ceiling of the doubled backoff. */
  maxDelayMs?: number;
  /** Longest single wait, a Retry-After included: a longer one is shortened to it, or ends the retries. */
  maxWaitMs?: number;
  longerWait?: 'shorten' | 'give-up';
  /** Time for all attempts and waits together; a wait that would use up the rest ends the retries. */
  budgetMs?: number;
  decide(error: unknown): RetryVerdict;
  /** The error to end with when a retryable failure is not retried any more. */
  giveUp(error: unknown, stop: GiveUp): unknown;
  /** Told before each wait, e.g. to log it. */
  onRetry?(error: unknown, waitMs: number, attempt: number): void;
  sleep?(ms: number): Promise<void>;
}

export interface Attempt {
  /** 1 for the first attempt. */
  number: number;
  /** Time left in the budget (Infinity without one), to bound this attempt's own time limit. */
  remainingMs: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` until it succeeds or `policy` says to stop; throws the error the policy chose. */
export async function withRetry<T>(policy: RetryPolicy, attempt: (current: Attempt) => Promise<T>): Promise<T> {
  const deadline = Date.now() + (policy.budgetMs ?? Infinity);
  for (let number = 1; ; number++) {
    try {
      return await attempt({ number, remainingMs: deadline - Date.now() });
    } catch (error) {
      const verdict = policy.decide(error);
      if (!verdict.retry) throw verdict.error;
      const next = nextWait(policy, number, verdict.retryAfterMs, deadline - Date.now());
      if (next.stop) throw policy.giveUp(error, { reason: next.stop, attempts: number, waitMs: next.waitMs });
      policy.onRetry?.(error, next.waitMs, number);
      await (policy.sleep ?? defaultSleep)(next.waitMs);
    }
  }
}

/** The wait before the retry after attempt `failed`, or why there is none. */
export function nextWait(
  policy: RetryPolicy,
  failed: number,
  retryAfterMs: number | undefined,
  remainingMs: number,
): { waitMs: number; stop?: GiveUpReason } {
  const backoff = Math.min(policy.firstDelayMs * 2 ** (failed - 1), policy.maxDelayMs ?? Infinity);
  let waitMs = retryAfterMs ?? backoff;
  if (failed >= policy.attempts) return { waitMs, stop: 'attempts' };
  if (policy.maxWaitMs !== undefined && waitMs > policy.maxWaitMs) {
    if (policy.longerWait === 'give-up') return { waitMs, stop: 'wait-too-long' };
    waitMs = policy.maxWaitMs;
  }
  if (waitMs >= remainingMs) return { waitMs, stop: 'budget' };
  return { waitMs };
}
