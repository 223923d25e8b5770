import { writeFileSync } from 'node:fs';
import { diffCatalogs } from '../lib/catalog/diff';
import { ownedBy } from '../lib/catalog/kinds/owners';
import { migrationScope } from '../lib/catalog/scope';
import { alignVersions } from '../lib/catalog/versions';
import { flattenCatalog, objectKey } from '../lib/catalog/flatten';
import { introspect } from '../lib/catalog/introspect';
import type { Catalog, IntrospectOptions } from '../lib/catalog/model';
import { reconcileViewSpelling } from '../lib/catalog/reconcile';
import { replayMigrations } from '../lib/catalog/replay';
import type { CommandResult, RunContext } from '../lib/command';
import type { SqlClient } from '../lib/db/client';
import { connectPostgres } from '../lib/db/postgres';
import { ConfigurationError, errorMessage } from '../lib/errors';
import { readLedger } from '../lib/migrations/ledger';
import type { Migration } from '../lib/migrations/model';
import { compareLedger } from '../lib/migrations/verify';
import { loadProjectFromInputs } from '../lib/project-inputs';
import { reportPath } from '../lib/report';
import { suggestSql } from './fix';
import { syncDriftIssue, type DriftIssueResult } from './issue';
import { driftJson, renderDriftReport, type DriftFinding, type DriftResult } from './report';

export async function run(context: RunContext): Promise<CommandResult> {
  const { inputs, logger } = context;
  const url = inputs.required('database-url');
  const schemas = inputs.list('schemas');
  const ignore = inputs.list('ignore');
  const failOnDrift = inputs.boolean('fail-on-drift');
  const wantIssue = inputs.boolean('issue');
  const environment = inputs.string('environment') || 'development';
  const owner = inputs.string('owner');
  const token = issueToken(context, wantIssue);

  const project = await logger.group('Read migrations', async () => {
    const loaded = loadProjectFromInputs(inputs, context.baseDir);
    logger.info(`${loaded.set.migrations.length} migrations in ${loaded.set.displayDir} (${loaded.set.layout} layout)`);
    return loaded;
  });
  const ledgerName = `${project.ledger.schema}.${project.ledger.table}`;
  const introspectOptions: IntrospectOptions = {
    ...(schemas.length ? { schemas } : {}),
    excludeTables: [ledgerName],
    ...migrationScope(project.set.migrations.map((m) => m.sql)),
    owners: owner !== '',
  };

  const live = await connectPostgres(url, { logger, applicationName: 'schema-actions drift-check' });
  let actual: Catalog;
  let state: ReturnType<typeof compareLedger>;
  let liveVersion: string;
  try {
    state = await logger.group('Read the ledger', async () => {
      const rows = await readLedger(live, project.ledger);
      if (rows === null) logger.info(`${ledgerName} does not exist: no migration applied yet`);
      const compared = compareLedger(project.set, rows);
      logger.info(`${compared.applied.length} applied, ${compared.pending.length} pending`);
      return compared;
    });
    ({ catalog: actual, version: liveVersion } = await logger.group('Read the live schema', async () => {
      const catalog = await introspect(live, introspectOptions);
      logger.info(`${catalog.tables.length} tables in ${catalog.schemas.length} schemas`);
      return { catalog, version: await serverVersion(live) };
    }));
  } finally {
    await live.close();
  }
  for (const problem of state.problems)
    logger.error(problem.message, problem.file ? { file: problem.file } : undefined);
  for (const schema of schemas) {
    if (!actual.schemas.includes(schema)) logger.warning(`schema "${schema}" (input schemas) is not in the database`);
  }

  const replayable = state.applied.map((a) => a.migration).filter((m): m is Migration => m !== undefined);
  const embedded = await logger.group(
    `Replay ${replayable.length} applied migration(s) into embedded PostgreSQL`,
    async () => replayMigrations(replayable, { ledger: project.ledger, layout: project.set.layout }),
  );
  let findings: DriftFinding[];
  let embeddedVersion: string;
  try {
    embeddedVersion = await serverVersion(embedded);
    const [expected, live] = alignVersions(await expectedCatalog(embedded, introspectOptions, owner), actual);
    actual = live;
    findings = await logger.group('Compare', async () => {
      const differences = await reconcileViewSpelling(diffCatalogs(expected, actual, { ignore }), embedded);
      const want = flattenCatalog(expected);
      const have = flattenCatalog(actual);
      const result: DriftFinding[] = differences.map((d) => ({
        ...d,
        sql: suggestSql(d, want.get(objectKey(d)), have.get(objectKey(d))),
      }));
      for (const f of result) logger.info(`${f.change} ${f.objectType} ${f.object}`);
      logger.info(`${result.length} difference(s)`);
      return result;
    });
  } finally {
    await embedded.close();
  }

  const drift = findings.length > 0 || state.problems.length > 0;
  const result: DriftResult = {
    environment,
    drift,
    set: project.set,
    ledger: project.ledger,
    state,
    findings,
    schemas: actual.schemas,
    ignore,
    versions: { live: liveVersion, embedded: embeddedVersion },
  };
  const markdown = renderDriftReport(result);
  const published = await context.report.publish(markdown, { comment: false });
  const jsonPath = reportPath('drift-check', context.env).replace(/\.md$/, '.json');
  writeFileSync(jsonPath, logger.secrets.redact(JSON.stringify(driftJson(result), null, 2)));

  context.setOutput('drift', drift);
  context.setOutput('differences', findings.length);
  context.setOutput('pending-count', state.pending.length);
  context.setOutput('report', published.path);
  context.setOutput('report-json', jsonPath);
  if (state.pending.length) logger.notice(`${state.pending.length} migration(s) not applied yet (pending)`);

  let issueFailure: string | undefined;
  if (wantIssue && token) {
    issueFailure = await logger.group('Sync the drift issue', async () => {
      try {
        const issue = await syncDriftIssue(
          {
            apiUrl: context.github.apiUrl,
            token,
            owner: context.github.owner,
            repo: context.github.repo,
            environment,
          },
          {
            found: drift,
            title: `Schema drift in ${environment}`,
            body: logger.secrets.redact(markdown),
            resolvedComment: logger.secrets.redact(resolvedComment(context, environment)),
          },
        );
        reportIssue(context, issue);
        return undefined;
      } catch (error) {
        const status = (error as { status?: number }).status;
        const hint = status === 403 || status === 404 ? ' Grant the job `issues: write`.' : '';
        return `could not update the drift issue for ${environment}: ${errorMessage(error)}.${hint}`;
      }
    });
  }

  if (drift && failOnDrift) {
    const parts = [
      findings.length ? `${findings.length} difference(s)` : '',
      state.problems.length ? `${state.problems.length} ledger problem(s)` : '',
    ].filter(Boolean);
    return { failure: `drift in ${environment}: ${parts.join(' and ')}; see the report` };
  }
  if (issueFailure) return { failure: issueFailure };
  return {};
}

function issueToken(context: RunContext, wanted: boolean): string | undefined {
  if (!wanted) return undefined;
  let token = context.inputs.optional('github-token');
  // The CLI sees the action's default expression literally; there the token comes from the environment.
  if (token?.startsWith('${{')) token = context.env.GITHUB_TOKEN || undefined;
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

/** The replayed catalog, with the owner input standing in for the embedded server's user (who ran the replay). */
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
