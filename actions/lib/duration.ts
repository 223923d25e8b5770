import { ConfigurationError } from './errors';

// Hand-written on purpose. `ms` and `parse-duration` both read a bare `5` as 5 milliseconds and accept `-5s`;
// `parse-duration` also reads `1h30` as 1h30m and skips words it does not know. For a production timeout a guess
// is worse than a refusal, so the grammar here is strict. `pretty-ms` truncates (119700 ms gives `1m 59s`) and
// writes `1m 59.7s`, not the `2m00s` our reports and messages use.

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/gy;

/** The longest delay a Node timer holds; setTimeout fires at once for anything longer. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Parses durations written like `30s`, `5m`, `1h30m`, `7d` or `250ms` into milliseconds. A bare number is refused:
 * "5" could mean seconds or minutes, and guessing wrong on a production timeout is worse than asking.
 */
export function parseDuration(text: string, inputName = 'duration'): number {
  const value = text.trim().toLowerCase();
  let total = 0;
  let consumed = 0;
  PART.lastIndex = 0;
  for (let match = PART.exec(value); match; match = PART.exec(value)) {
    total += Number(match[1]) * (UNIT_MS[match[2]!] ?? 0);
    consumed = PART.lastIndex;
  }
  if (value === '' || consumed !== value.length) {
    throw new ConfigurationError(`${inputName}: "${text}" is not a duration; write it like 30s, 5m, 1h30m or 7d`);
  }
  return Math.round(total);
}

/** The range a duration input accepts, written as the user writes durations. */
export interface DurationRange {
  min: string;
  max: string;
}

/** `text` parsed and checked against `range`; a value outside it is refused before any timer could see it. */
export function parseDurationIn(text: string, range: DurationRange, inputName: string): number {
  const ms = parseDuration(text, inputName);
  if (!Number.isFinite(ms) || ms < parseDuration(range.min) || ms > parseDuration(range.max)) {
    throw new ConfigurationError(`${inputName}: "${text.trim()}" is out of range; use ${describeRange(range)}`);
  }
  return ms;
}

export function describeRange(range: DurationRange): string {
  return `${range.min} to ${range.max}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Formats milliseconds for people: 850ms, 12.3s, 4m05s, 2h10m, 3d, 1d06h. Each form rounds first and only then
 * splits into units, so a value just under a boundary becomes the next unit (119700 → 2m00s), never `1m60s`.
 */
export function formatDuration(ms: number): string {
  const milliseconds = Math.round(Math.max(0, ms));
  if (milliseconds < 1000) return `${milliseconds}ms`;
  const tenths = Math.round(ms / 100);
  if (tenths < 600) return `${(tenths / 10).toFixed(1)}s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${pad(seconds % 60)}s`;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1440) return `${Math.floor(minutes / 60)}h${pad(minutes % 60)}m`;
  const hours = Math.round(ms / 3_600_000);
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days}d` : `${days}d${pad(hours % 24)}h`;
}
