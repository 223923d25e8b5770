import { formatDuration } from '../lib/duration';
import { codeBlock, markdownTable } from '../lib/markdown';
import type { Catalog, Difference } from '../lib/catalog';
import { dataOf, type Phase } from '../lib/phase';
import type { ApplyOutcome } from './apply';
import type { EmbeddedApply } from './embedded';
import type { BaseRef } from './base';
import { renderChangesTable, renderErDiagram } from './changes';
import type { CheckName, Finding } from './findings';
import type { GenerateResult } from './generate';
import type { LintResult } from './lint';
import type { Migration, MigrationSet } from '../lib/migrations/model';

export type StepState = 'passed' | 'failed' | 'warning' | 'skipped';

export interface SchemaCheckReport {
  passed: boolean;
  set: MigrationSet;
  base: BaseRef & { sha: string };
  added: Migration[];
  findings: Finding[];
  failOn: string;
  generate: Phase<GenerateResult>;
  embedded: Phase<EmbeddedApply>;
  database: Phase<ApplyOutcome>;
  lint: Phase<LintResult>;
  changes: Phase<{ before: Catalog; after: Catalog; differences: Difference[] }>;
  durationMs: number;
}

const ICON: Record<StepState, string> = { passed: '✅', failed: '❌', warning: '⚠️', skipped: '⏭️' };

function stateOf(findings: Finding[], check: CheckName, lintFails?: (f: Finding) => boolean): StepState {
  const mine = findings.filter((f) => f.check === check);
  const failing = lintFails ? mine.filter(lintFails) : mine.filter((f) => f.severity === 'error');
  if (failing.length) return 'failed';
  return mine.length ? 'warning' : 'passed';
}

function where(f: Finding): string {
  if (!f.file) return '';
  return f.line ? `\`${f.file}:${f.line}\`` : `\`${f.file}\``;
}

function ms(value: number): string {
  return formatDuration(value);
}

export function renderReport(r: SchemaCheckReport, lintFails: (f: Finding) => boolean): string {
  const count = r.added.length;
  const sections = [
    [
      `## Schema check ${r.passed ? '✅ passed' : '❌ failed'}`,
      '',
      `${count} new migration${count === 1 ? '' : 's'} in \`${r.set.displayDir}\` (${r.set.layout} layout) compared with \`${r.base.sha.slice(0, 12)}\` (${r.base.source}); ${ms(r.durationMs)}.`,
      '',
    ],
    problemsSection(r.findings, lintFails),
    [markdownTable(['check', 'result'], checkRows(r, lintFails)), ''],
    generateSection(r),
    newMigrationsSection(r),
    lintSection(dataOf(r.lint)),
    changesSection(r.changes),
    notesSection(r),
  ];
  return sections.flat().join('\n');
}

/** Every finding that fails the check, errors first, lint included: what a reviewer must read first. */
function problemsSection(findings: Finding[], lintFails: (f: Finding) => boolean): string[] {
  const fails = (f: Finding) => (f.check === 'lint' ? lintFails(f) : f.severity === 'error');
  const shown = findings
    .filter((f) => fails(f) || f.check !== 'lint')
    .sort((a, b) => Number(fails(b)) - Number(fails(a)));
  if (!shown.length) return [];
  return [
    '### Problems',
    '',
    markdownTable(
      ['severity', 'rule', 'where', 'what', 'fix'],
      shown.map((f) => [fails(f) ? 'error' : f.severity, f.rule, where(f), f.message, f.alternative ?? '']),
    ),
    '',
  ];
}

function checkRows(r: SchemaCheckReport, lintFails: (f: Finding) => boolean): string[][] {
  const row = (label: string, check: CheckName, ok: string): string[] => [
    `${ICON[stateOf(r.findings, check, check === 'lint' ? lintFails : undefined)]} ${label}`,
    summarise(r.findings, check, ok),
  ];
  const skippedRow = (label: string, reason: string): string[] => [`${ICON.skipped} ${label}`, reason];
  const embedded = dataOf(r.embedded);
  const database = dataOf(r.database);
  const lint = dataOf(r.lint);
  const changes = dataOf(r.changes);
  return [
    row('Folder integrity', 'integrity', 'journal, files and snapshots agree'),
    row('Order against base', 'order', 'new migrations come after every base migration'),
    r.generate.status === 'done'
      ? row('Generated and committed', 'generate', `\`${r.generate.data.command}\` writes nothing new`)
      : skippedRow('Generated and committed', r.generate.reason),
    embedded
      ? applyRow('Apply on embedded PostgreSQL (PGlite)', embedded.outcome, embedded.bootMs)
      : skippedRow('Apply on embedded PostgreSQL (PGlite)', r.embedded.status === 'skipped' ? r.embedded.reason : ''),
    ...(database ? [applyRow('Apply on database-url', database)] : []),
    lint
      ? [
          `${ICON[stateOf(r.findings, 'lint', lintFails)]} Lint`,
          `${lint.statements} statement(s): ${lint.findings.filter((f) => f.severity === 'error').length} error(s), ${lint.findings.filter((f) => f.severity !== 'error').length} warning(s), ${lint.suppressed.length} ignored by comment; fail-on: ${r.failOn}`,
        ]
      : skippedRow('Lint', r.lint.status === 'skipped' ? r.lint.reason : ''),
    changes
      ? ['ℹ️ What changes', `${changes.differences.length} structural difference(s)`]
      : skippedRow('What changes', r.changes.status === 'skipped' ? r.changes.reason : ''),
  ];
}

