// Declarations only: every action's definition imports these at start-up, so nothing here may pull in the
// migrations library (lib/project.ts reads them).
import type { InputDefinition } from './definition';

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
