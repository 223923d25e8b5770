import type { CommandDefinition } from '../lib/definition';

export const initDefinition: CommandDefinition = {
  name: 'init',
  title: 'Set up the workflows',
  description:
    "Writes the workflow templates into .github/workflows/ of the repository in the current directory, adapted to it: the Drizzle project's folder and files, the package manager of its lockfile (npm, pnpm, yarn, bun), and Neon and Vercel steps only where the repository uses them. Prints the secrets and variables to create per environment. Never overwrites a changed file without --force; a second run changes nothing.",
  isAction: false,
  inputs: {
    project: {
      description:
        'Folder of the Drizzle project (where drizzle.config.* is), relative to the repository root. Defaults to the only one found.',
    },
    templates: {
      description:
        'Templates to write, comma separated: schema-check, deploy-staging, deploy-production, drift-watch, snapshot-cleanup, preview, rollback. Defaults to every one that applies (snapshot-cleanup and preview need Neon; rollback Neon or Vercel).',
    },
    neon: {
      description:
        'Whether the database is on Neon: auto (a @neondatabase/* or neonctl dependency, or a neon.tech URL in .env.example), true or false.',
      default: 'auto',
    },
    vercel: {
      description:
        'Whether the app deploys to Vercel: auto (a vercel dependency, vercel.json or .vercel/project.json), true or false.',
      default: 'auto',
    },
    force: {
      description: 'Overwrite workflow files whose content differs from what init would write.',
      default: 'false',
    },
    'dry-run': {
      description: 'Print the workflows and what would change, and write nothing.',
      default: 'false',
    },
  },
  outputs: {
    files: {
      description: 'JSON array of the workflow files: path and status (created, updated, unchanged, conflict).',
    },
    report: { description: 'Path of the Markdown report.' },
  },
};
