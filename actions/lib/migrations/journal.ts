import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ConfigurationError } from '../errors';
import { sha256, splitChunks, wantsNoTransaction } from './chunks';
import { readMigrationText } from './files';
import type { IntegrityProblem, Migration } from './model';

export interface JournalEntry {
  idx: number;
  version?: string;
  when: number;
  tag: string;
  breakpoints?: boolean;
}

export interface Journal {
  version: string;
  dialect: string;
  entries: JournalEntry[];
}

export const JOURNAL_PATH = join('meta', '_journal.json');

/** Reads `<dir>/meta/_journal.json`, any version drizzle-kit has written (5 with dialect "pg", 7 with "postgresql"). */
export function readJournal(dir: string, displayDir: string): Journal {
  const path = join(dir, JOURNAL_PATH);
  const shown = join(displayDir, JOURNAL_PATH);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigurationError(
      `${shown} is not valid JSON (${(error as Error).message}); restore it from git or regenerate it with drizzle-kit`,
    );
  }
  const journal = parsed as Partial<Journal>;
  if (!journal || typeof journal !== 'object' || !Array.isArray(journal.entries)) {
    throw new ConfigurationError(
      `${shown} has no "entries" array; restore it from git or regenerate it with drizzle-kit`,
    );
  }
  if (journal.dialect && !['pg', 'postgresql'].includes(journal.dialect)) {
    throw new ConfigurationError(
      `${shown} is for dialect "${journal.dialect}"; schema-actions supports PostgreSQL migrations only`,
    );
  }
  journal.entries.forEach((entry, position) => {
    const e = entry as Partial<JournalEntry>;
    if (typeof e?.tag !== 'string' || typeof e.when !== 'number' || typeof e.idx !== 'number') {
      throw new ConfigurationError(
        `${shown}: entry ${position} needs a string "tag" and numeric "idx" and "when"; restore the journal from git or regenerate it with drizzle-kit`,
      );
    }
  });
  return { version: String(journal.version ?? ''), dialect: journal.dialect ?? 'postgresql', entries: journal.entries };
}

/** Loads the migrations a journal lists, in journal order, as drizzle-orm's migrator would read them. */
export function loadJournalMigrations(
  dir: string,
  projectRoot: string,
  displayDir: string,
  boundary = projectRoot,
): { migrations: Migration[]; journal: Journal } {
  const journal = readJournal(dir, displayDir);
  const migrations = journal.entries.map((entry, index): Migration => {
    const absolutePath = join(dir, `${entry.tag}.sql`);
    const file = relative(projectRoot, absolutePath);
    if (!existsSync(absolutePath)) {
      throw new ConfigurationError(
        `${join(displayDir, JOURNAL_PATH)} lists "${entry.tag}" but ${file} does not exist; restore the file from git, or remove the entry by regenerating with drizzle-kit`,
      );
    }
    const sql = readMigrationText(absolutePath, file, boundary);
    return {
      name: entry.tag,
      index,
      file,
      absolutePath,
      sql,
      hash: sha256(sql),
      createdAt: entry.when,
      chunks: splitChunks(sql),
      noTransaction: wantsNoTransaction(sql),
    };
  });
  return { migrations, journal };
}

/** SQL files in the folder that the journal does not list: Drizzle never runs them. */
export function unlistedSqlFiles(dir: string, journal: Journal): string[] {
  const listed = new Set(journal.entries.map((e) => `${e.tag}.sql`));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql') && !listed.has(f))
    .sort();
}

