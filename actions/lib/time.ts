/** Epoch milliseconds with sub-millisecond precision, monotonic within the process (for timings and telemetry). */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}
