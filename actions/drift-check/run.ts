import { writeFileSync } from 'node:fs';
import { diffCatalogs } from '../lib/catalog/diff';
import { flattenCatalog, objectKey } from '../lib/catalog/flatten';
import { ownedBy } from '../lib/catalog/kinds/owners';
import { migrationScope } from '../lib/catalog/scope';
import { alignVersions } from '../lib/catalog/versions';
import { introspect } from '../lib/catalog/introspect';
import type { Catalog, IntrospectOptions } from '../lib/catalog/model';
import { reconcileViewSpelling } from '../lib/catalog/reconcile';
import { replayMigrations, replayOnServer, type Unreplayed } from '../lib/catalog/replay';
import type { CommandResult, RunContext } from '../lib/command';
import type { SqlClient } from '../lib/db/client';
import { connectPostgres } from '../lib/db/postgres';
import { createScratchDatabase, databaseIdentity, validateScratchUrl, type DatabaseIdentity } from '../lib/db/scratch';
import { ConfigurationError, errorMessage } from '../lib/errors';
import { isUnevaluatedExpression } from '../lib/inputs';
import { readLedger } from '../lib/migrations/ledger';
import type { Migration } from '../lib/migrations/model';
import { compareLedger, type LedgerState } from '../lib/migrations/verify';
import { readProject, type Project } from '../lib/project';
import { reportPath } from '../lib/report';
import { suggestSql } from './fix';
import { syncDriftIssue, type DriftIssueResult } from './issue';
import { driftJson, renderDriftReport, type DriftFinding, type DriftResult, type ReplayedInto } from './report';

interface DriftOptions {
  url: string;
  schemas: string[];
  ignore: string[];
  failOnDrift: boolean;
  environment: string;
  /** The role the migrations' objects must be owned by (opt-in: owners differ between environments). */
  owner: string;
  /** Set when the drift issue is wanted. */
  token?: string;
  /** A server where the migrations are replayed into a temporary database instead of the embedded PostgreSQL. */
  scratchUrl?: string;
}

export async function run(context: RunContext): Promise<CommandResult> {
  const options = readOptions(context);
  const project = await readProject(context);
  const introspectOptions: IntrospectOptions = {
    ...(options.schemas.length ? { schemas: options.schemas } : {}),
    excludeTables: [`${project.ledger.schema}.${project.ledger.table}`],
    ...migrationScope(project.set.migrations.map((m) => m.sql)),
    owners: options.owner !== '',
  };
  const live = await readLive(context, options, project, introspectOptions);
  const replayable = live.state.applied.map((a) => a.migration).filter((m): m is Migration => m !== undefined);
  const target = await replayExpected(context, options, project, replayable, live.identity);
  let findings: DriftFinding[];
  let expectedVersion: string;
  let actualCatalog: Catalog;
  try {
    const replayed = await expectedCatalog(target.client, introspectOptions, options.owner);
    expectedVersion = await serverVersion(target.client);
    // Only what differs between server versions by design is lined up (versions.ts), each kept visible otherwise.
    let expectedAligned: Catalog;
    [expectedAligned, actualCatalog] = alignVersions(replayed, live.catalog);
    // What the embedded PostgreSQL could not replay (an extension PGlite lacks) is named and left out; the rest is compared.
    const ignore = [...options.ignore, ...target.unreplayed.flatMap((u) => u.objects)];
    findings = await context.logger.group('Compare', () =>
      compare(context, ignore, { catalog: expectedAligned, renderer: target.client }, actualCatalog),
    );
  } finally {
    await target.close();
  }

  const result: DriftResult = {
    environment: options.environment,
    drift: findings.length > 0 || live.state.problems.length > 0,
    set: project.set,
    ledger: project.ledger,
    state: live.state,
    findings,
    schemas: actualCatalog.schemas,
    ignore: options.ignore,
    versions: { live: live.version, expected: expectedVersion, replayedInto: target.where },
  };
  const markdown = await publish(context, result);
  const issueFailure = options.token ? await syncIssue(context, options, options.token, result, markdown) : undefined;
  if (result.drift && options.failOnDrift) {
    const parts = [
      findings.length ? `${findings.length} difference(s)` : '',
      live.state.problems.length ? `${live.state.problems.length} ledger problem(s)` : '',
    ].filter(Boolean);
    return { failure: `drift in ${options.environment}: ${parts.join(' and ')}; see the report` };
  }
  return issueFailure ? { failure: issueFailure } : {};
}

