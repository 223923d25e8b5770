import { formatDuration } from '../duration';
import { parseRetryAfter } from '../retry-after';
import { withRetry, type RetryPolicy } from '../retry';
import { responseReason } from '../secrets';

/**
 * Best-effort JSON POST for telemetry sinks. A sink that is down, slow or rate-limiting must never fail or hold up a
 * migration, so this never throws: each attempt has a short time limit, retries are few and short, and the caller
 * gets back what went wrong to turn into one warning.
 */
export interface PostOptions {
  headers?: Record<string, string>;
  /** Limit for one attempt. */
  timeoutMs?: number;
  /** Attempts after the first, for network errors, 429 and 5xx only. */
  retries?: number;
  /** Total time budget for all attempts and waits together. */
  deadlineMs?: number;
}

export type PostResult = { ok: true; status: number; body: string } | { ok: false; reason: string; status?: number };

const DEFAULTS = { timeoutMs: 3000, retries: 2, deadlineMs: 6000 };
/** Retry-After can ask for minutes; a deploy will not wait that long for a log line. */
const MAX_BACKOFF_MS = 1000;

/** A failed attempt carried through the retry loop, which retries by exceptions. */
class FailedPost extends Error {
  constructor(readonly result: FailedAttempt) {
    super(result.reason);
  }
}

export async function postJson(url: string, body: unknown, options: PostOptions = {}): Promise<PostResult> {
  const { timeoutMs, retries, deadlineMs } = { ...DEFAULTS, ...options };
  const payload = JSON.stringify(body);
  const policy: RetryPolicy = {
    attempts: retries + 1,
    firstDelayMs: 200,
    maxWaitMs: MAX_BACKOFF_MS,
    longerWait: 'shorten',
    budgetMs: deadlineMs,
    decide: (error) => {
      const failed = (error as FailedPost).result;
      // Network errors, 429 and 5xx may pass; a 4xx will be the same next time. A missing Retry-After means "back
      // off as usual", not "retry at once".
      const retryable = failed.status === undefined || failed.status === 429 || failed.status >= 500;
      return retryable ? { retry: true, retryAfterMs: failed.retryAfterMs } : { retry: false, error };
    },
    giveUp: (error) => error,
  };
  try {
    return await withRetry(policy, async ({ remainingMs }) => {
      const result = await attemptPost(
        url,
        payload,
        options.headers ?? {},
        Math.max(1, Math.min(timeoutMs, remainingMs)),
      );
      if (!result.ok) throw new FailedPost(result);
      return result;
    });
  } catch (error) {
    if (error instanceof FailedPost) return error.result;
    throw error;
  }
}

interface FailedAttempt {
  ok: false;
  reason: string;
  status?: number;
  retryAfterMs?: number;
}

async function attemptPost(
  url: string,
  payload: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<PostResult | FailedAttempt> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: payload,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text().catch(() => '');
    if (response.ok) return { ok: true, status: response.status, body: text };
    return {
      ok: false,
      status: response.status,
      reason: responseReason(response.status, text),
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
    };
  } catch (error) {
    return { ok: false, reason: describeNetworkError(error, timeoutMs) };
  }
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no answer within ${formatDuration(timeoutMs)}`;
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(error);
}
