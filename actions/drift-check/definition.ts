import type { CommandDefinition } from '../lib/definition';
import { projectInputs } from '../lib/project-inputs';

export const driftCheckDefinition: CommandDefinition = {
  name: 'drift-check',
  cliName: 'drift',
  title: 'Schema drift check',
  description:
    "Compares a live database with what its applied migrations say it should be: checks Drizzle's ledger against the migration files, replays exactly the applied migrations into an embedded PostgreSQL, and compares both schemas object by object (tables with their persistence, inheritance and replica identity, columns with identity options, constraints, indexes, enums, domains, composite and range types, collations, sequences, views with their options and INSTEAD OF triggers, functions and procedures, extensions, row-level security, policies, triggers, comments, the privileges of the roles the migrations mention, and optionally owners). Reports each difference with the expected and actual definition and SQL to review, and can keep one GitHub issue per environment open while drift persists.",
  isAction: true,
  inputs: {
    'database-url': {
      description: 'PostgreSQL URL of the live database to check (postgres://user:password@host:5432/db).',
      required: true,
      secret: true,
    },
    'scratch-database-url': {
      description:
        'Optional PostgreSQL URL of a server where drift-check may create a temporary database (postgres://user:password@host:5432/postgres; the role needs CREATEDB). The applied migrations are then replayed there instead of into the embedded PostgreSQL, which is faster and lighter, and matches the live server exactly when it is the same server or version; the database is dropped when the check ends, also when it fails or is cancelled (a leftover from a killed runner is named `schema_actions_scratch_*`). Roles the migrations grant to must exist on that server. It must not name the live database itself. Empty (default): replay into the embedded PostgreSQL.',
      secret: true,
    },
    ...projectInputs,
    schemas: {
      description:
        "Comma- or newline-separated schemas to compare. Default: every schema except PostgreSQL's own (pg_*, information_schema).",
    },
    ignore: {
      description:
        'Comma- or newline-separated patterns of objects to leave out, matched against qualified names (`*` any characters, `?` one): `public.audit_*` ignores those tables and everything on them, `public.users.legacy_*` some columns, `*.tmp_*_idx` some indexes.',
    },
    owner: {
      description:
        'Compare object owners too: the role that runs your migrations, which owns what they create unless they say `ALTER ... OWNER TO`. Empty (default): owners are not compared, since they usually differ between environments.',
    },
    'fail-on-drift': {
      description: 'Fail the step when drift is found (structural differences or ledger problems).',
      default: 'true',
    },
    issue: {
      description:
        'Keep one GitHub issue per environment: open it when drift is found, update it while drift persists, close it with a comment when drift is gone. Needs `issues: write`.',
      default: 'false',
    },
    environment: {
      description:
        'Name of the environment checked (production, staging...), used in the report and to find its issue.',
      default: 'development',
    },
    'github-token': {
      description: 'Token used to open, update and close the drift issue (only with `issue: true`).',
      default: '${{ github.token }}',
      secret: true,
    },
  },
  outputs: {
    drift: {
      description: '`true` when the database differs from its migrations or its ledger has problems, else `false`.',
    },
    differences: { description: 'Number of structural differences found (after `ignore`).' },
    'pending-count': { description: 'Number of migration files not applied to the database yet.' },
    report: { description: 'Path of the Markdown report.' },
    'report-json': {
      description:
        'Path of a JSON file with the findings: `{ drift, environment, ledger: { applied, pending, problems }, differences: [{ kind, change, object, table, expected, actual, aspects, sql }] }` (kind = object type: schema, extension, collation, enum, domain, composite-type, range-type, sequence, function, procedure, table, column, constraint, index, rls, policy, trigger, view, view-options, materialized-view, grant, comment, owner; expected/actual = normalised definitions, absent where the object does not exist).',
    },
    'issue-number': { description: 'Number of the drift issue opened, updated or closed (with `issue: true`).' },
  },
};
