import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ConfigurationError } from '../errors';
import { readDrizzleConfig, resolveMigrationsDir, type ConfigInput, type DrizzleConfig } from './config';
import { JOURNAL_PATH, journalProblems, loadJournalMigrations } from './journal';
import type { Layout, MigrationSet } from './model';
import { loadV1Migrations, v1Folders, v1Problems } from './v1';

/** Which of Drizzle's two layouts a folder uses; undefined when it holds no migrations at all. */
export function detectLayout(dir: string): Layout | undefined {
  const hasJournal = existsSync(join(dir, JOURNAL_PATH));
  const hasV1 = v1Folders(dir).length > 0;
  if (hasJournal && hasV1) {
    throw new ConfigurationError(
      `${dir} mixes both Drizzle layouts (meta/_journal.json and <timestamp>_<name>/ folders); finish "drizzle-kit up" and remove the old journal, or point migrations-dir at one of them`,
    );
  }
  if (hasJournal) return 'journal';
  if (hasV1) return 'v1';
  return undefined;
}

/** Reads a migrations folder in whichever layout it uses; fails clearly when it is in neither. */
export function loadMigrationFolder(dir: string, projectRoot: string): MigrationSet {
  const displayDir = relative(projectRoot, dir) || '.';
  if (!existsSync(dir)) {
    throw new ConfigurationError(`migrations folder ${displayDir} does not exist; set migrations-dir`);
  }
  const layout = detectLayout(dir);
  if (layout === 'journal') {
    const { migrations, journal } = loadJournalMigrations(dir, projectRoot, displayDir);
    return { layout, dir, displayDir, migrations, problems: journalProblems(dir, projectRoot, journal) };
  }
  if (layout === 'v1') {
    const migrations = loadV1Migrations(dir, projectRoot);
    return { layout, dir, displayDir, migrations, problems: v1Problems(dir, projectRoot, migrations) };
  }
  const sqlFiles = readdirSync(dir).filter((f) => f.endsWith('.sql'));
  if (sqlFiles.length > 0) {
    throw new ConfigurationError(
      `${displayDir} holds SQL files but is in no Drizzle layout (no meta/_journal.json, no <timestamp>_<name>/migration.sql folders); generate migrations with drizzle-kit, or point migrations-dir at the folder drizzle-kit writes`,
    );
  }
  // An empty folder is a valid start: nothing generated yet.
  return { layout: 'journal', dir, displayDir, migrations: [], problems: [] };
}

export interface ProjectMigrations {
  config: DrizzleConfig;
  set: MigrationSet;
  ledger: { schema: string; table: string };
}

export interface ProjectOptions {
  projectRoot: string;
  drizzleConfig?: string;
  migrationsDir?: string;
  migrationsTable?: string;
  migrationsSchema?: string;
}

/** Everything the actions need to know about a project's migrations, from inputs and drizzle.config. */
export function loadProjectMigrations(options: ProjectOptions): ProjectMigrations {
  const given = new Set<ConfigInput>();
  if (options.migrationsDir) given.add('migrations-dir');
  if (options.migrationsTable) given.add('migrations-table');
  if (options.migrationsSchema) given.add('migrations-schema');
  const config = readDrizzleConfig(options.projectRoot, options.drizzleConfig, given);
  if (config.dialect && config.dialect !== 'postgresql') {
    throw new ConfigurationError(
      `${config.file} uses dialect "${config.dialect}"; schema-actions supports PostgreSQL (dialect "postgresql") only`,
    );
  }
  const dir = resolveMigrationsDir(
    options.projectRoot,
    options.migrationsDir,
    config,
    (d) => detectLayout(d) !== undefined,
  );
  return {
    config,
    set: loadMigrationFolder(dir, options.projectRoot),
    ledger: {
      schema: options.migrationsSchema || config.migrationsSchema || 'drizzle',
      table: options.migrationsTable || config.migrationsTable || '__drizzle_migrations',
    },
  };
}
