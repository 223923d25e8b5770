import { formatDuration } from '../lib/duration';
import { codeBlock, inlineCode, markdownLink, markdownTable } from '../lib/markdown';
import type { RunContext } from '../lib/command';
import { blobUrl, tableSection, type CommentMode, type ReportSection } from '../lib/report';
import type { Catalog, Difference } from '../lib/catalog';
import { dataOf, type Phase } from '../lib/phase';
import type { ApplyOutcome } from './apply';
import type { EmbeddedApply } from './embedded';
import { lockName, type Effect } from './effects';
import type { BaseRef } from './base';
import type { ReviewSuggestion } from '../lib/review-comments';
import { changesTable, renderErDiagram } from './changes';
import { lintSuggestions } from './suggestions';
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
  effects: Effect[];
  durationMs: number;
}

const ICON: Record<StepState, string> = { passed: '✅', failed: '❌', warning: '⚠️', skipped: '⏭️' };

function stateOf(findings: Finding[], check: CheckName, fails: (f: Finding) => boolean): StepState {
  const mine = findings.filter((f) => f.check === check);
  if (mine.some(fails)) return 'failed';
  return mine.length ? 'warning' : 'passed';
}

function ms(value: number): string {
  return formatDuration(value);
}

export interface ReportContext {
  /** Whether a lint finding fails the check (fail-on); other findings fail when they are errors. */
  lintFails: (f: Finding) => boolean;
  /** The URL of a line of a project file at the head commit, when the run knows its repository. */
  link?: (file: string, line?: number) => string | undefined;
  /** A project file's path as the repository names it. */
  repositoryPath?: (file: string) => string;
}

/** Links to the head commit's lines, naming files as the repository does. */
export function reportContext(context: RunContext, lintFails: (f: Finding) => boolean): ReportContext {
  const sha = context.github.pullRequest?.headSha ?? context.github.sha;
  const path = (file: string) => context.logger.repositoryPath(file);
  return {
    lintFails,
    repositoryPath: path,
    link: context.mode === 'action' ? (file, line) => blobUrl(context.github, sha, path(file), line) : undefined,
  };
}

/** The `comment` input as the publisher takes it. */
export function commentMode(input: 'always' | 'on-failure' | 'never', passed: boolean): CommentMode {
  if (input === 'never') return false;
  return input === 'always' || !passed ? true : 'update';
}

export function renderReport(r: SchemaCheckReport, context: ReportContext): ReportSection[] {
  const fails = (f: Finding) => (f.check === 'lint' ? context.lintFails(f) : f.severity === 'error');
  const failing = r.findings.filter(fails);
  const sections: Array<ReportSection | undefined> = [
    verdictSection(r, failing.length),
    findingsSection('Problems', failing, context),
    findingsSection(
      'Warnings',
      r.findings.filter((f) => !fails(f)),
      context,
    ),
    { markdown: markdownTable(['check', 'result'], checkRows(r, fails)) },
    generateSection(r),
    newMigrationsSection(r),
    ignoredSection(dataOf(r.lint), context),
    effectsSection(r.effects),
    ...changesSections(r.changes),
    notesSection(r),
  ];
  return sections.filter((s): s is ReportSection => !!s);
}

function verdictSection(r: SchemaCheckReport, problems: number): ReportSection {
  const count = r.added.length;
  const verdict = r.passed ? '✅ passed' : `❌ failed: ${problems} problem${problems === 1 ? '' : 's'}`;
  return {
    markdown: [
      `## Schema check ${verdict}`,
      '',
      `${count} new migration${count === 1 ? '' : 's'} in \`${r.set.displayDir}\` (${r.set.layout} layout) compared with \`${r.base.sha.slice(0, 12)}\` (${r.base.source}); ${ms(r.durationMs)}.`,
    ].join('\n'),
  };
}

const SEVERITY_ORDER: Record<string, number> = { error: 0, warning: 1 };

/** Findings sorted by severity, each once, with a link to its line and its fix. */
function findingsSection(title: string, findings: Finding[], context: ReportContext): ReportSection | undefined {
  if (!findings.length) return undefined;
  const sorted = [...findings].sort((a, b) => (SEVERITY_ORDER[a.severity] ?? 2) - (SEVERITY_ORDER[b.severity] ?? 2));
  const rows = sorted.map((f) => [
    `${title === 'Problems' ? ICON.failed : ICON.warning} ${f.rule}`,
    where(f, context),
    messageOf(f),
    f.alternative ?? '',
  ]);
  const section = tableSection(`### ${title}`, ['', 'where', 'problem', 'fix'], rows, title.toLowerCase());
  // What fails the check stays on the pull request whatever the length; warnings may be condensed.
  return title === 'Problems' ? { markdown: section.markdown } : section;
}

