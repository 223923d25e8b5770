import { createHash } from 'node:crypto';
import type { Migration } from '../lib/migrations/model';
import type { Finding } from './findings';

/** A one-line change GitHub can apply from the pull request ("Commit suggestion"). */
export interface LineSuggestion {
  /** Project-relative file of the finding. */
  file: string;
  /** First line replaced, when the suggestion spans several (GitHub's start_line). */
  startLine?: number;
  line: number;
  rule: string;
  /** Stable across pushes while the statement is the same, so a re-run updates its comment instead of adding one. */
  key: string;
  /** The replacement text for the line (may be several lines). */
  replacement: string;
  /** Why, in one or two sentences, above the suggestion block. */
  explanation: string;
}

const NO_TRANSACTION = '-- schema-actions:no-transaction';
/** A suggestion replacing more lines than this (to put the marker on line 1) is too much to review at a glance. */
const MAX_SPAN = 30;
const CREATE_INDEX = /\bCREATE\s+(UNIQUE\s+)?INDEX\b(?!\s+CONCURRENTLY)/i;
/** `… ADD CONSTRAINT "name" …;` with the whole statement on the line, then Drizzle's breakpoint or nothing. */
const ADD_CONSTRAINT =
  /^(ALTER TABLE\s+(.+?)\s+ADD CONSTRAINT\s+("[^"]+"|\S+)\s.*?)\s*;(\s*-->\s*statement-breakpoint)?\s*$/i;

/**
 * The mechanical fixes of lint findings, as suggestions on their lines: CONCURRENTLY plus the no-transaction
 * marker for an index, NOT VALID (and the VALIDATE to run later) for a constraint. A statement spread over several
 * lines gets none: the fix is then not mechanical enough to apply blindly.
 */
export function lintSuggestions(findings: Finding[], migrations: Migration[]): LineSuggestion[] {
  return findings.flatMap((finding) => {
    const migration = migrations.find((m) => m.name === finding.migration && m.file === finding.file);
    if (finding.check !== 'lint' || !migration || !finding.line) return [];
    const lines = migration.sql.split('\n');
    const text = lines[finding.line - 1];
    if (text === undefined) return [];
    const made = suggest(finding.rule, text, finding.line, lines);
    if (!made) return [];
    return [
      {
        file: migration.file,
        line: finding.line,
        rule: finding.rule,
        key: createHash('sha256')
          .update(`${migration.file}\0${finding.rule}\0${text.trim()}`)
          .digest('hex')
          .slice(0, 16),
        ...made,
      },
    ];
  });
}

function suggest(
  rule: string,
  text: string,
  line: number,
  lines: string[],
): Pick<LineSuggestion, 'replacement' | 'explanation' | 'startLine'> | undefined {
  if (rule === 'create-index-without-concurrently' && CREATE_INDEX.test(text)) {
    const concurrent = text.replace(CREATE_INDEX, (match) => `${match} CONCURRENTLY`);
    const marked = lines[0]?.trim() === NO_TRANSACTION;
    // The marker must be the file's first line, so without it the suggestion spans from line 1 to the index.
    if (!marked && line > MAX_SPAN) return undefined;
    return {
      ...(marked || line === 1 ? {} : { startLine: 1 }),
      replacement: marked ? concurrent : [NO_TRANSACTION, ...lines.slice(0, line - 1), concurrent].join('\n'),
      explanation:
        'Build the index without blocking writes. `CONCURRENTLY` cannot run in a transaction, so the file is marked to run outside one (needs `transaction: each`).',
    };
  }
  if (rule === 'add-foreign-key-without-not-valid' || rule === 'add-check-without-not-valid') {
    const match = text.match(ADD_CONSTRAINT);
    if (!match || /\bNOT\s+VALID\b/i.test(text)) return undefined;
    const [, statement, table, name, breakpoint = ''] = match;
    return {
      replacement: `${statement} NOT VALID;${breakpoint}`,
      explanation: `Add the constraint without checking existing rows under lock, then check them in a later migration (a weaker lock, writes continue): \`ALTER TABLE ${table} VALIDATE CONSTRAINT ${name};\``,
    };
  }
  return undefined;
}
