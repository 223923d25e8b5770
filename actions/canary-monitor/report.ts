import { formatDuration } from '../lib/duration';
import { markdownTable } from '../lib/markdown';
import { redactUrl } from '../lib/secrets';
import type { CanaryConfig } from './config';
import type { DecisionOutcome } from './decision';
import type { WatchedDeployment } from './deployment';
import type { MonitorResult } from './monitor';
import type { ProbeResult } from './probe';
import { percent, type Verdict } from './verdict';

/** Mermaid renders a readable chart up to about this many points; longer watches are bucketed. */
const MAX_CHART_POINTS = 60;
const MAX_CHARTS = 5;
const MAX_FAILURE_ROWS = 50;

export interface CanaryReport {
  config: CanaryConfig;
  run: MonitorResult;
  verdict: Verdict;
  deployment?: WatchedDeployment;
  decision?: DecisionOutcome;
  /** Why the Vercel step failed, when it did. */
  decisionError?: string;
}

export function renderCanaryReport(report: CanaryReport): string {
  const { config, run, verdict } = report;
  const lines: string[] = [];
  lines.push(`## Canary monitor: ${verdict.healthy ? '✅ healthy' : '❌ unhealthy'}`, '');
  if (!verdict.healthy) lines.push(...verdict.reasons.map((reason) => `- ${reason}`), '');
  if (report.deployment) lines.push(`Deployment \`${report.deployment.id}\` (${report.deployment.url})`, '');
  if (report.decisionError) lines.push(`**Vercel step failed:** ${report.decisionError}`, '');
  else if (report.decision) lines.push(`**Decision: ${report.decision.decision}** — ${report.decision.detail}`, '');

  lines.push(verdictTable(config, run, verdict), '');
  lines.push(
    `Watched ${config.urls.map((u) => `\`${redactUrl(u)}\``).join(', ')} every ${formatDuration(config.intervalMs)} ` +
      `for ${formatDuration(config.durationMs)}` +
      (run.failFast ? ` (ended early by fail-fast after ${formatDuration(run.failFast.atMs)}).` : '.'),
    '',
  );

  lines.push('### Latency over time', '');
  const urls = config.urls.slice(0, MAX_CHARTS);
  for (const url of urls)
    lines.push(
      latencyChart(
        url,
        run.results.filter((r) => r.url === url),
        config,
      ),
      '',
    );
  if (config.urls.length > MAX_CHARTS)
    lines.push(`_Charts for ${config.urls.length - MAX_CHARTS} more URL(s) omitted._`, '');
  lines.push(chartLegend(config), '');

  const failures = run.results.filter((r) => !r.ok);
  lines.push(`### Failures (${failures.length})`, '');
  if (failures.length === 0) lines.push('No probe failed.');
  else {
    const rows = failures
      .slice(0, MAX_FAILURE_ROWS)
      .map((r) => [
        formatDuration(r.at),
        redactUrl(r.url),
        r.status ? String(r.status) : '—',
        `${r.latencyMs}ms`,
        r.reason ?? '',
      ]);
    lines.push(markdownTable(['At', 'URL', 'Status', 'Took', 'Reason'], rows));
    if (failures.length > MAX_FAILURE_ROWS)
      lines.push('', `_${failures.length - MAX_FAILURE_ROWS} more failure(s) omitted._`);
  }
  return `${lines.join('\n')}\n`;
}

function chartLegend(config: CanaryConfig): string {
  const limit = config.thresholds.maxP95Ms;
  return (
    '_Short bars: latency of the probes that succeeded, in ms. Full-height bars in the second colour: ticks where a ' +
    `probe failed or timed out (not a response time). No bar: no probe ran.${limit !== undefined ? ` Line: max-p95-ms (${limit} ms).` : ''}_`
  );
}

