import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RunContext } from './command';
import { ConfigurationError } from './errors';
import { TRANSACTION_POLICIES, type TransactionPolicy } from './migrations/executor';
import { loadProjectMigrations, type ProjectMigrations } from './migrations/folder';

export function readTransactionPolicy(context: RunContext): TransactionPolicy {
  return context.inputs.enum('transaction', TRANSACTION_POLICIES);
}

export type Project = ProjectMigrations & { projectRoot: string };

/**
 * Reads the project inputs and loads the migrations folder they point to. From then on the logger's annotations
 * resolve file paths (which are relative to the project) to repository paths, as GitHub expects them.
 */
export function loadProject(context: RunContext): Project {
  const { inputs, baseDir, logger } = context;
  const projectRoot = resolve(baseDir, inputs.string('working-directory') || '.');
  if (!existsSync(projectRoot)) {
    throw new ConfigurationError(
      `working-directory ${inputs.string('working-directory')} does not exist; set it to your Drizzle project's folder`,
    );
  }
  const project = loadProjectMigrations({
    projectRoot,
    repositoryRoot: baseDir,
    drizzleConfig: inputs.optional('drizzle-config'),
    migrationsDir: inputs.optional('migrations-dir'),
    migrationsTable: inputs.optional('migrations-table'),
    migrationsSchema: inputs.optional('migrations-schema'),
  });
  logger.setFileRoot(projectRoot);
  return { ...project, projectRoot };
}
