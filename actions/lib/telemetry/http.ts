import { parseRetryAfter } from '../retry-after';

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

export async function postJson(url: string, body: unknown, options: PostOptions = {}): Promise<PostResult> {
  const { timeoutMs, retries, deadlineMs } = { ...DEFAULTS, ...options };
  const deadline = Date.now() + deadlineMs;
  const payload = JSON.stringify(body);
  let last: PostResult = { ok: false, reason: 'not attempted' };
  for (let attempt = 0; attempt <= retries; attempt++) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    last = await attemptPost(url, payload, options.headers ?? {}, Math.min(timeoutMs, remaining));
    if (last.ok || !retryable(last)) return last;
    const wait = backoff(attempt, last);
    if (attempt === retries || Date.now() + wait >= deadline) break;
    await sleep(wait);
  }
  return last;
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
): Promise<PostResult & { retryAfterMs?: number }> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: payload,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text().catch(() => '');
    if (response.ok) return { ok: true, status: response.status, body: text };
    const failed: FailedAttempt = {
      ok: false,
      status: response.status,
      reason: `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`,
    };
    // A missing header must mean "back off as usual", not "retry at once".
    failed.retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    return failed;
  } catch (error) {
    return { ok: false, reason: describeNetworkError(error, timeoutMs) };
  }
}

function retryable(result: PostResult): boolean {
  if (result.ok) return false;
  return result.status === undefined || result.status === 429 || result.status >= 500;
}

function backoff(attempt: number, result: PostResult & { retryAfterMs?: number }): number {
  const exponential = 200 * 2 ** attempt;
  return Math.min(MAX_BACKOFF_MS, result.retryAfterMs ?? exponential);
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(error);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
