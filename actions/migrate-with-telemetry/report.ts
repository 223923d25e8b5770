import { formatDuration } from '../lib/duration';
import { codeBlock, markdownTable } from '../lib/markdown';
import type { LedgerLocation } from '../lib/migrations/ledger';
import { MigrationFailedError, type ExecuteFailure } from '../lib/migrations/executor';
import type { Migration, MigrationSet } from '../lib/migrations/model';
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
  if (result.executeFailure) lines.push(...failureSection(result, result.executeFailure));
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
    // The planner decided which migrations run outside a transaction; the report only says so.
    const outside = new Set(result.batches.filter((b) => !b.transactional).flatMap((b) => b.migrations));
    for (const migration of result.plan) {
      const flag = outside.has(migration) ? ' (outside a transaction)' : '';
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
    // Those rolled back or failing are said above; the rest were never started.
    const told = new Set([...(result.executeFailure?.rolledBack ?? []), result.executeFailure?.migration]);
    const notApplied = result.plan.slice(result.applied.length).filter((m) => !told.has(m));
    const label = result.executeFailure ? 'Not attempted' : 'Not applied';
    if (notApplied.length) lines.push(`${label}: ${notApplied.map((m) => `\`${m.name}\``).join(', ')}`, '');
  }
  return lines;
}

/** What a failed run left behind: rolled back, committed, and the statement PostgreSQL refused. */
function failureSection(result: TargetResult, failure: ExecuteFailure): string[] {
  const names = (migrations: Migration[]) => migrations.map((m) => `\`${m.name}\``).join(', ');
  const lines: string[] = [];
  if (failure.rolledBack.length > 0) {
    lines.push(
      `**Rolled back:** ${names(failure.rolledBack)} (the transaction was rolled back; ${failure.rolledBack.length === 1 ? 'it is' : 'they are'} not applied and not in the ledger).`,
      '',
    );
  }
  lines.push(
    result.applied.length > 0
      ? `**Committed:** ${names(result.applied.map((a) => a.migration))} stayed applied and ${result.applied.length === 1 ? 'is' : 'are'} in the ledger.`
      : failure.partial
        ? '**Committed:** no migration is recorded in the ledger.'
        : '**Committed:** nothing; the database is as it was before this run.',
    '',
  );
  if (failure.error instanceof MigrationFailedError) lines.push(...failingStatement(failure.error));
  return lines;
}

/** Lines of the failing statement shown around the one PostgreSQL points at. */
const STATEMENT_CONTEXT = 3;

/** The statement as psql shows a failure: file line numbers, and a caret under PostgreSQL's error position. */
export function failingStatement(error: MigrationFailedError): string[] {
  const { chunk, postgres } = error;
  const leading = chunk.sql.match(/^\s*/)?.[0] ?? '';
  const text = chunk.sql.slice(leading.length).trimEnd();
  const firstLine = chunk.line;
  const offset = postgres.position !== undefined ? Math.max(0, postgres.position - 1 - leading.length) : undefined;
  const before = offset !== undefined ? text.slice(0, offset) : undefined;
  const sqlLines = text.split('\n');
  const at = before !== undefined ? before.split('\n').length - 1 : Math.max(0, error.line - firstLine);
  const column = before !== undefined ? before.length - before.lastIndexOf('\n') - 1 : undefined;
  const from = Math.max(0, at - STATEMENT_CONTEXT);
  const to = Math.min(sqlLines.length, at + STATEMENT_CONTEXT + 1);
  const width = String(firstLine + to).length;
  const shown: string[] = [];
  for (let i = from; i < to; i++) {
    shown.push(`${String(firstLine + i).padStart(width)} | ${sqlLines[i]}`);
    if (i === at && column !== undefined) {
      shown.push(`${' '.repeat(width)} | ${sqlLines[i]!.slice(0, column).replace(/[^\t]/g, ' ')}^`);
    }
  }
  const where = postgres.position !== undefined ? `, PostgreSQL's position ${postgres.position}` : '';
  return [
    `Failing statement (\`${error.migration.file}:${firstLine + at}\`${where}):`,
    '',
    codeBlock(`${from > 0 ? '…\n' : ''}${shown.join('\n')}${to < sqlLines.length ? '\n…' : ''}`),
    '',
  ];
}
