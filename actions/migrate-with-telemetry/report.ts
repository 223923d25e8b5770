import { formatDuration } from '../lib/duration';
import { codeBlock, markdownTable } from '../lib/markdown';
import type { LedgerLocation } from '../lib/migrations/ledger';
import type { MigrationSet } from '../lib/migrations/model';
import type { RunStatus } from '../lib/telemetry/events';
import type { MigrateOptions } from './options';
import type { TargetResult } from './target';

const ICON: Record<RunStatus, string> = {
  applied: '✅',
  'up-to-date': '✅',
  'dry-run': '📝',
  failed: '❌',
  'timed-out': '⏱️',
  cancelled: '🛑',
};

/** SQL in a dry-run report is capped so a large first deploy still fits in the job summary. */
const DRY_RUN_SQL_LIMIT = 60_000;

export interface ReportInput {
  status: RunStatus;
  runId: string;
  durationMs: number;
  set: MigrationSet;
  ledger: LedgerLocation;
  options: MigrateOptions;
  results: TargetResult[];
  telemetryWarnings: string[];
}

export function renderMigrateReport(input: ReportInput): string {
  const { options, results, set } = input;
  const lines: string[] = [
    `## ${ICON[input.status]} Migrations ${input.status} — ${options.environment}`,
    '',
    `Run \`${input.runId}\` in ${formatDuration(input.durationMs)}; ${set.migrations.length} migrations in \`${set.displayDir}\` (${set.layout} layout), ledger \`${input.ledger.schema}.${input.ledger.table}\`, transaction: ${options.transaction}${options.dryRun ? ', dry run: nothing was changed' : ''}.`,
    '',
  ];
  if (results.length > 1) {
    lines.push(
      markdownTable(
        ['target', 'status', 'applied', 'pending after', 'problem'],
        results.map((r) => [
          r.target.label,
          `${ICON[r.status]} ${r.status}`,
          String(r.applied.length),
          String(r.pendingAfter),
          r.failure ?? '',
        ]),
      ),
      '',
    );
  }
  for (const result of results) {
    if (results.length > 1) lines.push(`### ${result.target.label}`, '');
    lines.push(...targetSection(result, options));
  }
  if (input.telemetryWarnings.length > 0) {
    lines.push('### Telemetry', '', ...input.telemetryWarnings.map((w) => `- ⚠️ ${w}`), '');
  }
  return lines.join('\n');
}

function targetSection(result: TargetResult, options: MigrateOptions): string[] {
  const lines: string[] = [];
  if (result.failure) lines.push(`**${result.status}:** ${result.failure}`, '');
  for (const note of result.notes) lines.push(`> ${note}`, '');
  if (result.problems.length > 0) {
    lines.push(
      markdownTable(
        ['problem', 'migration', 'what to do'],
        result.problems.map((p) => [p.kind, p.name, p.message]),
      ),
      '',
    );
  }
  if (result.applied.length > 0) {
    lines.push(
      markdownTable(
        ['applied', 'duration', 'hash'],
        result.applied.map((a) => [
          a.migration.name,
          formatDuration(a.durationMs),
          `\`${a.migration.hash.slice(0, 12)}\``,
        ]),
      ),
      '',
    );
  } else if (result.status === 'up-to-date') {
    lines.push('Nothing pending: the database is up to date.', '');
  }
  if (options.dryRun && result.plan.length > 0) {
    lines.push(`Would apply ${result.plan.length} migration(s), in this order:`, '');
    let budget = DRY_RUN_SQL_LIMIT;
    for (const migration of result.plan) {
      const flag = migration.noTransaction && options.transaction === 'each' ? ' (outside a transaction)' : '';
      lines.push(`<details><summary><code>${migration.name}</code>${flag} — ${migration.file}</summary>`, '');
      if (budget > 0) {
        lines.push(codeBlock(migration.sql.slice(0, budget), 'sql'));
        budget -= migration.sql.length;
      } else {
        lines.push('(SQL left out to keep the report short; see the log)');
      }
      lines.push('', '</details>', '');
    }
  } else if (result.plan.length > result.applied.length && result.status !== 'up-to-date') {
    const notApplied = result.plan.slice(result.applied.length).map((m) => `\`${m.name}\``);
    lines.push(`Not applied: ${notApplied.join(', ')}`, '');
  }
  return lines;
}
