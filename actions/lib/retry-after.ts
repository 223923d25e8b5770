/**
 * An HTTP Retry-After header (delay in seconds, or an HTTP date) in milliseconds; undefined when absent or
 * unreadable, so each caller decides its own default instead of mistaking a missing header for "retry now".
 */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  // Only an HTTP date ("Sun, 06 Nov 1994 08:49:37 GMT"): Date.parse alone would read "-5" as a year.
  if (!/^[A-Za-z]{3},/.test(value.trim())) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
