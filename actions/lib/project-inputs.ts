import type { InputDefinition } from './definition';
import type { Inputs } from './inputs';
import { loadProjectMigrations, type ProjectMigrations } from './migrations/folder';
import { join, relative, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { ConfigurationError } from './errors';

/** Inputs every action that reads a project's migrations shares, with the same names and defaults everywhere. */
export const projectInputs: Record<string, InputDefinition> = {
  'working-directory': {
    description: 'Folder of the Drizzle project (where drizzle.config.ts is), relative to the repository root.',
    default: '.',
  },
  'drizzle-config': {
    description:
      "Path of the project's drizzle config, relative to working-directory. Its `out` and `migrations.table`/`migrations.schema` are used when the inputs below are empty.",
    default: 'drizzle.config.ts',
  },
  'migrations-dir': {
    description:
      "Migrations folder, relative to working-directory. Defaults to the config's `out`, else the first of `drizzle` and `migrations` that holds migrations.",
  },
  'migrations-table': {
    description: "Drizzle's ledger table. Defaults to the config's `migrations.table`, else `__drizzle_migrations`.",
  },
  'migrations-schema': {
    description: "Schema of Drizzle's ledger table. Defaults to the config's `migrations.schema`, else `drizzle`.",
  },
};

/** Reads the project inputs and loads the migrations folder they point to. */
export function loadProjectFromInputs(inputs: Inputs, baseDir: string): ProjectMigrations & { projectRoot: string } {
  const projectRoot = resolve(baseDir, inputs.string('working-directory') || '.');
  if (!existsSync(projectRoot)) {
    throw new ConfigurationError(
      `working-directory ${inputs.string('working-directory')} does not exist; set it to your Drizzle project's folder`,
    );
  }
  const project = loadProjectMigrations({
    projectRoot,
    drizzleConfig: inputs.optional('drizzle-config'),
    migrationsDir: inputs.optional('migrations-dir'),
    migrationsTable: inputs.optional('migrations-table'),
    migrationsSchema: inputs.optional('migrations-schema'),
  });
  return { ...project, projectRoot };
}

/**
 * A project file's path as GitHub shows it: relative to the repository root (the base directory), which is where
 * annotations must point, rather than to the Drizzle project inside it.
 */
export function repositoryPath(baseDir: string, projectRoot: string, file: string): string {
  return relative(baseDir, join(projectRoot, file)) || file;
}
