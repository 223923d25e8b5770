import { codeBlock, markdownTable } from '../lib/markdown';
import type { Catalog, Difference } from '../lib/catalog';
import type { ApplyOutcome } from './apply';
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
  generate?: GenerateResult;
  generateSkipped?: string;
  embedded?: ApplyOutcome & { bootMs?: number };
  embeddedSkipped?: string;
  database?: ApplyOutcome;
  lint?: LintResult;
  lintSkipped?: string;
  changes?: { before: Catalog; after: Catalog; differences: Difference[] };
  changesSkipped?: string;
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
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
}

export function renderReport(r: SchemaCheckReport, lintFails: (f: Finding) => boolean): string {
  const out: string[] = [];
  const count = r.added.length;
  out.push(`## Schema check ${r.passed ? '✅ passed' : '❌ failed'}`, '');
  out.push(
    `${count} new migration${count === 1 ? '' : 's'} in \`${r.set.displayDir}\` (${r.set.layout} layout) compared with \`${r.base.sha.slice(0, 12)}\` (${r.base.source}); ${ms(r.durationMs)}.`,
    '',
  );

  const rows: string[][] = [];
  const integrity = stateOf(r.findings, 'integrity');
  rows.push([
    `${ICON[integrity]} Folder integrity`,
    summarise(r.findings, 'integrity', 'journal, files and snapshots agree'),
  ]);
  const order = stateOf(r.findings, 'order');
  rows.push([
    `${ICON[order]} Order against base`,
    summarise(r.findings, 'order', 'new migrations come after every base migration'),
  ]);
  if (r.generate) {
    const state = stateOf(r.findings, 'generate');
    rows.push([
      `${ICON[state]} Generated and committed`,
      summarise(r.findings, 'generate', `\`${r.generate.command}\` writes nothing new`),
    ]);
  } else {
    rows.push([`${ICON.skipped} Generated and committed`, r.generateSkipped ?? 'skipped']);
  }
  const applyRow = (label: string, outcome: ApplyOutcome | undefined, skipped: string | undefined, bootMs?: number) => {
    if (!outcome) return rows.push([`${ICON.skipped} ${label}`, skipped ?? 'skipped']);
    if (outcome.failure) return rows.push([`${ICON.failed} ${label}`, outcome.failure.message]);
    const total = outcome.timings.reduce((sum, t) => sum + t.durationMs, 0);
    const boot = bootMs !== undefined ? `ready in ${ms(bootMs)}; ` : '';
    return rows.push([
      `${ICON.passed} ${label}`,
      `${boot}${outcome.baseApplied} base migration(s) in ${ms(outcome.baseMs)}${outcome.seeded ? ', seed' : ''}, then ${outcome.timings.length} new in ${ms(total)}`,
    ]);
  };
  applyRow('Apply on embedded PostgreSQL (PGlite)', r.embedded, r.embeddedSkipped, r.embedded?.bootMs);
  if (r.database) applyRow('Apply on database-url', r.database, undefined);
  if (r.lint) {
    const state = stateOf(r.findings, 'lint', lintFails);
    const errors = r.lint.findings.filter((f) => f.severity === 'error').length;
    const warnings = r.lint.findings.length - errors;
    rows.push([
      `${ICON[state]} Lint`,
      `${r.lint.statements} statement(s): ${errors} error(s), ${warnings} warning(s), ${r.lint.suppressed.length} ignored by comment; fail-on: ${r.failOn}`,
    ]);
  } else {
    rows.push([`${ICON.skipped} Lint`, r.lintSkipped ?? 'skipped']);
  }
  if (r.changes) {
    rows.push([`ℹ️ What changes`, `${r.changes.differences.length} structural difference(s)`]);
  } else {
    rows.push([`${ICON.skipped} What changes`, r.changesSkipped ?? 'skipped']);
  }
  out.push(markdownTable(['check', 'result'], rows), '');

  const problems = r.findings.filter((f) => f.check !== 'lint');
  if (problems.length) {
    out.push('### Problems', '');
    out.push(
      markdownTable(
        ['severity', 'rule', 'where', 'what', 'fix'],
        problems.map((f) => [f.severity, f.rule, where(f), f.message, f.alternative ?? '']),
      ),
      '',
    );
  }

  if (r.generate && r.generate.changed.length) {
    out.push('### What `generate` wrote (not committed)', '');
    out.push(`\`${r.generate.command}\` changed these files; the work tree was restored afterwards. Commit them:`, '');
    for (const file of r.generate.changed) {
      out.push(`- \`${file.file}\` (${file.change})`);
    }
    out.push('');
    for (const file of r.generate.changed.filter((f) => f.sql !== undefined)) {
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
  if (r.generate && r.findings.some((f) => f.rule === 'generate-failed' || f.rule === 'generate-needs-answer')) {
    out.push(
      '<details><summary>generate output</summary>',
      '',
      codeBlock(r.generate.output.slice(-4000)),
      '',
      '</details>',
      '',
    );
  }

  if (r.added.length) {
    out.push('### New migrations', '');
    const embedded = new Map(r.embedded?.timings.map((t) => [t.name, t.durationMs]));
    const database = new Map(r.database?.timings.map((t) => [t.name, t.durationMs]));
    out.push(
      markdownTable(
        ['migration', 'file', 'embedded apply', ...(r.database ? ['database-url apply'] : [])],
        r.added.map((m) => [
          m.name,
          `\`${m.file}\``,
          embedded.has(m.name) ? ms(embedded.get(m.name)!) : '—',
          ...(r.database ? [database.has(m.name) ? ms(database.get(m.name)!) : '—'] : []),
        ]),
      ),
      '',
    );
  }

  if (r.lint && (r.lint.findings.length || r.lint.suppressed.length)) {
    out.push('### Lint', '');
    if (r.lint.findings.length) {
      out.push(
        markdownTable(
          ['severity', 'rule', 'where', 'finding', 'safe alternative'],
          r.lint.findings.map((f) => [f.severity, f.rule, where(f), f.message, f.alternative ?? '']),
        ),
        '',
      );
    }
    if (r.lint.suppressed.length) {
      out.push('Ignored by `-- schema-check:ignore` comments:', '');
      out.push(
        markdownTable(
          ['rule', 'where', 'reason'],
          r.lint.suppressed.map((s) => [s.rule, `\`${s.file}:${s.line}\``, s.reason]),
        ),
        '',
      );
    }
  }

  if (r.changes) {
    out.push('### What changes', '');
    if (r.changes.differences.length === 0) {
      out.push('No structural change to tables, columns, indexes, constraints or enums.', '');
    } else {
      out.push(renderChangesTable(r.changes.differences), '');
      const diagram = renderErDiagram(r.changes.before, r.changes.after, r.changes.differences);
      if (diagram) out.push(codeBlock(diagram, 'mermaid'), '');
    }
  }
  for (const outcome of [r.embedded, r.database]) {
    for (const note of outcome?.notes ?? []) out.push(`> ${outcome!.target}: ${note}`, '');
  }
  return out.join('\n');
}

function summarise(findings: Finding[], check: CheckName, ok: string): string {
  const mine = findings.filter((f) => f.check === check);
  if (!mine.length) return ok;
  return mine.map((f) => f.message).join('<br>');
}
