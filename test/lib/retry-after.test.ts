import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../actions/lib/retry-after';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-21T12:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter(' 1.5 ', now)).toBe(1500);
  });

  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter('Sat, 21 Nov 2026 12:00:45 GMT', now)).toBe(45_000);
    expect(parseRetryAfter('Sat, 21 Nov 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('is undefined when absent or unreadable, so callers keep their own backoff', () => {
    for (const value of [null, undefined, '', '  ', 'soon', '-5']) expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});
