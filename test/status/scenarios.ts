// Project folders in the states status must recognise: copies of the examples with an applied migration edited or
// deleted, or with a pending migration older than the newest applied one (as a merged branch leaves it).
import { appendFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { folderMillis } from '../../actions/lib/migrations/v1';
import type { Layout } from '../../actions/lib/migrations/model';
import { EXAMPLE_BASIC, EXAMPLE_V1, scratchCopy } from '../model/fixtures';

export const EXAMPLES: Record<Layout, string> = { journal: EXAMPLE_BASIC, v1: EXAMPLE_V1 };

export interface Scenario {
  /** Project root (holds drizzle.config.ts and drizzle/). */
  root: string;
  /** The migration the scenario is about. */
  name: string;
  remove(): void;
}

interface JournalFile {
  entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
}

function journalOf(root: string): JournalFile {
  return JSON.parse(readFileSync(join(root, 'drizzle', 'meta', '_journal.json'), 'utf8')) as JournalFile;
}
function saveJournal(root: string, journal: JournalFile): void {
  writeFileSync(join(root, 'drizzle', 'meta', '_journal.json'), `${JSON.stringify(journal, null, 2)}\n`);
}
function v1Names(root: string): string[] {
  return readdirSync(join(root, 'drizzle')).sort();
}
function sqlPath(layout: Layout, root: string, name: string): string {
  return layout === 'v1' ? join(root, 'drizzle', name, 'migration.sql') : join(root, 'drizzle', `${name}.sql`);
}
function copy(layout: Layout, label: string): { root: string; remove: () => void } {
  const { dir, remove } = scratchCopy(EXAMPLES[layout], `${layout}-${label}`);
  return { root: dir, remove };
}
/** The example's second migration: applied everywhere the scenarios start from. */
function middle(layout: Layout, root: string): string {
  return layout === 'v1' ? v1Names(root)[1]! : journalOf(root).entries[1]!.tag;
}

/** The second migration edited after it was applied. */
export function editedApplied(layout: Layout): Scenario {
  const { root, remove } = copy(layout, 'edited');
  const name = middle(layout, root);
  appendFileSync(sqlPath(layout, root, name), '\nALTER TABLE "tasks" ADD COLUMN "edited_later" text;\n');
  return { root, name, remove };
}

/** The second migration deleted (file and journal entry, or its folder) after it was applied. */
export function deletedApplied(layout: Layout): Scenario {
  const { root, remove } = copy(layout, 'deleted');
  const name = middle(layout, root);
  if (layout === 'v1') {
    rmSync(join(root, 'drizzle', name), { recursive: true });
  } else {
    const journal = journalOf(root);
    journal.entries = journal.entries.filter((e) => e.tag !== name);
    saveJournal(root, journal);
    rmSync(sqlPath(layout, root, name));
  }
  return { root, name, remove };
}

const LATE_SQL = 'CREATE TABLE "late_feature" (\n\t"id" serial PRIMARY KEY NOT NULL\n);\n';

/**
 * A pending migration generated before the newest applied one (a branch that merged late): Drizzle 0.x would skip it
 * silently, 1.x would run it after migrations written later.
 */
export function outOfOrderPending(layout: Layout): Scenario {
  const { root, remove } = copy(layout, 'out-of-order');
  if (layout === 'v1') {
    const when = folderMillis(middle(layout, root)) + 1000;
    const stamp = new Date(when).toISOString().replace(/\D/g, '').slice(0, 14);
    const name = `${stamp}_late_feature`;
    mkdirSync(join(root, 'drizzle', name));
    writeFileSync(join(root, 'drizzle', name, 'migration.sql'), LATE_SQL);
    return { root, name, remove };
  }
  const journal = journalOf(root);
  const name = `${String(journal.entries.length).padStart(4, '0')}_late_feature`;
  journal.entries.push({
    ...journal.entries[1]!,
    idx: journal.entries.length,
    when: journal.entries[1]!.when + 1000,
    tag: name,
  });
  saveJournal(root, journal);
  writeFileSync(sqlPath(layout, root, name), LATE_SQL);
  return { root, name, remove };
}
