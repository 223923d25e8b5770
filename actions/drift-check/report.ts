import type { Difference, ObjectType } from '../lib/catalog/model';
import { codeBlock, markdownTable } from '../lib/markdown';
import type { LedgerLocation } from '../lib/migrations/ledger';
import type { MigrationSet } from '../lib/migrations/model';
import { ledgerProblemsTable, type LedgerState } from '../lib/migrations/verify';

export interface DriftFinding extends Difference {
  /** SQL that would bring the live object back to its migrated definition, for review. */
  sql: string;
}

/** Where the applied migrations were replayed: PGlite, or a temporary database on the user's scratch server. */
export type ReplayedInto = 'embedded' | 'scratch';

export interface DriftResult {
  environment: string;
  drift: boolean;
  set: MigrationSet;
  ledger: LedgerLocation;
  state: LedgerState;
  findings: DriftFinding[];
  schemas: string[];
  ignore: string[];
  versions: { live: string; expected: string; replayedInto: ReplayedInto };
}

/** The machine-readable findings (`report-json`). */
export function driftJson(result: DriftResult): object {
  return {
    drift: result.drift,
    environment: result.environment,
    ledger: {
      applied: result.state.applied.length,
      pending: result.state.pending.map((m) => m.name),
      problems: result.state.problems.map(({ kind, name, message }) => ({ kind, name, message })),
    },
    differences: result.findings.map((f) => ({
      kind: f.objectType,
      change: f.change,
      object: f.object,
      ...(f.table ? { table: f.table } : {}),
      ...(f.from !== undefined ? { expected: f.from } : {}),
      ...(f.to !== undefined ? { actual: f.to } : {}),
      ...(f.aspects ? { aspects: f.aspects } : {}),
      sql: f.sql,
    })),
  };
}

const TABLE_BUDGET = 30_000;
const SQL_BUDGET = 20_000;

/** Very long definitions (a whole CREATE TABLE) are shortened in the table; report-json has them in full. */
function clip(text: string, limit = 600): string {
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}

const CHANGE_WORDS: Record<Difference['change'], string> = {
  added: 'not in migrations (added by hand?)',
  removed: 'missing from the database',
  changed: 'differs',
};

function replayedInto(versions: DriftResult['versions']): string {
  return versions.replayedInto === 'scratch'
    ? `a temporary database on the scratch server (PostgreSQL ${versions.expected})`
    : `PostgreSQL ${versions.expected} (PGlite)`;
}