export function journalProblems(dir: string, projectRoot: string, journal: Journal): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const journalFile = relative(projectRoot, join(dir, JOURNAL_PATH));
  journal.entries.forEach((entry, position) => {
    const previous = journal.entries[position - 1];
    // One problem where the numbering breaks, not one per later entry: a deleted entry is one gap, and entries
    // drizzle-kit appends after it (numbered on from the last idx) add nothing to it.
    const expectedIdx = previous ? previous.idx + 1 : 0;
    if (entry.idx !== expectedIdx) {
      problems.push({
        code: 'journal-index-gap',
        severity: 'error',
        file: journalFile,
        message: `journal entry "${entry.tag}" has idx ${entry.idx} where ${expectedIdx} was expected${previous ? ` after "${previous.tag}"` : ''}: an entry was deleted or edited by hand; restore it from git, or regenerate the journal with drizzle-kit`,
      });
    }
    if (previous && entry.when <= previous.when) {
      problems.push({
        code: 'journal-when-not-increasing',
        severity: 'error',
        file: journalFile,
        message: `journal entry "${entry.tag}" has "when" ${entry.when}, not after "${previous.tag}" (${previous.when}): Drizzle applies only migrations newer than the newest applied one, so it would skip "${entry.tag}" wherever "${previous.tag}" is applied; regenerate it after "${previous.tag}"`,
      });
    }
  });
  const byNumber = new Map<string, string[]>();
  for (const entry of journal.entries) {
    const number = entry.tag.match(/^(\d+)_/)?.[1];
    if (number) byNumber.set(number, [...(byNumber.get(number) ?? []), entry.tag]);
  }
  for (const [number, tags] of byNumber) {
    if (tags.length > 1) {
      problems.push({
        code: 'duplicate-migration-number',
        severity: 'error',
        file: journalFile,
        message: `migrations ${tags.join(' and ')} share number ${number}: two branches each generated a migration; delete the newer one and run drizzle-kit generate again on top of the other`,
      });
    }
  }
  for (const file of unlistedSqlFiles(dir, journal)) {
    problems.push({
      code: 'sql-file-not-in-journal',
      severity: 'warning',
      file: relative(projectRoot, join(dir, file)),
      message: `${file} is not listed in the journal, so Drizzle never runs it; delete it or regenerate it with drizzle-kit`,
    });
  }
  problems.push(...snapshotChainProblems(dir, projectRoot));
  return problems;
}

interface SnapshotIds {
  file: string;
  id?: string;
  prevId?: string;
}

/**
 * drizzle-kit chains snapshots by `prevId`. Two snapshots with the same `prevId` mean two branches generated
 * migrations from the same parent: the second was never diffed against the first, so its SQL may be wrong.
 */
export function snapshotChainProblems(dir: string, projectRoot: string): IntegrityProblem[] {
  const metaDir = join(dir, 'meta');
  if (!existsSync(metaDir)) return [];
  const snapshots: SnapshotIds[] = readdirSync(metaDir)
    .filter((f) => /_snapshot\.json$/.test(f))
    .sort()
    .map((f) => {
      const file = relative(projectRoot, join(metaDir, f));
      try {
        const json = JSON.parse(readFileSync(join(metaDir, f), 'utf8')) as { id?: string; prevId?: string };
        return { file, id: json.id, prevId: json.prevId };
      } catch {
        return { file };
      }
    });
  return chainProblems(snapshots);
}

export function chainProblems(snapshots: SnapshotIds[]): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const byId = new Map<string, string>();
  const byPrev = new Map<string, string>();
  for (const snapshot of snapshots) {
    if (!snapshot.id) {
      problems.push({
        code: 'snapshot-unreadable',
        severity: 'warning',
        file: snapshot.file,
        message: `${snapshot.file} is not a readable drizzle-kit snapshot; restore it from git`,
      });
      continue;
    }
    const sameId = byId.get(snapshot.id);
    if (sameId) {
      problems.push({
        code: 'snapshot-id-collision',
        severity: 'error',
        file: snapshot.file,
        message: `${snapshot.file} has the same id as ${sameId}: one was copied from the other; delete the newer migration and generate it again`,
      });
    }
    byId.set(snapshot.id, snapshot.file);
    if (snapshot.prevId) {
      const sibling = byPrev.get(snapshot.prevId);
      if (sibling) {
        problems.push({
          code: 'snapshot-prevId-collision',
          severity: 'error',
          file: snapshot.file,
          message: `${snapshot.file} and ${sibling} both follow snapshot ${snapshot.prevId}: two branches generated migrations from the same parent; delete the newer migration and run drizzle-kit generate again after merging`,
        });
      }
      byPrev.set(snapshot.prevId, snapshot.file);
    }
  }
  return problems;
}
