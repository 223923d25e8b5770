import { describe, expect, it } from 'vitest';
import { withRetry, type GiveUp, type RetryPolicy, type RetryVerdict } from '../../actions/lib/retry';

class Failure extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterMs?: number,
  ) {
    super(`HTTP ${status}`);
  }
}

/** Runs `statuses` as consecutive answers (0: success) under `rules`; what was waited, and how it ended. */
async function run(statuses: number[], rules: Partial<RetryPolicy> = {}, retryAfter: Record<number, number> = {}) {
  const waits: number[] = [];
  const retried: number[] = [];
  let calls = 0;
  let stop: GiveUp | undefined;
  const policy: RetryPolicy = {
    attempts: 4,
    firstDelayMs: 100,
    decide: (error): RetryVerdict => {
      const { status, retryAfterMs } = error as Failure;
      return status === 429 || status >= 500 ? { retry: true, retryAfterMs } : { retry: false, error };
    },
    giveUp: (error, why) => {
      stop = why;
      return error;
    },
    onRetry: (_error, _wait, attempt) => void retried.push(attempt),
    sleep: async (ms) => void waits.push(ms),
    ...rules,
  };
  const outcome = await withRetry(policy, async ({ number }) => {
    calls += 1;
    expect(number).toBe(calls);
    const status = statuses[number - 1] ?? 0;
    if (status !== 0) throw new Failure(status, retryAfter[number]);
    return 'ok';
  }).catch((error: unknown) => error);
  return { outcome, waits, retried, calls, stop };
}

describe('withRetry', () => {
  it('returns the first success, waiting a doubled backoff between attempts', async () => {
    const result = await run([502, 503, 500, 0]);
    expect(result.outcome).toBe('ok');
    expect(result.waits).toEqual([100, 200, 400]);
    expect(result.retried).toEqual([1, 2, 3]);
  });

  it('caps the backoff at maxDelayMs', async () => {
    const result = await run([500, 500, 500, 0], { firstDelayMs: 500, maxDelayMs: 800 });
    expect(result.waits).toEqual([500, 800, 800]);
  });

  it('ends with the policy error after the last attempt, saying how many were made', async () => {
    const result = await run([500, 500, 500, 500, 500]);
    expect(result.outcome).toBeInstanceOf(Failure);
    expect(result.calls).toBe(4);
    expect(result.stop).toMatchObject({ reason: 'attempts', attempts: 4 });
  });

  it('does not retry what the policy calls final', async () => {
    const result = await run([404, 0]);
    expect((result.outcome as Failure).status).toBe(404);
    expect(result.calls).toBe(1);
    expect(result.waits).toEqual([]);
    expect(result.stop).toBeUndefined();
  });

  it('waits what Retry-After asks instead of the backoff', async () => {
    const result = await run([429, 429, 0], {}, { 1: 2500, 2: 0 });
    expect(result.waits).toEqual([2500, 0]);
  });

  it('shortens a longer wait to maxWaitMs, or gives up on it, as the policy says', async () => {
    expect((await run([429, 0], { maxWaitMs: 1000, longerWait: 'shorten' }, { 1: 60_000 })).waits).toEqual([1000]);
    const refused = await run([429, 0], { maxWaitMs: 1000, longerWait: 'give-up' }, { 1: 60_000 });
    expect(refused.waits).toEqual([]);
    expect(refused.stop).toEqual({ reason: 'wait-too-long', attempts: 1, waitMs: 60_000 });
  });

  it('gives up rather than wait past the budget', async () => {
    const result = await run([503, 0], { budgetMs: 5000 }, { 1: 30_000 });
    expect(result.waits).toEqual([]);
    expect(result.stop).toEqual({ reason: 'budget', attempts: 1, waitMs: 30_000 });
  });

  it('tells each attempt how much of the budget is left', async () => {
    const left: number[] = [];
    await withRetry(
      {
        attempts: 1,
        firstDelayMs: 1,
        budgetMs: 60_000,
        decide: (error) => ({ retry: false, error }),
        giveUp: (e) => e,
      },
      async ({ remainingMs }) => void left.push(remainingMs),
    );
    expect(left[0]).toBeGreaterThan(0);
    expect(left[0]).toBeLessThanOrEqual(60_000);
  });
});