function applyRow(label: string, outcome: ApplyOutcome, bootMs?: number): string[] {
  if (outcome.failure) return [`${ICON.failed} ${label}`, outcome.failure.message];
  const total = outcome.timings.reduce((sum, t) => sum + t.durationMs, 0);
  const boot = bootMs !== undefined ? `ready in ${ms(bootMs)}; ` : '';
  return [
    `${ICON.passed} ${label}`,
    `${boot}${outcome.baseApplied} base migration(s) in ${ms(outcome.baseMs)}${outcome.seeded ? ', seed' : ''}, then ${outcome.timings.length} new in ${ms(total)}`,
  ];
}

function generateSection(r: SchemaCheckReport): string[] {
  const generate = dataOf(r.generate);
  if (!generate) return [];
  const out: string[] = [];
  if (generate.changed.length) {
    out.push('### What `generate` wrote (not committed)', '');
    out.push(`\`${generate.command}\` changed these files; the work tree was restored afterwards. Commit them:`, '');
    for (const file of generate.changed) out.push(`- \`${file.file}\` (${file.change})`);
    out.push('');
    for (const file of generate.changed.filter((f) => f.sql !== undefined)) {
      out.push(
        `<details open><summary><code>${file.file}</code></summary>`,
        '',
        codeBlock(file.sql!, 'sql'),
        '',
        '</details>',
        '',
      );
    }
  }
  if (r.findings.some((f) => f.rule === 'generate-failed' || f.rule === 'generate-needs-answer')) {
    out.push(
      '<details><summary>generate output</summary>',
      '',
      codeBlock(generate.output.slice(-4000)),
      '',
      '</details>',
      '',
    );
  }
  return out;
}

function newMigrationsSection(r: SchemaCheckReport): string[] {
  if (!r.added.length) return [];
  const embedded = new Map(dataOf(r.embedded)?.outcome.timings.map((t) => [t.migration.name, t.durationMs]));
  const database = dataOf(r.database);
  const onDatabase = new Map(database?.timings.map((t) => [t.migration.name, t.durationMs]));
  const time = (timings: Map<string, number>, name: string) => (timings.has(name) ? ms(timings.get(name)!) : '—');
  return [
    '### New migrations',
    '',
    markdownTable(
      ['migration', 'file', 'embedded apply', ...(database ? ['database-url apply'] : [])],
      r.added.map((m) => [
        m.name,
        `\`${m.file}\``,
        time(embedded, m.name),
        ...(database ? [time(onDatabase, m.name)] : []),
      ]),
    ),
    '',
  ];
}

function lintSection(lint: LintResult | undefined): string[] {
  if (!lint || (!lint.findings.length && !lint.suppressed.length)) return [];
  const out = ['### Lint', ''];
  if (lint.findings.length) {
    out.push(
      markdownTable(
        ['severity', 'rule', 'where', 'finding', 'safe alternative'],
        lint.findings.map((f) => [f.severity, f.rule, where(f), f.message, f.alternative ?? '']),
      ),
      '',
    );
  }
  if (lint.suppressed.length) {
    out.push('Ignored by `-- schema-check:ignore` comments:', '');
    out.push(
      markdownTable(
        ['rule', 'where', 'reason'],
        lint.suppressed.map((s) => [s.rule, `\`${s.file}:${s.line}\``, s.reason]),
      ),
      '',
    );
  }
  return out;
}

function changesSection(phase: SchemaCheckReport['changes']): string[] {
  const changes = dataOf(phase);
  if (!changes) return [];
  if (changes.differences.length === 0) {
    return ['### What changes', '', 'No structural change to tables, columns, indexes, constraints or enums.', ''];
  }
  const diagram = renderErDiagram(changes.before, changes.after, changes.differences);
  return [
    '### What changes',
    '',
    renderChangesTable(changes.differences),
    '',
    ...(diagram ? [codeBlock(diagram, 'mermaid'), ''] : []),
  ];
}

function notesSection(r: SchemaCheckReport): string[] {
  const outcomes = [dataOf(r.embedded)?.outcome, dataOf(r.database)].filter((o): o is ApplyOutcome => !!o);
  return outcomes.flatMap((o) => o.notes.flatMap((note) => [`> ${o.target}: ${note}`, '']));
}

function summarise(findings: Finding[], check: CheckName, ok: string): string {
  const mine = findings.filter((f) => f.check === check);
  if (!mine.length) return ok;
  return mine.map((f) => f.message).join('<br>');
}
