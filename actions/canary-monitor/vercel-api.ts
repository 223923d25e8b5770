import { ConfigurationError } from '../lib/errors';
import { parseRetryAfter } from '../lib/retry-after';

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

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The few Vercel REST calls canary-monitor makes, with the team as `teamId` query parameter, bounded retries for
 * 429 (honouring Retry-After) and 5xx, and every other failure turned into an error naming the fix.
 */
export class VercelApi {
  private readonly maxRetries: number;
  private readonly maxRetryAfterMs: number;
  private readonly backoffMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: VercelApiOptions) {
    this.maxRetries = options.maxRetries ?? 3;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
    this.backoffMs = options.backoffMs ?? 500;
    this.sleep = options.sleep ?? defaultSleep;
  }

  async request<T>(method: string, path: string, options: { query?: Record<string, string>; body?: unknown } = {}) {
    const url = new URL(`${this.options.apiUrl}${path}`);
    for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
    if (this.options.teamId) url.searchParams.set('teamId', this.options.teamId);
    const what = `${method} ${path}`;
    for (let attempt = 0; ; attempt += 1) {
      let response: Response;
      try {
        response = await fetch(url, {
          method,
          headers: {
            authorization: `Bearer ${this.options.token}`,
            accept: 'application/json',
            ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          signal: AbortSignal.timeout(30_000),
        });
      } catch (error) {
        if (attempt < this.maxRetries) {
          await this.sleep(this.backoffMs * 2 ** attempt);
          continue;
        }
        const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
        throw new VercelApiError(`Vercel API unreachable at ${url.origin} (${cause}) for ${what}`);
      }
      const text = await response.text();
      if (response.ok) return (text === '' ? {} : JSON.parse(text)) as T;

      const message = apiMessage(text);
      if (response.status === 429 || response.status >= 500) {
        const wait =
          response.status === 429 ? retryAfterMs(response.headers.get('retry-after')) : this.backoffMs * 2 ** attempt;
        if (attempt < this.maxRetries && wait <= this.maxRetryAfterMs) {
          await this.sleep(wait);
          continue;
        }
        throw new VercelApiError(
          response.status === 429
            ? `Vercel API rate limit (HTTP 429) on ${what} still hit after ${attempt + 1} attempt(s)` +
                `${wait > this.maxRetryAfterMs ? ` (Retry-After ${Math.round(wait / 1000)}s is too long to wait)` : ''}: ${message}`
            : `Vercel API error HTTP ${response.status} on ${what} after ${attempt + 1} attempt(s): ${message}`,
          response.status,
        );
      }
      throw describeClientError(response.status, what, message);
    }
  }
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
  return text.trim().slice(0, 200) || 'no details';
}

/** Retry-After in milliseconds; 5 s when absent, as @vercel/client does. */
export function retryAfterMs(header: string | null): number {
  return parseRetryAfter(header) ?? 5000;
}