function where(f: Finding, context: ReportContext): string {
  if (!f.file) return '';
  const path = context.repositoryPath?.(f.file) ?? f.file;
  const text = inlineCode(f.line ? `${path}:${f.line}` : path);
  return markdownLink(text, context.link?.(f.file, f.line));
}

/** Lint prefixes its messages with the migration's name, which the `where` column already shows. */
function messageOf(f: Finding): string {
  const prefix = f.migration ? `${f.migration}: ` : '';
  return prefix && f.message.startsWith(prefix) ? f.message.slice(prefix.length) : f.message;
}

function checkRows(r: SchemaCheckReport, fails: (f: Finding) => boolean): string[][] {
  const row = (label: string, check: CheckName, ok: string): string[] => [
    `${ICON[stateOf(r.findings, check, fails)]} ${label}`,
    summarise(r.findings, check, ok, fails),
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
      ? applyRow('Apply on embedded PostgreSQL (PGlite)', embedded.outcome, embedded.bootMs, embedded.cache?.restored)
      : skippedRow('Apply on embedded PostgreSQL (PGlite)', r.embedded.status === 'skipped' ? r.embedded.reason : ''),
    ...(database ? [applyRow('Apply on database-url', database)] : []),
    lint
      ? [
          `${ICON[stateOf(r.findings, 'lint', fails)]} Lint`,
          `${lint.statements} statement(s): ${lint.findings.filter((f) => f.severity === 'error').length} error(s), ${lint.findings.filter((f) => f.severity !== 'error').length} warning(s), ${lint.suppressed.length} ignored by comment; fail-on: ${r.failOn}`,
        ]
      : skippedRow('Lint', r.lint.status === 'skipped' ? r.lint.reason : ''),
    changes
      ? ['ℹ️ What changes', `${changes.differences.length} structural difference(s)`]
      : skippedRow('What changes', r.changes.status === 'skipped' ? r.changes.reason : ''),
  ];
}

function applyRow(label: string, outcome: ApplyOutcome, bootMs?: number, baseRestored?: boolean): string[] {
  if (outcome.failure) return [`${ICON.failed} ${label}`, 'failed: see Problems'];
  const total = outcome.timings.reduce((sum, t) => sum + t.durationMs, 0);
  const boot = bootMs !== undefined ? `ready in ${ms(bootMs)}; ` : '';
  const base = baseRestored
    ? 'base migrations restored from the saved state (embedded-cache)'
    : `${outcome.baseApplied} base migration(s) in ${ms(outcome.baseMs)}`;
  return [
    `${ICON.passed} ${label}`,
    `${boot}${base}${outcome.seeded ? ', seed' : ''}, then ${outcome.timings.length} new in ${ms(total)}`,
  ];
}

