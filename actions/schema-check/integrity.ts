import type { IntegrityProblem, Severity } from '../lib/migrations/model';
import type { Finding } from './findings';

/**
 * One journal or folder quirk that real repositories have: what drizzle-orm does with it, and how schema-check rates
 * it. `introduced` applies when the pull request adds it; `inherited` when the base commit already has it, i.e. it
 * is deployed history the pull request did not cause and cannot rewrite. test/real-repos/quirks.test.ts runs each
 * shape through the real drizzle-orm migrators on PostgreSQL to prove the two drizzle columns.
 */
export interface FolderQuirk {
  code: string;
  shape: string;
  drizzle0: string;
  drizzle1: string;
  introduced: Severity;
  inherited: Severity;
  /** How Drizzle treats it, for the warning that reports it when it is inherited. */
  inheritedNote: string;
}

const JOURNAL_ONLY = 'refuses the journal layout until `drizzle-kit up` converts it to folders';

export const FOLDER_QUIRKS: readonly FolderQuirk[] = [
  {
    code: 'journal-index-gap',
    shape: 'journal `idx` skips a number (an entry was deleted) or does not start at 0',
    drizzle0: 'never reads `idx`: runs the listed entries in journal order',
    drizzle1: JOURNAL_ONLY,
    introduced: 'error',
    inherited: 'warning',
    inheritedNote:
      'drizzle-orm never reads idx (it runs the journal entries in the order they are listed), so this gap changes nothing for deployed databases',
  },
  {
    code: 'journal-when-not-increasing',
    shape: 'an entry’s `when` is not after the entry before it',
    drizzle0:
      'runs a pending entry only if its `when` is after the newest `created_at` in the ledger: on a fresh database every entry runs; where the later entry is already applied, this one is skipped for good',
    drizzle1: JOURNAL_ONLY,
    introduced: 'error',
    inherited: 'warning',
    inheritedNote:
      'this entry sorts before an applied one; Drizzle applied it because it was pending together with (or before) the entry it sorts behind, and a fresh database runs every entry in journal order, so deployed databases have it; never rewrite deployed history to fix it',
  },
  {
    code: 'duplicate-migration-number',
    shape: 'two migrations share a number (journal tag prefix) or a timestamp (1.x folder)',
    drizzle0: 'runs both: the number in a tag is never read',
    drizzle1: 'runs both, in folder-name order',
    introduced: 'error',
    inherited: 'warning',
    inheritedNote:
      'drizzle-orm runs both migrations (it never reads the number), so deployed databases have both; only drizzle-kit generate may have diffed one of them against a stale snapshot',
  },
  {
    code: 'sql-file-not-in-journal',
    shape: 'a `.sql` file in the folder that the journal does not list',
    drizzle0: 'never runs it',
    drizzle1: JOURNAL_ONLY,
    introduced: 'warning',
    inherited: 'warning',
    inheritedNote: 'this .sql file is not in the journal, so Drizzle never runs it',
  },
  {
    code: 'migration-folder-without-sql',
    shape: 'a 1.x `<timestamp>_<name>/` folder without `migration.sql`',
    drizzle0: 'not applicable (journal layout)',
    drizzle1: 'skips the folder',
    introduced: 'warning',
    inherited: 'warning',
    inheritedNote: 'drizzle-orm 1.x skips a folder without migration.sql, so it was never applied',
  },
  {
    code: 'snapshot-prevId-collision',
    shape: 'two snapshots follow the same parent snapshot (two branches generated migrations)',
    drizzle0: 'never reads snapshots',
    drizzle1: 'never reads snapshots',
    introduced: 'error',
    inherited: 'warning',
    inheritedNote:
      'drizzle-orm never reads snapshots: the migrations ran as written; only drizzle-kit generate diffs against the newest snapshot',
  },
  {
    code: 'snapshot-id-collision',
    shape: 'two snapshots have the same id (one was copied)',
    drizzle0: 'never reads snapshots',
    drizzle1: 'never reads snapshots',
    introduced: 'error',
    inherited: 'warning',
    inheritedNote:
      'drizzle-orm never reads snapshots: the migrations ran as written; only drizzle-kit generate diffs against the newest snapshot',
  },
  {
    code: 'snapshot-unreadable',
    shape: 'a snapshot that is not valid drizzle-kit JSON',
    drizzle0: 'never reads snapshots',
    drizzle1: 'never reads snapshots',
    introduced: 'warning',
    inherited: 'warning',
    inheritedNote: 'drizzle-orm never reads snapshots; drizzle-kit generate needs the newest one to be readable',
  },
];

