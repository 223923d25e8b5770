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
  lines.push('_Line: latency of each probe in ms (0 where no probe ran). Bars: ticks where a probe failed._', '');

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

/** One xychart per URL: latency as a line, failed ticks as full-height bars so they stand out. */
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
    latency[bucket] = Math.max(latency[bucket]!, r.latencyMs);
    if (!r.ok) failed[bucket] = true;
  }
  const top = Math.max(10, ...latency);
  const labels = Array.from({ length: buckets }, (_, i) => `"${formatDuration(i * perBucket * config.intervalMs)}"`);
  const title = redactUrl(url).replace(/"/g, "'");
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${title}"`,
    `  x-axis "time since start" [${labels.join(', ')}]`,
    `  y-axis "latency (ms)" 0 --> ${Math.ceil(top * 1.1)}`,
    `  bar [${failed.map((f) => (f ? Math.ceil(top * 1.1) : 0)).join(', ')}]`,
    `  line [${latency.join(', ')}]`,
    '```',
  ].join('\n');
}