function generateSection(r: SchemaCheckReport): ReportSection | undefined {
  const generate = dataOf(r.generate);
  if (!generate) return undefined;
  const out: string[] = [];
  const written = generate.changed.filter((f) => f.sql !== undefined);
  if (written.length) {
    out.push('### SQL from `generate`, not committed', '');
    for (const file of written) {
      out.push(
        `<details open><summary><code>${file.file}</code> (${file.change})</summary>`,
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
    );
  }
  if (!out.length) return undefined;
  return {
    markdown: out.join('\n'),
    shrink: 'detail',
    short: '_The SQL from `generate` is in the job summary._',
  };
}

function newMigrationsSection(r: SchemaCheckReport): ReportSection | undefined {
  if (!r.added.length) return undefined;
  const embedded = new Map(dataOf(r.embedded)?.outcome.timings.map((t) => [t.migration.name, t.durationMs]));
  const database = dataOf(r.database);
  const onDatabase = new Map(database?.timings.map((t) => [t.migration.name, t.durationMs]));
  const time = (timings: Map<string, number>, name: string) => (timings.has(name) ? ms(timings.get(name)!) : '—');
  return tableSection(
    '### New migrations',
    ['file', 'embedded apply', ...(database ? ['database-url apply'] : [])],
    r.added.map((m) => [inlineCode(m.file), time(embedded, m.name), ...(database ? [time(onDatabase, m.name)] : [])]),
    'migrations',
  );
}

/** Locks, rewrites and scans PostgreSQL was seen to take on existing tables, and how long each lock lasted. */
function effectsSection(effects: Effect[]): ReportSection | undefined {
  if (!effects.length) return undefined;
  const rows = groupEffects(effects).map((group) => {
    const [e] = group as [Effect, ...Effect[]];
    const modes = group.flatMap((g) => (g.lock ? [g.lock] : [])).sort((a, b) => lockRank(b) - lockRank(a));
    const [strongest, ...weaker] = modes.map(lockName);
    const lock = strongest
      ? `${strongest}${weaker.length ? ` (also ${weaker.join(', ')})` : ''}`
      : 'lock not observable';
    const what = [lock, group.some((g) => g.rewrite) && 'rewrite', group.some((g) => g.scan) && 'scan'];
    const n = e['statements-later'];
    const later =
      e['held-until'] === 'commit' ? `, ${n} statement${n === 1 ? '' : 's'} later (${ms(e['ms-later'])})` : '';
    return [
      `${what.filter(Boolean).join(', ')} on ${inlineCode(e.relation)} from ${e.migration}:${e.line} until ${e['held-until']}${later}`,
    ];
  });
  return tableSection('### Observed effects on existing tables', ['what PostgreSQL did'], rows, 'effects');
}

/** One row per statement and relation. */
function groupEffects(effects: Effect[]): Effect[][] {
  const groups = new Map<string, Effect[]>();
  for (const e of effects) {
    const key = `${e.migration}:${e.line}:${e.relation}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.values()];
}

const LOCK_ORDER = [
  'AccessShareLock',
  'RowShareLock',
  'RowExclusiveLock',
  'ShareUpdateExclusiveLock',
  'ShareLock',
  'ShareRowExclusiveLock',
  'ExclusiveLock',
  'AccessExclusiveLock',
];

function lockRank(mode: string): number {
  return LOCK_ORDER.indexOf(mode);
}

function ignoredSection(lint: LintResult | undefined, context: ReportContext): ReportSection | undefined {
  if (!lint?.suppressed.length) return undefined;
  return tableSection(
    'Ignored by `-- schema-check:ignore` comments:',
    ['rule', 'where', 'reason'],
    lint.suppressed.map((s) => [
      s.rule,
      markdownLink(
        inlineCode(`${context.repositoryPath?.(s.file) ?? s.file}:${s.line}`),
        context.link?.(s.file, s.line),
      ),
      s.reason,
    ]),
    'ignored findings',
  );
}

function changesSections(phase: SchemaCheckReport['changes']): ReportSection[] {
  const changes = dataOf(phase);
  if (!changes) return [];
  if (changes.differences.length === 0) {
    return [
      { markdown: '### What changes\n\nNo structural change to tables, columns, indexes, constraints or enums.' },
    ];
  }
  const diagram = renderErDiagram(changes.before, changes.after, changes.differences);
  return [
    tableSection('### What changes', ...changesTable(changes.differences), 'changes'),
    ...(diagram
      ? [
          {
            markdown: diagram,
            shrink: 'diagram' as const,
            short: '_The ER diagram of the changed tables is in the job summary._',
          },
        ]
      : []),
  ];
}

function notesSection(r: SchemaCheckReport): ReportSection | undefined {
  const outcomes = [dataOf(r.embedded)?.outcome, dataOf(r.database)].filter((o): o is ApplyOutcome => !!o);
  const notes = outcomes.flatMap((o) => o.notes.map((note) => `> ${o.target}: ${note}`));
  return notes.length ? { markdown: notes.join('\n>\n') } : undefined;
}

/** The check row's result: what it proved, or how many findings it has (they are listed above, once). */
function summarise(findings: Finding[], check: CheckName, ok: string, fails: (f: Finding) => boolean): string {
  const mine = findings.filter((f) => f.check === check);
  if (!mine.length) return ok;
  const failing = mine.filter(fails).length;
  const parts = [failing && `${failing} problem(s)`, mine.length - failing && `${mine.length - failing} warning(s)`];
  return `${parts.filter(Boolean).join(', ')}: see above`;
}

/** The lint fixes GitHub can apply, as review comments with a `suggestion` block on their lines. */
export function suggestionComments(r: SchemaCheckReport, context: ReportContext): ReviewSuggestion[] {
  return lintSuggestions(dataOf(r.lint)?.findings ?? [], r.added).map((s) => ({
    path: context.repositoryPath?.(s.file) ?? s.file,
    ...(s.startLine !== undefined ? { startLine: s.startLine } : {}),
    line: s.line,
    key: s.key,
    body: [`**schema-check: ${s.rule}** — ${s.explanation}`, '', codeBlock(s.replacement, 'suggestion')].join('\n'),
  }));
}
