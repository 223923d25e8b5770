import { ConfigurationError } from './errors';

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/gy;

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

/** Formats milliseconds for people: 850ms, 12.3s, 4m05s, 2h10m, 3d. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  if (ms < 3_600_000) {
    const minutes = Math.floor(ms / 60_000);
    const seconds = Math.round((ms % 60_000) / 1000);
    return `${minutes}m${String(seconds).padStart(2, '0')}s`;
  }
  if (ms < 86_400_000) {
    const hours = Math.floor(ms / 3_600_000);
    const minutes = Math.round((ms % 3_600_000) / 60_000);
    return `${hours}h${String(minutes).padStart(2, '0')}m`;
  }
  return `${Math.round(ms / 86_400_000)}d`;
}
