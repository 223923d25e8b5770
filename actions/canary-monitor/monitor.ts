import type { ProbeSettings } from './config';
import { probeOnce, type ProbeResult } from './probe';

export interface MonitorPlan {
  urls: string[];
  intervalMs: number;
  durationMs: number;
  probe: ProbeSettings;
  /** Consecutive failures of one URL that end the watch early; 0 disables. */
  failFastAfter: number;
}

export interface MonitorResult {
  results: ProbeResult[];
  /** Ticks not probed because that URL's previous probe was still running, per URL. */
  skippedTicks: Record<string, number>;
  /** Set when fail-fast ended the watch: the URL and how many failures in a row. */
  failFast?: { url: string; consecutive: number; atMs: number };
  elapsedMs: number;
}

export interface MonitorHooks {
  onResult?(result: ProbeResult): void;
  onSkip?(url: string, atMs: number): void;
}

const sleepUntil = (deadline: number, stop: AbortSignal) =>
  new Promise<void>((resolve) => {
    const delay = deadline - performance.now();
    if (delay <= 0 || stop.aborted) return resolve();
    const timer = setTimeout(done, delay);
    stop.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      stop.removeEventListener('abort', done);
      resolve();
    }
  });

/**
 * Probes every URL at start + k × interval until the duration is over. The ticks are anchored to the start time, so
 * a slow probe never shifts later ones; while a URL's probe is still running its next tick is skipped (and counted),
 * keeping one probe in flight per URL.
 */
export async function monitor(
  plan: MonitorPlan,
  hooks: MonitorHooks = {},
  cancel?: AbortSignal,
): Promise<MonitorResult> {
  const start = performance.now();
  const stop = new AbortController();
  // A cancelled job stops probing at once; probes in flight are cut short and not counted.
  cancel?.addEventListener('abort', () => stop.abort(), { once: true });
  if (cancel?.aborted) stop.abort();
  const results: ProbeResult[] = [];
  const skippedTicks: Record<string, number> = {};
  let failFast: MonitorResult['failFast'];

  const watchUrl = async (url: string) => {
    skippedTicks[url] = 0;
    let consecutive = 0;
    let inFlight: Promise<void> | undefined;
    for (let tick = 0; ; tick += 1) {
      const offset = tick * plan.intervalMs;
      if (offset >= plan.durationMs) break;
      await sleepUntil(start + offset, stop.signal);
      if (stop.signal.aborted) break;
      if (inFlight) {
        skippedTicks[url] += 1;
        hooks.onSkip?.(url, offset);
        continue;
      }
      inFlight = probeOnce(url, offset, plan.probe, stop.signal).then((result) => {
        inFlight = undefined;
        // A probe cut short by fail-fast on another URL says nothing about this one.
        if (result.reason === 'cancelled') return;
        results.push(result);
        hooks.onResult?.(result);
        consecutive = result.ok ? 0 : consecutive + 1;
        if (plan.failFastAfter > 0 && consecutive >= plan.failFastAfter && !failFast) {
          failFast = { url, consecutive, atMs: Math.round(performance.now() - start) };
          stop.abort();
        }
      });
    }
    await inFlight;
  };

  await Promise.all(plan.urls.map(watchUrl));
  results.sort((a, b) => a.at - b.at || a.url.localeCompare(b.url));
  return { results, skippedTicks, failFast, elapsedMs: Math.round(performance.now() - start) };
}
