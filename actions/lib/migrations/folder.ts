import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { ConfigurationError } from '../errors';
import { readDrizzleConfig, resolveMigrationsDir, type ConfigInput, type DrizzleConfig } from './config';
import { JOURNAL_PATH, journalProblems, loadJournalMigrations } from './journal';
import type { Layout, MigrationSet } from './model';
import { loadV1Migrations, unrecognisedV1Folders, v1Folders, v1Problems } from './v1';

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

/**
 * Reads a migrations folder in whichever layout it uses; fails clearly when it is in neither. Migration files must
 * resolve inside `boundary` (the repository).
 */
export function loadMigrationFolder(dir: string, projectRoot: string, boundary = projectRoot): MigrationSet {
  const displayDir = relative(projectRoot, dir) || '.';
  if (!existsSync(dir)) {
    throw new ConfigurationError(`migrations folder ${displayDir} does not exist; set migrations-dir`);
  }
  const layout = detectLayout(dir);
  if (layout === 'journal') {
    const { migrations, journal } = loadJournalMigrations(dir, projectRoot, displayDir, boundary);
    return { layout, dir, displayDir, migrations, problems: journalProblems(dir, projectRoot, journal) };
  }
  const unrecognised = unrecognisedV1Folders(dir);
  if (unrecognised.length > 0) {
    const [first] = unrecognised;
    throw new ConfigurationError(
      `${join(displayDir, first!.name)}/ is not a drizzle-kit 1.x migration folder: ${first!.reason}${unrecognised.length > 1 ? ` (and ${unrecognised.length - 1} more)` : ''}; name it <YYYYMMDDhhmmss>_<name> as drizzle-kit generate does, or move it out of ${displayDir}`,
    );
  }
  if (layout === 'v1') {
    const migrations = loadV1Migrations(dir, projectRoot, boundary);
    return { layout, dir, displayDir, migrations, problems: v1Problems(dir, projectRoot, migrations) };
  }
  const entries = readdirSync(dir).filter((f) => !f.startsWith('.'));
  if (entries.some((f) => f.endsWith('.sql'))) {
    throw new ConfigurationError(
      `${displayDir} holds SQL files but is in no Drizzle layout (no meta/_journal.json, no <timestamp>_<name>/migration.sql folders); generate migrations with drizzle-kit, or point migrations-dir at the folder drizzle-kit writes`,
    );
  }
  const unknown = entries;
  if (unknown.length > 0) {
    throw new ConfigurationError(
      `${displayDir} is not empty but holds no Drizzle migrations (no meta/_journal.json, no <timestamp>_<name>/migration.sql folders; found ${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? ', …' : ''}); generate migrations with drizzle-kit, or point migrations-dir at the folder drizzle-kit writes`,
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
  /** Migration files must resolve inside this folder (the repository); defaults to the project root. */
  repositoryRoot?: string;
  drizzleConfig?: string;
  migrationsDir?: string;
  migrationsTable?: string;
  migrationsSchema?: string;
}

/** Everything the actions need to know about a project's migrations, from inputs and drizzle.config. */
export async function loadProjectMigrations(options: ProjectOptions): Promise<ProjectMigrations> {
  const given = new Set<ConfigInput>();
  if (options.migrationsDir) given.add('migrations-dir');
  if (options.migrationsTable) given.add('migrations-table');
  if (options.migrationsSchema) given.add('migrations-schema');
  const config = await readDrizzleConfig(options.projectRoot, options.drizzleConfig, given);
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
    set: loadMigrationFolder(dir, options.projectRoot, boundaryOf(options)),
    ledger: {
      schema: options.migrationsSchema || config.migrationsSchema || 'drizzle',
      table: options.migrationsTable || config.migrationsTable || '__drizzle_migrations',
    },
  };
}

/** The repository when the project is inside it (the usual case), else the project itself. */
function boundaryOf(options: ProjectOptions): string {
  const root = options.repositoryRoot;
  if (!root) return options.projectRoot;
  const inside = relative(root, options.projectRoot);
  return inside.startsWith('..') || isAbsolute(inside) ? options.projectRoot : root;
}
