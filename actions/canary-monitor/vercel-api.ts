import { bodyReason } from '../lib/secrets';
import { ConfigurationError } from '../lib/errors';
import { formatDuration } from '../lib/duration';
import { parseRetryAfter } from '../lib/retry-after';
import { withRetry, type GiveUp, type RetryPolicy, type RetryVerdict } from '../lib/retry';

/** A Vercel API call that did not succeed, with a message that says what to do about it. */
export class VercelApiError extends Error {
  override readonly name = 'VercelApiError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface VercelApiOptions {
  token: string;
  apiUrl: string;
  teamId?: string;
  /** Retries after 429 and 5xx answers before giving up. */
  maxRetries?: number;
  /** Longest Retry-After honoured; a longer one fails at once rather than stalling the job. */
  maxRetryAfterMs?: number;
  /** Base of the exponential backoff after a 5xx or network error. */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** A failed attempt: no answer at all (`status` undefined), or an HTTP error answer. */
class FailedRequest extends Error {
  constructor(
    readonly status: number | undefined,
    readonly detail: string,
    readonly retryAfter: string | null = null,
  ) {
    super(detail);
  }
}

/**
 * The few Vercel REST calls canary-monitor makes, with the team as `teamId` query parameter, bounded retries for
 * 429 (honouring Retry-After), 5xx and network errors, and every other failure turned into an error naming the fix.
 */
export class VercelApi {
  private readonly policy: Omit<RetryPolicy, 'decide' | 'giveUp'>;

  constructor(private readonly options: VercelApiOptions) {
    this.policy = {
      attempts: (options.maxRetries ?? 3) + 1,
      firstDelayMs: options.backoffMs ?? 500,
      maxWaitMs: options.maxRetryAfterMs ?? 60_000,
      longerWait: 'give-up',
      sleep: options.sleep,
    };
  }

  async request<T>(method: string, path: string, options: { query?: Record<string, string>; body?: unknown } = {}) {
    const url = new URL(`${this.options.apiUrl}${path}`);
    for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
    if (this.options.teamId) url.searchParams.set('teamId', this.options.teamId);
    const what = `${method} ${path}`;
    const text = await withRetry(
      {
        ...this.policy,
        decide: (error) => verdict(error, what),
        giveUp: (error, stop) => giveUpError(error as FailedRequest, stop, what, url),
      },
      () => this.attempt(url, method, options.body),
    );
    return (text === '' ? {} : JSON.parse(text)) as T;
  }

  /** One request; its body as text when it succeeded. */
  private async attempt(url: URL, method: string, body: unknown): Promise<string> {
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${this.options.token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new FailedRequest(undefined, cause);
    }
    const text = await response.text();
    if (response.ok) return text;
    throw new FailedRequest(response.status, apiMessage(text), response.headers.get('retry-after'));
  }
}

/** Vercel's rules: network errors, 429 (after Retry-After, 5 s without one) and 5xx retry; the rest are final. */
function verdict(error: unknown, what: string): RetryVerdict {
  if (!(error instanceof FailedRequest)) return { retry: false, error };
  const { status } = error;
  if (status === undefined || status >= 500) return { retry: true };
  if (status === 429) return { retry: true, retryAfterMs: retryAfterMs(error.retryAfter) };
  return { retry: false, error: describeClientError(status, what, error.detail) };
}

function giveUpError(failure: FailedRequest, stop: GiveUp, what: string, url: URL): Error {
  if (failure.status === undefined) {
    return new VercelApiError(`Vercel API unreachable at ${url.origin} (${failure.detail}) for ${what}`);
  }
  if (failure.status === 429) {
    const tooLong =
      stop.reason === 'wait-too-long' ? ` (Retry-After ${formatDuration(stop.waitMs)} is too long to wait)` : '';
    return new VercelApiError(
      `Vercel API rate limit (HTTP 429) on ${what} still hit after ${stop.attempts} attempt(s)${tooLong}: ${failure.detail}`,
      429,
    );
  }
  return new VercelApiError(
    `Vercel API error HTTP ${failure.status} on ${what} after ${stop.attempts} attempt(s): ${failure.detail}`,
    failure.status,
  );
}

function describeClientError(status: number, what: string, message: string): Error {
  switch (status) {
    case 401:
      return new ConfigurationError(
        `Vercel rejected vercel-token (HTTP 401 on ${what}): ${message}; create a new token at vercel.com/account/tokens`,
      );
    case 403:
      return new ConfigurationError(
        `vercel-token may not do ${what} (HTTP 403): ${message}; use a token with access to the project's team ` +
          '(and set vercel-team-id)',
      );
    case 404:
      return new VercelApiError(
        `Vercel found nothing at ${what} (HTTP 404): ${message}; check vercel-project-id, vercel-team-id and the deployment ID`,
        404,
      );
    case 409:
      return new VercelApiError(
        `Vercel refused ${what} because of a conflict (HTTP 409): ${message}; another promotion or rollback may be running`,
        409,
      );
    default:
      return new VercelApiError(`Vercel API error HTTP ${status} on ${what}: ${message}`, status);
  }
}

/** Vercel answers `{ error: { code, message } }`; anything else is shown as text, shortened. */
function apiMessage(text: string): string {
  try {
    const parsed = JSON.parse(text) as { error?: { message?: string; code?: string }; message?: string };
    const message = parsed.error?.message ?? parsed.message;
    if (message) return parsed.error?.code ? `${message} (${parsed.error.code})` : message;
  } catch {
    // not JSON
  }
  return bodyReason(text) || 'no details';
}

/** Retry-After in milliseconds; 5 s when absent, as @vercel/client does. */
export function retryAfterMs(header: string | null): number {
  return parseRetryAfter(header) ?? 5000;
}
