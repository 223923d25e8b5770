import type { CommandDefinition } from '../lib/definition';
import { projectInputs, transactionInput } from '../lib/project-inputs';

export const statusDefinition: CommandDefinition = {
  name: 'status',
  title: 'Migration status',
  description:
    "Lists a database's applied and pending Drizzle migrations and what is wrong between its ledger and the files: edited applied migrations, applied migrations whose file is gone, and pending migrations older than the newest applied one, which Drizzle would skip silently.",
  isAction: false,
  inputs: {
    'database-url': {
      description: 'PostgreSQL URL of the database to inspect (postgres://user:password@host:5432/db).',
      required: true,
      secret: true,
    },
    ...projectInputs,
    ...transactionInput,
    'fail-on-problems': {
      description: 'Exit with an error when the ledger and the files disagree.',
      default: 'true',
    },
  },
  outputs: {
    'applied-count': { description: 'Number of migrations recorded in the ledger.' },
    'pending-count': { description: 'Number of migration files not yet applied.' },
    problems: { description: 'JSON array of problems: kind (modified, missing, out-of-order), name, message.' },
    report: { description: 'Path of the Markdown report.' },
  },
};
