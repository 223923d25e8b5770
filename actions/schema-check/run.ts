import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { diffCatalogs, introspect, type Catalog } from '../lib/catalog';
import type { CommandResult, RunContext } from '../lib/command';
import type { SqlClient } from '../lib/db/client';
import { openEmbedded, resolveEmbeddedExtensions } from '../lib/db/pglite';
import { connectPostgres } from '../lib/db/postgres';
import { ConfigurationError } from '../lib/errors';
import { extensionsCreatedBy } from '../lib/migrations/extensions';
import { loadProjectFromInputs, repositoryPath } from '../lib/project-inputs';
import { applyChange, type ApplyPlan, type SeedSql } from './apply';
import { loadBaseMigrations, resolveBaseRef } from './base';
import { migrationsCreating } from './extensions';
import type { Finding } from './findings';
import { generateFindings, runGenerate } from './generate';
import { lintMigrations } from './lint';
import { compareWithBase } from './order';
import { renderReport, type SchemaCheckReport } from './report';

const FAIL_ON = ['error', 'warning', 'never'] as const;

export async function run(context: RunContext): Promise<CommandResult> {
  const started = performance.now();
  const { inputs, logger } = context;
  const options = {
    generate: inputs.boolean('generate'),
    generateTimeoutMs: inputs.duration('generate-timeout'),
    lint: inputs.boolean('lint'),
    failOn: inputs.enum('fail-on', FAIL_ON),
    lintIgnore: inputs.list('lint-ignore'),
    databaseUrl: inputs.optional('database-url'),
  };
  const project = await logger.group('Read migrations', async () => {
    const loaded = loadProjectFromInputs(inputs, context.baseDir);
    logger.info(`${loaded.set.migrations.length} migrations in ${loaded.set.displayDir} (${loaded.set.layout} layout)`);
    return loaded;
  });
  const seed = readSeed(inputs.optional('seed-sql'), project.projectRoot);
  const baseRef = resolveBaseRef(context);
  const base = await logger.group(`Compare with the base (${baseRef.ref})`, async () => {
    const loaded = loadBaseMigrations(project.projectRoot, project.set, baseRef);
    logger.info(`base ${loaded.sha}: ${loaded.set?.migrations.length ?? 0} migrations`);
    return loaded;
  });
  const change = compareWithBase(project.set, base.set);
  logger.info(`new migrations: ${change.added.map((m) => m.name).join(', ') || 'none'}`);

  const findings: Finding[] = [
    ...project.set.problems.map((p): Finding => ({
      check: 'integrity',
      rule: p.code,
      severity: p.severity,
      message: p.message,
      file: p.file,
      line: p.line,
    })),
    ...change.findings,
  ];
  const report: SchemaCheckReport = {
    passed: false,
    set: project.set,
    base: { ...baseRef, sha: base.sha },
    added: change.added,
    findings,
    failOn: options.failOn,
    durationMs: 0,
  };

  if (options.generate) {
    const configInput = inputs.string('drizzle-config') || 'drizzle.config.ts';
    const command =
      inputs.optional('generate-command') ?? `npx drizzle-kit generate --config ${shellQuote(configInput)}`;
    report.generate = await logger.group('Generate (must write nothing)', async () => {
      const result = await runGenerate({
        command,
        projectRoot: project.projectRoot,
        migrationsDir: project.set.dir,
        timeoutMs: options.generateTimeoutMs,
        env: context.env,
      });
      logger.info(result.output.trim());
      logger.info(
        `${command}: exit code ${result.exitCode}, ${result.changed.length} file(s) written, work tree restored`,
      );
      return result;
    });
    findings.push(...generateFindings(report.generate));
  } else {
    report.generateSkipped = 'generate: false';
  }

  const plan: ApplyPlan = {
    layout: project.set.layout,
    ledger: project.ledger,
    base: change.base,
    added: change.added,
    seed,
  };
  const ledgerTable = `${project.ledger.schema}.${project.ledger.table}`;
  let before: Catalog | undefined;
  let after: Catalog | undefined;
  await logger.group('Apply on embedded PostgreSQL (PGlite)', async () => {
    const wanted = extensionsCreatedBy(
      [...change.base, ...change.added].map((m) => m.sql).concat(seed ? [seed.sql] : []),
    );
    const { extensions, unavailable } = await resolveEmbeddedExtensions(wanted);
    if (unavailable.length) {
      const users = unavailable.map(
        (name) =>
          `${name} (${
            migrationsCreating(name, [...change.base, ...change.added])
              .map((m) => m.name)
              .join(', ') || 'seed-sql'
          })`,
      );
      const message = `The embedded PostgreSQL (PGlite) does not ship the extension${unavailable.length > 1 ? 's' : ''} ${users.join(', ')}, so the migrations were not applied on it.`;
      findings.push({
        check: 'apply',
        rule: 'extension-unavailable',
        severity: options.databaseUrl ? 'warning' : 'error',
        message: options.databaseUrl ? `${message} They are applied on database-url only.` : message,
        alternative:
          'Give database-url (a PostgreSQL service container with the extension installed) so the migrations can be applied there.',
      });
      report.embeddedSkipped = `extension${unavailable.length > 1 ? 's' : ''} ${unavailable.join(', ')} not available in PGlite`;
      return;
    }
    const bootStarted = performance.now();
    const client = await openEmbedded({ extensions });
    const bootMs = performance.now() - bootStarted;
    logger.info(
      `PGlite ready in ${Math.round(bootMs)} ms${Object.keys(extensions).length ? ` with ${Object.keys(extensions).join(', ')}` : ''}`,
    );
    try {
      const outcome = await applyChange(client, plan, 'embedded', {
        beforeNew: async (c: SqlClient) => {
          before = await introspect(c, { excludeTables: [ledgerTable] });
        },
      });
      report.embedded = { ...outcome, bootMs };
      if (outcome.failure) findings.push(outcome.failure);
      else after = await introspect(client, { excludeTables: [ledgerTable] });
      logger.info(
        `base: ${outcome.baseApplied} in ${Math.round(outcome.baseMs)} ms; new: ${outcome.timings.map((t) => `${t.name} ${Math.round(t.durationMs)} ms`).join(', ') || 'none'}`,
      );
    } finally {
      await client.close();
    }
  });

  if (options.databaseUrl) {
    const url = options.databaseUrl;
    await logger.group('Apply on database-url', async () => {
      const client = await connectPostgres(url, { logger });
      try {
        report.database = await applyChange(client, plan, 'database-url');
        if (report.database.failure)
          findings.push({ ...report.database.failure, message: `database-url: ${report.database.failure.message}` });
      } finally {
        await client.close();
      }
    });
  }

  if (options.lint) {
    report.lint = await logger.group('Lint new migrations', async () => {
      const columns = columnTypes(before);
      const result = await lintMigrations(change.added, {
        ignore: options.lintIgnore,
        enable: inputs.list('lint-enable'),
        before,
        columnType: (table, column) => columns.get(`${table}.${column}`),
      });
      logger.info(
        `${result.statements} statement(s), ${result.findings.length} finding(s), ${result.suppressed.length} ignored by comment`,
      );
      return result;
    });
    findings.push(...report.lint.findings);
  } else {
    report.lintSkipped = 'lint: false';
  }

  if (before && after) {
    report.changes = { before, after, differences: diffCatalogs(before, after) };
  } else {
    report.changesSkipped = 'needs a successful apply on the embedded database';
  }

  const lintFails = (f: Finding) =>
    f.check === 'lint' && (options.failOn === 'warning' || (options.failOn === 'error' && f.severity === 'error'));
  const failing = findings.filter((f) => (f.check === 'lint' ? lintFails(f) : f.severity === 'error'));
  report.passed = failing.length === 0;
  report.durationMs = performance.now() - started;

  for (const finding of findings) annotate(context, project.projectRoot, finding);
  const published = await context.report.publish(renderReport(report, lintFails));
  context.setOutput('result', report.passed ? 'passed' : 'failed');
  context.setOutput(
    'new-migrations',
    change.added.map((m) => m.name),
  );
  context.setOutput(
    'findings',
    findings.map((f) => ({ ...f, file: f.file && repositoryPath(context.baseDir, project.projectRoot, f.file) })),
  );
  context.setOutput('report', published.path);
  context.setOutput('duration-ms', Math.round(report.durationMs));
  if (report.passed) return {};
  const first = failing[0]!;
  return {
    failure: `${failing.length} problem(s); first: ${first.message.split('\n')[0]}${failing.length > 1 ? ' (see the report)' : ''}`,
  };
}