function verdictTable(config: CanaryConfig, run: MonitorResult, verdict: Verdict): string {
  const t = config.thresholds;
  const mark = (ok: boolean) => (ok ? '✅' : '❌');
  const ms = (value: number | undefined) => (value === undefined ? '—' : `${value} ms`);
  const p95ok = t.maxP95Ms === undefined || (verdict.p95Ms !== undefined && verdict.p95Ms <= t.maxP95Ms);
  const rows = [
    ['Samples', String(verdict.samples), `≥ ${t.minSamples}`, mark(verdict.samples >= t.minSamples)],
    [
      'Error rate',
      `${percent(verdict.errorRate)} (${verdict.errors} failed)`,
      `≤ ${percent(t.maxErrorRate)}`,
      mark(verdict.errorRate <= t.maxErrorRate),
    ],
    ['p50 latency', ms(verdict.p50Ms), '', ''],
    [
      'p95 latency',
      ms(verdict.p95Ms),
      t.maxP95Ms === undefined ? '' : `≤ ${t.maxP95Ms} ms`,
      t.maxP95Ms === undefined ? '' : mark(p95ok),
    ],
    ['Max latency', ms(verdict.maxMs), '', ''],
    [
      'Consecutive failures',
      run.failFast ? `${run.failFast.consecutive} on ${redactUrl(run.failFast.url)}` : 'below limit',
      t.failFastAfter > 0 ? `< ${t.failFastAfter}` : 'fail-fast off',
      t.failFastAfter > 0 ? mark(!run.failFast) : '',
    ],
    ['Skipped ticks (previous probe still running)', String(verdict.skippedTicks), '', ''],
  ];
  return markdownTable(['Check', 'Value', 'Threshold', 'Result'], rows);
}

/**
 * One xychart per URL. Latency of the probes that succeeded is a bar per tick (the slowest, when ticks are bucketed);
 * a tick where a probe failed or timed out is a full-height bar of its own series instead of a latency, so a timeout cannot pose
 * as a slow response; a tick with no probe has no bar. The x-axis is numeric, so Mermaid picks a few readable
 * ticks however long the watch; max-p95-ms, when set, is a line across.
 */
export function latencyChart(url: string, results: ProbeResult[], config: CanaryConfig): string {
  const planned = Math.max(1, Math.ceil(config.durationMs / config.intervalMs));
  // After fail-fast the rest of the planned window holds no probes; charting it would flatten the story.
  const lastTick = Math.max(0, ...results.map((r) => Math.round(r.at / config.intervalMs)));
  const ticks = results.length > 0 ? Math.min(planned, lastTick + 1) : planned;
  const perBucket = Math.ceil(ticks / MAX_CHART_POINTS);
  const buckets = Math.ceil(ticks / perBucket);
  const latency: number[] = new Array<number>(buckets).fill(0);
  const failed: boolean[] = new Array<boolean>(buckets).fill(false);
  for (const r of results) {
    const bucket = Math.min(buckets - 1, Math.floor(Math.round(r.at / config.intervalMs) / perBucket));
    if (r.ok) latency[bucket] = Math.max(latency[bucket]!, r.latencyMs);
    else failed[bucket] = true;
  }
  const limit = config.thresholds.maxP95Ms;
  const top = Math.ceil(Math.max(10, limit ?? 0, ...latency) * 1.1);
  const bucketMs = perBucket * config.intervalMs;
  const minutes = (buckets - 1) * bucketMs >= 10 * 60_000;
  const unit = minutes ? 60_000 : 1000;
  const span = round(((buckets - 1) * bucketMs) / unit) || 1;
  const title = redactUrl(url).replace(/"/g, "'");
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${title}"`,
    `  x-axis "${minutes ? 'minutes' : 'seconds'} since start" 0 --> ${span}`,
    `  y-axis "latency (ms)" 0 --> ${top}`,
    `  bar [${latency.map((v, i) => (failed[i] ? 0 : v)).join(', ')}]`,
    `  bar [${failed.map((f) => (f ? top : 0)).join(', ')}]`,
    ...(limit !== undefined ? [`  line [${latency.map(() => limit).join(', ')}]`] : []),
    '```',
  ].join('\n');
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
