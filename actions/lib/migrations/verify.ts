import { markdownTable } from '../markdown';
import type { LedgerRow } from './ledger';
import type { Layout, Migration, MigrationSet } from './model';

export interface AppliedMigration {
  row: LedgerRow;
  /** The file this row records; absent when the file is gone. */
  migration?: Migration;
}

export type LedgerProblemKind = 'modified' | 'missing' | 'out-of-order';

export interface LedgerProblem {
  kind: LedgerProblemKind;
  name: string;
  message: string;
  file?: string;
}

export interface LedgerState {
  applied: AppliedMigration[];
  pending: Migration[];
  problems: LedgerProblem[];
  /** The newest `created_at` in the ledger: Drizzle 0.x applies only migrations newer than this. */
  newestAppliedAt?: number;
}

/**
 * Compares a database's ledger with the migration files. This is the one verification that status, migrate and
 * drift-check share, so they can never disagree about what is applied, pending or wrong.
 *
 * Rows are matched to files the way Drizzle identifies them: by name where the ledger has names (drizzle-orm 1.x),
 * otherwise by `created_at` (the journal's `when`), falling back to the hash when several files share a `when`.
 */
export function compareLedger(set: MigrationSet, ledger: LedgerRow[]): LedgerState {
  const unmatched = new Set(set.migrations);
  const applied: AppliedMigration[] = [];
  for (const row of ledger) {
    const migration = matchRow(row, [...unmatched]);
    if (migration) unmatched.delete(migration);
    applied.push({ row, migration });
  }
  const newestAppliedAt = ledger.reduce<number | undefined>(
    (newest, row) =>
      row.createdAt !== null && (newest === undefined || row.createdAt > newest) ? row.createdAt : newest,
    undefined,
  );
  const pending = set.migrations.filter((m) => unmatched.has(m));
  const problems: LedgerProblem[] = [];
  for (const { row, migration } of applied) {
    if (!migration) {
      const name = row.name ?? `created_at ${row.createdAt ?? 'null'}`;
      problems.push({
        kind: 'missing',
        name,
        message: `applied migration ${name} (ledger id ${row.id}, hash ${row.hash.slice(0, 12)}…) has no file in ${set.displayDir}: restore the file from git; deleting applied migrations breaks every environment that has them`,
      });
    } else if (migration.hash !== row.hash) {
      problems.push({
        kind: 'modified',
        name: migration.name,
        file: migration.file,
        message: `applied migration ${migration.name} was edited after it was applied (hash ${row.hash.slice(0, 12)}… in the database, ${migration.hash.slice(0, 12)}… on disk): revert ${migration.file} and put the change in a new migration`,
      });
    }
  }
  if (newestAppliedAt !== undefined) {
    for (const migration of pending) {
      if (migration.createdAt <= newestAppliedAt) problems.push(outOfOrder(set.layout, migration, applied));
    }
  }
  return { applied, pending, problems, newestAppliedAt };
}

function matchRow(row: LedgerRow, candidates: Migration[]): Migration | undefined {
  if (row.name) {
    const byName = candidates.find((m) => m.name === row.name);
    if (byName) return byName;
  }
  const sameTime = candidates.filter((m) => m.createdAt === row.createdAt);
  if (sameTime.length === 1) return sameTime[0];
  const byHash = (sameTime.length > 1 ? sameTime : candidates).find((m) => m.hash === row.hash);
  return byHash ?? (sameTime.length > 1 ? sameTime[0] : undefined);
}

function outOfOrder(layout: Layout, migration: Migration, applied: AppliedMigration[]): LedgerProblem {
  const newest = applied
    .filter((a) => a.row.createdAt !== null)
    .sort((a, b) => (b.row.createdAt ?? 0) - (a.row.createdAt ?? 0))[0];
  const newestName = newest?.migration?.name ?? newest?.row.name ?? 'the newest applied migration';
  const consequence =
    layout === 'journal'
      ? "Drizzle's migrator applies only migrations newer than the newest applied one, so it would skip this one silently"
      : 'applying it now would run it after migrations that were written later';
  return {
    kind: 'out-of-order',
    name: migration.name,
    file: migration.file,
    message: `pending migration ${migration.name} is older than ${newestName}, which is already applied: ${consequence}; regenerate it so it sorts after ${newestName}`,
  };
}

/** The ledger problems as a Markdown table: one row per problem, with what to do about it. */
export function ledgerProblemsTable(problems: LedgerProblem[]): string {
  return markdownTable(
    ['kind', 'migration', 'what to do'],
    problems.map((p) => [p.kind, p.name, p.message]),
  );
}
