import type { BodyExpectation, ProbeSettings } from './config';

export interface ProbeResult {
  url: string;
  /** Milliseconds from the start of the watch to the probe's scheduled tick. */
  at: number;
  /** Time to the full response body, or until the probe failed without a response. */
  latencyMs: number;
  /** HTTP status when a response arrived. */
  status?: number;
  ok: boolean;
  /** Why the probe failed, in words (absent when ok). */
  reason?: string;
}

/** Bodies are read to measure the full response, but only this much is kept for expect-body. */
const BODY_LIMIT = 1024 * 1024;

/**
 * One request: success means a response within the timeout whose status is expected and whose body matches.
 * Redirects are not followed, so a 3xx counts as itself (the default 200-399 accepts it).
 */
export async function probeOnce(
  url: string,
  at: number,
  settings: ProbeSettings,
  stop: AbortSignal,
): Promise<ProbeResult> {
  const started = performance.now();
  const timeout = AbortSignal.timeout(settings.timeoutMs);
  const signal = AbortSignal.any([timeout, stop]);
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(url, {
      headers: { 'user-agent': 'schema-actions-canary-monitor', ...settings.headers },
      redirect: 'manual',
      signal,
    });
    const body = await readBody(response);
    const latencyMs = elapsed();
    const status = response.status;
    if (!statusExpected(status, settings.expectStatus)) {
      return { url, at, latencyMs, status, ok: false, reason: `HTTP ${status} ${response.statusText}`.trim() };
    }
    const mismatch = bodyMismatch(body, settings.expectBody);
    if (mismatch) return { url, at, latencyMs, status, ok: false, reason: mismatch };
    return { url, at, latencyMs, status, ok: true };
  } catch (error) {
    const latencyMs = elapsed();
    if (timeout.aborted) {
      return { url, at, latencyMs, ok: false, reason: `timed out after ${settings.timeoutMs}ms` };
    }
    if (stop.aborted) return { url, at, latencyMs, ok: false, reason: 'cancelled' };
    return { url, at, latencyMs, ok: false, reason: networkReason(error, url) };
  }
}

async function readBody(response: Response): Promise<string> {
  if (!response.body) return '';
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    if (text.length < BODY_LIMIT) text += decoder.decode(chunk, { stream: true });
  }
  return text.slice(0, BODY_LIMIT);
}

export function statusExpected(status: number, ranges: Array<[number, number]>): boolean {
  return ranges.some(([low, high]) => status >= low && status <= high);
}

function bodyMismatch(body: string, expectation: BodyExpectation | undefined): string | undefined {
  if (!expectation) return undefined;
  if (expectation.kind === 'substring') {
    return body.includes(expectation.text) ? undefined : `body does not contain "${expectation.text}"`;
  }
  return expectation.regex.test(body) ? undefined : `body does not match ${String(expectation.regex)}`;
}

/** Node's fetch hides the socket error in `cause`; these are the ones a user can act on. */
function networkReason(error: unknown, url: string): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code;
  const host = safeHost(url);
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return `DNS lookup failed for ${host} (${code})`;
    case 'ECONNREFUSED':
      return `connection refused by ${host}`;
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return `connection reset by ${host}`;
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'ETIMEDOUT':
      return `timed out talking to ${host} (${code})`;
    default: {
      const detail = cause?.message ?? (error as Error).message ?? String(error);
      return code ? `request failed: ${code} ${detail}` : `request failed: ${detail}`;
    }
  }
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the host';
  }
}