export function renderDriftReport(result: DriftResult): string {
  const { state, findings } = result;
  const lines: string[] = [`## Schema drift: ${result.environment}`, ''];
  const verdict = result.drift
    ? `❌ **Drift found**: ${findings.length} difference(s) between the database and its migrations, ${state.problems.length} ledger problem(s).`
    : `✅ **No drift**: the database matches the ${state.applied.length} migration(s) it has applied.`;
  lines.push(verdict, '');
  lines.push(
    `${state.applied.length} applied, ${state.pending.length} pending, in \`${result.set.displayDir}\` (${result.set.layout} layout), ledger \`${result.ledger.schema}.${result.ledger.table}\`. ` +
      `Compared schemas: ${result.schemas.length ? result.schemas.map((s) => `\`${s}\``).join(', ') : 'none'}` +
      `${result.ignore.length ? `; ignoring ${result.ignore.map((p) => `\`${p}\``).join(', ')}` : ''}. ` +
      `Live PostgreSQL ${result.versions.live}; expected schema built by replaying the applied migrations into ${replayedInto(result.versions)}.`,
    '',
  );
  if (state.problems.length) {
    lines.push('### Ledger problems', '');
    lines.push(ledgerProblemsTable(state.problems), '');
    if (state.problems.some((p) => p.kind === 'missing'))
      lines.push(
        '> Applied migrations without a file could not be replayed: objects they created show up below as not in migrations.',
        '',
      );
    if (state.problems.some((p) => p.kind === 'modified'))
      lines.push(
        '> Edited migrations were replayed as they are on disk now, which may differ from what the database received.',
        '',
      );
  }
  if (state.pending.length) {
    lines.push(
      `### Pending migrations`,
      '',
      `Not applied yet (not drift: run your migrate step): ${state.pending.map((m) => `\`${m.name}\``).join(', ')}.`,
      '',
    );
  }
  if (findings.length) {
    lines.push('### Differences', '');
    lines.push(
      '_Expected_ is what the applied migrations define; _actual_ is what the database has. Definitions are normalised catalog text.',
      '',
    );
    // The runner refuses job summaries over 1 MiB and GitHub issue bodies over 64 KiB: past a budget the rest is
    // counted, and report-json keeps every difference.
    let shown = 0;
    let budget = TABLE_BUDGET;
    for (const [owner, group] of groupByOwner(findings)) {
      const section = [
        `#### \`${owner}\``,
        '',
        markdownTable(
          ['object', 'kind', 'change', 'expected', 'actual'],
          group.map((f) => [
            `\`${f.object}\``,
            f.objectType,
            f.change === 'changed' && f.aspects
              ? `${CHANGE_WORDS.changed}: ${f.aspects.join(', ')}`
              : CHANGE_WORDS[f.change],
            f.from === undefined ? '—' : `\`${clip(f.from)}\``,
            f.to === undefined ? '—' : `\`${clip(f.to)}\``,
          ]),
        ),
        '',
      ].join('\n');
      if (section.length > budget && shown > 0) break;
      budget -= section.length;
      shown += group.length;
      lines.push(section);
    }
    if (shown < findings.length) {
      lines.push(`_…and ${findings.length - shown} more difference(s), listed in the \`report-json\` file._`, '');
    }
    lines.push('### Suggested SQL (review before running)', '');
    lines.push(
      '> ⚠️ Generated to bring the database back in line with its migrations. **Review it first**: drops lose data, and if the hand-made change should stay, write a migration that makes it instead.',
      '',
    );
    const statements: string[] = [];
    let sqlBudget = SQL_BUDGET;
    for (const f of findings) {
      const text = `-- ${f.change} ${f.objectType} ${f.object}\n${f.sql}`;
      if (text.length > sqlBudget && statements.length > 0) {
        statements.push(`-- …SQL for ${findings.length - statements.length} more difference(s) is in report-json`);
        break;
      }
      sqlBudget -= text.length;
      statements.push(text);
    }
    lines.push(codeBlock(statements.join('\n\n'), 'sql'));
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * Differences grouped under their table, or the object they are about (a function's grants and comment with the
 * function), or themselves, in report order.
 */
/**
 * How much a kind of difference can hurt, most first: what the application's correctness or security relies on
 * (missing tables, columns, constraints, row-level security) before what only costs performance (indexes), and
 * cosmetic ones (comments, owners) last.
 */
const IMPACT: ObjectType[] = [
  'schema',
  'table',
  'column',
  'constraint',
  'rls',
  'policy',
  'grant',
  'index',
  'enum',
  'domain',
  'composite-type',
  'range-type',
  'trigger',
  'function',
  'procedure',
  'view',
  'materialized-view',
  'view-options',
  'sequence',
  'extension',
  'collation',
  'owner',
  'comment',
];

function impact(f: DriftFinding): number {
  const rank = IMPACT.indexOf(f.objectType);
  // Something missing from the database is worse than something extra in it.
  return (rank === -1 ? IMPACT.length : rank) * 3 + (f.change === 'removed' ? 0 : f.change === 'changed' ? 1 : 2);
}

/** Differences grouped by the object they belong to, the groups ordered by their most harmful difference. */
function groupByOwner(findings: DriftFinding[]): Map<string, DriftFinding[]> {
  const groups = new Map<string, DriftFinding[]>();
  for (const f of [...findings].sort((a, b) => impact(a) - impact(b))) {
    const owner = f.table ?? f.subject ?? f.object;
    groups.set(owner, [...(groups.get(owner) ?? []), f]);
  }
  return groups;
}
