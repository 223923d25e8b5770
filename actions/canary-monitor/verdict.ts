import type { VerdictThresholds } from './config';
import type { MonitorResult } from './monitor';

export interface LatencyStats {
  p50Ms?: number;
  p95Ms?: number;
  maxMs?: number;
}

export interface Verdict extends LatencyStats {
  healthy: boolean;
  samples: number;
  errors: number;
  errorRate: number;
  skippedTicks: number;
  /** Each threshold that was not met, in words; empty when healthy. */
  reasons: string[];
}

/** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
export function percentile(sorted: number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
}

/**
 * Latency counts only probes that got a response: a refused connection takes ~0 ms and a timeout takes exactly the
 * timeout, so either would distort what users experience. Those failures weigh in through the error rate instead.
 */
export function latencyStats(latencies: number[]): LatencyStats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95), maxMs: sorted.at(-1) };
}

export function decideVerdict(run: MonitorResult, thresholds: VerdictThresholds): Verdict {
  const samples = run.results.length;
  const errors = run.results.filter((r) => !r.ok).length;
  const errorRate = samples === 0 ? 0 : errors / samples;
  const stats = latencyStats(run.results.filter((r) => r.status !== undefined).map((r) => r.latencyMs));
  const reasons: string[] = [];
  if (run.failFast) {
    reasons.push(`${run.failFast.consecutive} consecutive failed probes of ${run.failFast.url} (fail-fast-after)`);
  }
  if (errorRate > thresholds.maxErrorRate) {
    reasons.push(`error rate ${percent(errorRate)} is above max-error-rate ${percent(thresholds.maxErrorRate)}`);
  }
  if (thresholds.maxP95Ms !== undefined) {
    if (stats.p95Ms === undefined) reasons.push('no probe got a response, so p95 latency is unknown');
    else if (stats.p95Ms > thresholds.maxP95Ms) {
      reasons.push(`p95 latency ${stats.p95Ms}ms is above max-p95-ms ${thresholds.maxP95Ms}ms`);
    }
  }
  if (samples < thresholds.minSamples) {
    reasons.push(`only ${samples} completed probe(s), fewer than min-samples ${thresholds.minSamples}`);
  }
  const skippedTicks = Object.values(run.skippedTicks).reduce((sum, n) => sum + n, 0);
  return { healthy: reasons.length === 0, samples, errors, errorRate, skippedTicks, reasons, ...stats };
}

export function percent(rate: number): string {
  return `${(rate * 100).toFixed(rate * 100 < 10 && rate > 0 ? 1 : 0)}%`;
}
