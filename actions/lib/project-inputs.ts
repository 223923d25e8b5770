import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RunContext } from './command';
import type { InputDefinition } from './definition';
import { ConfigurationError } from './errors';
import { TRANSACTION_POLICIES, type TransactionPolicy } from './migrations/executor';
import { loadProjectMigrations, type ProjectMigrations } from './migrations/folder';

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

/**
 * The transaction policy, declared once: schema-check and migrate-with-telemetry must read the same value, or a
 * check could pass migrations the deploy then refuses.
 */
export const transactionInput: Record<'transaction', InputDefinition> = {
  transaction: {
    description:
      'all: every pending migration in one transaction, as Drizzle does. each: one transaction per migration (its ledger row inside it); required for migrations marked `-- schema-actions:no-transaction`. Give schema-check and migrate-with-telemetry the same value.',
    default: 'all',
  },
};

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