function readOptions(context: RunContext): DriftOptions {
  const { inputs } = context;
  const wantIssue = inputs.boolean('issue');
  const url = inputs.required('database-url');
  const scratchUrl = inputs.optional('scratch-database-url');
  if (scratchUrl) validateScratchUrl(scratchUrl, url, 'scratch-database-url', 'database-url');
  return {
    url,
    scratchUrl,
    schemas: inputs.list('schemas'),
    ignore: inputs.list('ignore'),
    failOnDrift: inputs.boolean('fail-on-drift'),
    environment: inputs.string('environment') || 'development',
    owner: inputs.string('owner'),
    token: issueToken(context, wantIssue),
  };
}

interface LiveSchema {
  state: LedgerState;
  catalog: Catalog;
  version: string;
  identity: DatabaseIdentity;
}

/** The live database's ledger (checked against the files) and catalog, on one connection. */
async function readLive(
  context: RunContext,
  options: DriftOptions,
  project: Project,
  introspectOptions: IntrospectOptions,
): Promise<LiveSchema> {
  const { logger } = context;
  const live = await connectPostgres(options.url, { logger, applicationName: 'schema-actions drift-check' });
  try {
    const state = await logger.group('Read the ledger', async () => {
      const ledger = await readLedger(live, project.ledger);
      if (!ledger.exists)
        logger.info(`${project.ledger.schema}.${project.ledger.table} does not exist: no migration applied yet`);
      const compared = compareLedger(project.set, ledger.rows);
      logger.info(`${compared.applied.length} applied, ${compared.pending.length} pending`);
      return compared;
    });
    const catalog = await logger.group('Read the live schema', async () => {
      const read = await introspect(live, introspectOptions);
      logger.info(`${read.tables.length} tables in ${read.schemas.length} schemas`);
      return read;
    });
    for (const problem of state.problems) logger.error(problem.message, problem);
    for (const schema of options.schemas) {
      if (!catalog.schemas.includes(schema))
        logger.warning(`schema "${schema}" (input schemas) is not in the database`);
    }
    return { state, catalog, version: await serverVersion(live), identity: await databaseIdentity(live) };
  } finally {
    await live.close();
  }
}

/** Where the applied migrations were replayed: the database to read the expected schema from, until close(). */
interface ReplayTarget {
  client: SqlClient;
  where: ReplayedInto;
  /** What the embedded PostgreSQL could not replay (an extension it lacks). */
  unreplayed: Unreplayed[];
  /** Closes it; a temporary database on the scratch server is dropped. */
  close(): Promise<void>;
}

/** What the applied migrations say the schema should be: replayed into PGlite, or a scratch server's database. */
async function replayExpected(
  context: RunContext,
  options: DriftOptions,
  project: Project,
  migrations: Migration[],
  live: DatabaseIdentity,
): Promise<ReplayTarget> {
  const { logger, signal } = context;
  const replay = { ledger: project.ledger, layout: project.set.layout, signal };
  if (options.scratchUrl) {
    const scratchUrl = options.scratchUrl;
    return logger.group(
      `Replay ${migrations.length} applied migration(s) into a temporary database on the scratch server`,
      async () => {
        const scratch = await createScratchDatabase(scratchUrl, {
          logger,
          inputName: 'scratch-database-url',
          live,
          applicationName: 'schema-actions drift-check',
          signal,
        });
        logger.info(`created ${scratch.name}; it is dropped when the check ends`);
        try {
          await replayOnServer(scratch.client, migrations, replay);
        } catch (error) {
          await scratch.drop();
          throw error;
        }
        return { client: scratch.client, where: 'scratch', unreplayed: [], close: () => scratch.drop() };
      },
    );
  }
  const { client: embedded, unreplayed } = await logger.group(
    `Replay ${migrations.length} applied migration(s) into embedded PostgreSQL`,
    async () => replayMigrations(migrations, replay),
  );
  for (const u of unreplayed) {
    logger.warning(
      `not replayed on embedded PostgreSQL (PGlite lacks the extension): ${u.migration.name} line ${u.line}: ${u.statement} (${u.reason}); not compared: ${u.objects.join(', ') || 'nothing it creates could be named'}`,
      { file: u.migration.file, line: u.line, title: 'drift-check: not replayed' },
    );
  }
  return { client: embedded, where: 'embedded', unreplayed, close: () => embedded.close() };
}

async function compare(
  context: RunContext,
  ignore: string[],
  expected: { catalog: Catalog; renderer: SqlClient },
  actual: Catalog,
): Promise<DriftFinding[]> {
  const differences = await reconcileViewSpelling(
    diffCatalogs(expected.catalog, actual, { ignore }),
    expected.renderer,
  );
  const want = flattenCatalog(expected.catalog);
  const have = flattenCatalog(actual);
  const findings = differences.map((d) => ({
    ...d,
    sql: suggestSql(d, want.get(objectKey(d)), have.get(objectKey(d))),
  }));
  for (const f of findings) context.logger.info(`${f.change} ${f.objectType} ${f.object}`);
  context.logger.info(`${findings.length} difference(s)`);
  return findings;
}

