// The canary chart as Mermaid draws it: failures apart from latencies, nothing where no probe ran, the threshold.
import { describe, expect, it } from 'vitest';
import type { CanaryConfig } from '../../actions/canary-monitor/config';
import { latencyChart } from '../../actions/canary-monitor/report';
import type { ProbeResult } from '../../actions/canary-monitor/probe';
import { renderReport } from './render.js';

const URL = 'https://app.example.com/api/health';

function config(durationMs: number, intervalMs: number, maxP95Ms?: number): CanaryConfig {
  return {
    urls: [URL],
    intervalMs,
    durationMs,
    thresholds: { maxErrorRate: 0.05, maxP95Ms, minSamples: 1, failFastAfter: 0 },
  } as unknown as CanaryConfig;
}

const probe = (at: number, latencyMs: number, ok = true): ProbeResult => ({
  url: URL,
  at,
  latencyMs,
  ok,
  ...(ok ? { status: 200 } : { reason: 'timed out after 2000ms' }),
});

function series(diagram: string, kind: 'bar' | 'line'): number[][] {
  return [...diagram.matchAll(new RegExp(`^  ${kind} \\[([^\\]]*)\\]`, 'gm'))].map((m) =>
    m[1]!.split(', ').map(Number),
  );
}

describe('canary latency chart', () => {
  it('draws a time-out as a failure, not as a 2,000 ms latency, and nothing for a tick with no probe', async () => {
    // Ticks 0..4 every 10 s: 600 ms, time-out, (no probe: the previous one was still running), 580 ms, 604 ms.
    const results = [probe(0, 600), probe(10_000, 2000, false), probe(30_000, 580), probe(40_000, 604)];
    const { diagrams } = await renderReport(latencyChart(URL, results, config(50_000, 10_000)));
    const [latency, failed] = series(diagrams[0]!, 'bar');
    expect(latency).toEqual([600, 0, 0, 580, 604]);
    const top = Number(diagrams[0]!.match(/y-axis "latency \(ms\)" 0 --> (\d+)/)![1]);
    expect(top).toBeLessThan(2000);
    expect(failed).toEqual([0, top, 0, 0, 0]);
    expect(series(diagrams[0]!, 'line')).toEqual([]);
  });

  it('draws max-p95-ms as a line when set, and keeps the axis readable over a long watch', async () => {
    const results = Array.from({ length: 720 }, (_, i) => probe(i * 5000, 100 + (i % 7)));
    const { diagrams } = await renderReport(latencyChart(URL, results, config(3_600_000, 5000, 250)));
    const diagram = diagrams[0]!;
    const [limit] = series(diagram, 'line');
    expect(new Set(limit)).toEqual(new Set([250]));
    expect(Number(diagram.match(/y-axis "latency \(ms\)" 0 --> (\d+)/)![1])).toBeGreaterThan(250);
    // A numeric axis: Mermaid chooses a handful of ticks instead of one label per point.
    expect(diagram).toMatch(/x-axis "minutes since start" 0 --> 59\n/);
    expect(diagram).not.toMatch(/x-axis[^\n]*\[/);
  });
});