const QUIRKS = new Map(FOLDER_QUIRKS.map((q) => [q.code, q]));
/** How many entries one finding lists before "and N more". */
export const LISTED = 5;

/**
 * Folder-integrity findings that judge the change, not the past: a problem the base commit already has is deployed
 * history, reported once per class as a warning saying how Drizzle treats it; a problem the pull request adds keeps
 * its severity. Either way each class is one finding listing its entries, never one finding per entry.
 */
export function integrityFindings(current: IntegrityProblem[], base: IntegrityProblem[] | undefined): Finding[] {
  const inBase = new Set((base ?? []).map(identity));
  const introduced = current.filter((p) => !inBase.has(identity(p)));
  const inherited = current.filter((p) => inBase.has(identity(p)));
  return [...byClass(introduced).map((g) => introducedFinding(g)), ...byClass(inherited).map(inheritedFinding)];
}

/** Same class, same words: journal.ts and v1.ts name the entries in the message, relative to the project root. */
function identity(problem: IntegrityProblem): string {
  return `${problem.code}\n${problem.message}`;
}

function byClass(problems: IntegrityProblem[]): IntegrityProblem[][] {
  const groups = new Map<string, IntegrityProblem[]>();
  for (const problem of problems) groups.set(problem.code, [...(groups.get(problem.code) ?? []), problem]);
  return [...groups.values()];
}

function introducedFinding(group: IntegrityProblem[]): Finding {
  const [first] = group as [IntegrityProblem, ...IntegrityProblem[]];
  const severity = QUIRKS.get(first.code)?.introduced ?? first.severity;
  if (group.length === 1) return { ...asFinding(first), severity };
  return {
    ...asFinding(first),
    severity: group.some((p) => p.severity === 'error') ? severity : 'warning',
    message: `${group.length} problems of this kind: ${bounded(group.map((p) => p.message))}`,
  };
}

function inheritedFinding(group: IntegrityProblem[]): Finding {
  const [first] = group as [IntegrityProblem, ...IntegrityProblem[]];
  const quirk = QUIRKS.get(first.code);
  const note = quirk?.inheritedNote ?? 'the base commit already has it, so this change did not cause it';
  return {
    ...asFinding(first),
    severity: quirk?.inherited ?? 'warning',
    message: `Already in the base commit (${group.length === 1 ? 'one entry' : `${group.length} entries`}), not caused by this change: ${note}.\n${bounded(group.map(entryOf))}`,
    alternative: 'Nothing to fix in this pull request; do not rewrite migrations that are deployed.',
  };
}

function asFinding(problem: IntegrityProblem): Finding {
  return {
    check: 'integrity',
    rule: problem.code,
    severity: problem.severity,
    message: problem.message,
    file: problem.file,
    line: problem.line,
  };
}

/** The entry a message is about, without the advice to regenerate that does not apply to deployed history. */
function entryOf(problem: IntegrityProblem): string {
  return problem.message.split(/: |; /)[0]!;
}

/** The first few messages, then "and N more", so a folder with hundreds of entries gives a readable finding. */
function bounded(messages: string[]): string {
  const shown = messages.slice(0, LISTED).map((m) => `• ${m}`);
  const rest = messages.length - shown.length;
  return [...shown, ...(rest > 0 ? [`and ${rest} more`] : [])].join('\n');
}

/** The quirks table as Markdown, for the README (scripts/generate.ts). */
export function quirksTableRows(): string[][] {
  return FOLDER_QUIRKS.map((q) => [`\`${q.code}\``, q.shape, q.drizzle0, q.drizzle1, q.introduced, q.inherited]);
}