/** The report to the job summary and a file, report-json beside it, and the outputs. */
async function publish(context: RunContext, result: DriftResult): Promise<string> {
  const { logger } = context;
  const markdown = renderDriftReport(result);
  const published = await context.report.publish(markdown, { comment: false });
  const jsonPath = reportPath('drift-check', context.env).replace(/\.md$/, '.json');
  writeFileSync(jsonPath, logger.secrets.redact(JSON.stringify(driftJson(result), null, 2)));
  context.setOutput('drift', result.drift);
  context.setOutput('differences', result.findings.length);
  context.setOutput('pending-count', result.state.pending.length);
  context.setOutput('report', published.path);
  context.setOutput('report-json', jsonPath);
  if (result.state.pending.length)
    logger.notice(`${result.state.pending.length} migration(s) not applied yet (pending)`);
  return markdown;
}

/** Opens, updates or closes the environment's drift issue; resolves to a failure line when GitHub refused. */
async function syncIssue(
  context: RunContext,
  options: DriftOptions,
  token: string,
  result: DriftResult,
  markdown: string,
): Promise<string | undefined> {
  const { logger } = context;
  return logger.group('Sync the drift issue', async () => {
    try {
      const issue = await syncDriftIssue(
        {
          apiUrl: context.github.apiUrl,
          token,
          owner: context.github.owner,
          repo: context.github.repo,
          environment: options.environment,
        },
        {
          found: result.drift,
          title: `Schema drift in ${options.environment}`,
          body: logger.secrets.redact(markdown),
          resolvedComment: logger.secrets.redact(resolvedComment(context, options.environment)),
        },
      );
      reportIssue(context, issue);
      return undefined;
    } catch (error) {
      const status = (error as { status?: number }).status;
      const hint = status === 403 || status === 404 ? ' Grant the job `issues: write`.' : '';
      return `could not update the drift issue for ${options.environment}: ${errorMessage(error)}.${hint}`;
    }
  });
}

function issueToken(context: RunContext, wanted: boolean): string | undefined {
  if (!wanted) return undefined;
  let token = context.inputs.optional('github-token');
  // The CLI sees the action's default expression literally; there the token comes from the environment.
  if (token && isUnevaluatedExpression(token)) token = context.env.GITHUB_TOKEN || undefined;
  if (token) context.logger.mask(token);
  if (!token) {
    throw new ConfigurationError(
      'issue is true but no github-token was given; pass github-token (the default ${{ github.token }} works with `permissions: issues: write`) or set issue to false',
    );
  }
  if (!context.github.owner || !context.github.repo) {
    throw new ConfigurationError(
      'issue is true but GITHUB_REPOSITORY is not set; run it in GitHub Actions or set GITHUB_REPOSITORY=owner/name',
    );
  }
  return token;
}

function reportIssue(context: RunContext, issue: DriftIssueResult): void {
  if (issue.number !== undefined) context.setOutput('issue-number', issue.number);
  const where = issue.url ?? `#${issue.number}`;
  if (issue.action === 'opened') context.logger.warning(`Opened drift issue ${where}`);
  else if (issue.action === 'updated') context.logger.info(`Updated drift issue ${where}`);
  else if (issue.action === 'closed') context.logger.notice(`Drift is gone: closed issue ${where}`);
  else context.logger.info('No drift and no open drift issue');
}

function resolvedComment(context: RunContext, environment: string): string {
  const { serverUrl, repository, runId, sha } = context.github;
  const run = runId && repository ? ` ([run ${runId}](${serverUrl}/${repository}/actions/runs/${runId}))` : '';
  return `✅ No drift in ${environment} any more: the database matches its applied migrations${sha ? ` at ${sha.slice(0, 7)}` : ''}${run}. Closing.`;
}

/** The replayed catalog; with `owner`, as if that role owned what the migrations created (replay runs as postgres). */
async function expectedCatalog(embedded: SqlClient, options: IntrospectOptions, owner: string): Promise<Catalog> {
  const catalog = await introspect(embedded, options);
  if (!owner) return catalog;
  const [row] = await embedded.query<{ user: string }>('SELECT current_user AS user');
  return ownedBy(catalog, row?.user ?? 'postgres', owner);
}

async function serverVersion(client: SqlClient): Promise<string> {
  const [row] = await client.query<{ server_version: string }>('SHOW server_version');
  return row?.server_version ?? '?';
}
