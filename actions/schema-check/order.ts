import type { Migration, MigrationSet } from '../lib/migrations/model';
import type { Finding } from './findings';

export interface ChangeSet {
  /** The migrations of the base commit, as they are there (what environments already run). */
  base: Migration[];
  /** Migrations of the change that the base does not have, in apply order. */
  added: Migration[];
  findings: Finding[];
}

/** Splits the folder into base and new migrations and checks that the new ones come after every base one. */
export function compareWithBase(current: MigrationSet, base: MigrationSet | undefined): ChangeSet {
  const baseMigrations = base?.migrations ?? [];
  const baseByName = new Map(baseMigrations.map((m) => [m.name, m]));
  const currentNames = new Set(current.migrations.map((m) => m.name));
  const added = current.migrations.filter((m) => !baseByName.has(m.name));
  const findings: Finding[] = [];

  for (const migration of current.migrations) {
    const before = baseByName.get(migration.name);
    if (before && before.hash !== migration.hash) {
      findings.push({
        check: 'order',
        rule: 'edited-migration',
        severity: 'error',
        migration: migration.name,
        file: migration.file,
        message: `${migration.name} is already on the base branch and this change edits it. Environments that applied it will never run the edit (Drizzle does not re-run applied migrations), and their ledgers will disagree with the file.`,
        alternative: `Restore ${migration.file} from the base branch and put the change in a new migration (drizzle-kit generate).`,
      });
    }
  }
  for (const removed of baseMigrations.filter((m) => !currentNames.has(m.name))) {
    findings.push({
      check: 'order',
      rule: 'removed-migration',
      severity: 'error',
      migration: removed.name,
      file: removed.file,
      message: `${removed.name} exists on the base branch but this change removes it; environments that applied it keep its effects and a ledger row with no file.`,
      alternative: `Restore ${removed.file} from the base branch; undo its effects with a new migration instead.`,
    });
  }

  const newestBase = baseMigrations.reduce<Migration | undefined>(
    (newest, m) => (!newest || m.createdAt > newest.createdAt ? m : newest),
    undefined,
  );
  const lastBasePosition = Math.max(
    -1,
    ...current.migrations.filter((m) => baseByName.has(m.name)).map((m) => m.index),
  );
  if (newestBase) {
    for (const migration of added) {
      const early = migration.createdAt <= newestBase.createdAt;
      const misplaced = migration.index < lastBasePosition;
      if (!early && !misplaced) continue;
      findings.push({
        check: 'order',
        rule: 'migration-out-of-order',
        severity: 'error',
        migration: migration.name,
        file: migration.file,
        message:
          `${migration.name} (created ${iso(migration.createdAt)}) sorts before ${newestBase.name} (created ${iso(newestBase.createdAt)}), the newest migration on the base branch. ` +
          `Drizzle's migrator applies only migrations newer than the newest one already applied, so every environment that already has ${newestBase.name} would skip ${migration.name} silently.`,
        alternative: `Delete ${migration.name} (its SQL file, snapshot and journal entry), update your branch with the base branch, and run drizzle-kit generate again so the migration is created after ${newestBase.name}.`,
      });
    }
  }
  return { base: baseMigrations, added, findings };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
