import type { CommandDefinition } from '../lib/definition';
import { projectInputs, transactionInput } from '../lib/project-inputs';
import { OPT_IN_RULES } from './lint/rules';

export const schemaCheckDefinition: CommandDefinition = {
  name: 'schema-check',
  cliName: 'check',
  title: 'Schema check',
  description:
    "Proves that a pull request's Drizzle migrations are complete, in order, apply cleanly and are safe to deploy: folder integrity, order against the base commit, generated-and-committed, apply on embedded PostgreSQL (and optionally a real one), lint with PostgreSQL's parser, and a structural diff of what changes.",
  isAction: true,
  inputs: {
    ...projectInputs,
    ...transactionInput,
    'base-ref': {
      description:
        "Commit the change is compared with. Defaults to the pull request's base commit; elsewhere (and in the CLI) to HEAD, so uncommitted migrations count as new.",
    },
    generate: {
      description: 'Run generate-command and fail when it writes or changes anything in the migrations folder.',
      default: 'true',
    },
    'generate-command': {
      description:
        'Command that generates migrations from the schema, run in working-directory with no terminal. Defaults to `npx drizzle-kit generate --config <drizzle-config>`.',
    },
    'generate-timeout': {
      description: 'Time limit for generate-command, like 30s or 2m.',
      default: '2m',
      duration: { min: '1s', max: '1h' },
    },
    'seed-sql': {
      description:
        'SQL file (relative to working-directory) run after the base migrations and before the new ones, e.g. representative rows that new constraints must accept.',
    },
    'database-url': {
      description:
        'Optional disposable PostgreSQL database (CI service container, preview branch) on which the migrations are applied too. Never a shared or production database.',
      secret: true,
    },
    'embedded-cache': {
      description:
        "Save the embedded database's state after the base commit's migrations and reuse it while they stay the same, so a long history is applied once and each run applies only the new migrations. A saved state is checked (its key, checksum and ledger) before use; a bad one is a warning and a clean apply.",
      default: 'true',
    },
    'embedded-cache-dir': {
      description:
        "Folder for embedded-cache. Defaults to schema-actions/embedded-state in the runner's tool cache (RUNNER_TOOL_CACHE, which lasts on a self-hosted runner), else in RUNNER_TEMP, else in the user's cache folder (XDG_CACHE_HOME or ~/.cache). On GitHub-hosted runners it lasts one job: keep it across runs with actions/cache (workflows-templates/schema-check.yml shows how).",
    },
    lint: {
      description: 'Lint the new migrations with a real PostgreSQL parser.',
      default: 'true',
    },
    'fail-on': {
      description: 'Lint severity that fails the check: error, warning or never.',
      default: 'error',
    },
    'lint-ignore': {
      description: 'Lint rule ids to skip everywhere, comma or newline separated.',
    },
    'lint-enable': {
      description: `Opt-in lint rule ids to turn on, comma or newline separated: ${OPT_IN_RULES.join(', ')}.`,
    },
    comment: {
      description:
        'When to write the sticky pull request comment: always, on-failure (a passing run only updates a comment an earlier failure wrote) or never. The job summary always has the report.',
      default: 'always',
    },
    'github-token': {
      description: 'Token used to write the pull request comment.',
      default: '${{ github.token }}',
      secret: true,
    },
  },
  outputs: {
    result: { description: 'passed or failed.' },
    'new-migrations': { description: 'JSON array of the names of migrations new in this change.' },
    findings: {
      description:
        'JSON array of findings: check, rule, severity (error|warning), message, file, line, migration, alternative.',
    },
    effects: {
      description:
        'JSON array of what each new statement did to tables that existed before, observed while applying (database-url when given, else embedded): migration, file, line, relation, lock (PostgreSQL mode name, null outside a transaction), rewrite, scan, held-until (commit or end of statement), statements-later, ms-later.',
    },
    report: { description: 'Path of the Markdown report.' },
    'duration-ms': { description: 'How long the check took, in milliseconds.' },
  },
};