function readSeed(path: string | undefined, projectRoot: string): SeedSql | undefined {
  if (!path) return undefined;
  const absolute = resolve(projectRoot, path);
  if (!existsSync(absolute)) {
    throw new ConfigurationError(
      `seed-sql ${path} does not exist (relative to working-directory); fix the path or remove the input`,
    );
  }
  return { file: relative(projectRoot, absolute), sql: readFileSync(absolute, 'utf8') };
}

/** `schema.table.column` → type before the change, for lint's safe-widening check. */
function columnTypes(catalog: Catalog | undefined): Map<string, string> {
  const types = new Map<string, string>();
  for (const table of catalog?.tables ?? []) {
    for (const column of table.columns) types.set(`${table.schema}.${table.name}.${column.name}`, column.type);
  }
  return types;
}

function annotate(context: RunContext, projectRoot: string, finding: Finding): void {
  const where = finding.file
    ? {
        file: repositoryPath(context.baseDir, projectRoot, finding.file),
        line: finding.line,
        title: `schema-check: ${finding.rule}`,
      }
    : { title: `schema-check: ${finding.rule}` };
  const text = finding.alternative ? `${finding.message} Fix: ${finding.alternative}` : finding.message;
  if (finding.severity === 'error') context.logger.error(text, where);
  else context.logger.warning(text, where);
}

function shellQuote(value: string): string {
  return /^[\w./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
