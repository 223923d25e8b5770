import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RunContext } from './command';
import { ConfigurationError } from './errors';
import type { Inputs } from './inputs';
import { TRANSACTION_POLICIES, type TransactionPolicy } from './migrations/executor';
import { loadProjectMigrations, type ProjectMigrations } from './migrations/folder';

export function readTransactionPolicy(inputs: Inputs): TransactionPolicy {
  return inputs.enum('transaction', TRANSACTION_POLICIES);
}

export type Project = ProjectMigrations & { projectRoot: string };

/**
 * The "Read migrations" phase every action that reads a project starts with: the project inputs, drizzle.config
 * and the migrations folder they point to, in one log group that says what was found. From then on the logger's
 * annotations resolve file paths (which are relative to the project) to repository paths, as GitHub expects them.
 */
export async function readProject(context: RunContext): Promise<Project> {
  return context.logger.group('Read migrations', async () => {
    const project = await loadProject(context);
    const { set } = project;
    context.logger.info(`${set.migrations.length} migrations in ${set.displayDir} (${set.layout} layout)`);
    return project;
  });
}

async function loadProject(context: RunContext): Promise<Project> {
  const { inputs, baseDir, logger } = context;
  const projectRoot = resolve(baseDir, inputs.string('working-directory') || '.');
  if (!existsSync(projectRoot)) {
    throw new ConfigurationError(
      `working-directory ${inputs.string('working-directory')} does not exist; set it to your Drizzle project's folder`,
    );
  }
  const project = await loadProjectMigrations({
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
