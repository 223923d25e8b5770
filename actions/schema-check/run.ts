import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { diffCatalogs, type Catalog, type Difference } from '../lib/catalog';
import type { CommandResult, RunContext } from '../lib/command';
import { preparePGlite } from '../lib/db/pglite';
import { connectPostgres } from '../lib/db/postgres';
import { defaultStateCacheDir, StateCache } from '../lib/db/state-cache';
import { cancellation, ConfigurationError } from '../lib/errors';
import { plan, type TransactionPolicy } from '../lib/migrations/executor';
import type { IntegrityProblem } from '../lib/migrations/model';
import { dataOf, done, skipped, type Phase } from '../lib/phase';
import { readProject, readTransactionPolicy, type Project } from '../lib/project';
import { applyChange, refusalFinding, type ApplyOutcome, type ChangeToApply, type SeedSql } from './apply';
import { loadBaseMigrations, resolveBaseRef, type BaseRef } from './base';
import { judgeWithEffects, type Effect } from './effects';
import { DeferredLog } from './deferred-log';
import { applyOnEmbedded, type EmbeddedApply } from './embedded';
import type { Finding } from './findings';
import { generateFindings, runGenerate, type GenerateResult } from './generate';
import { integrityFindings } from './integrity';
import type { LintResult } from './lint';
import { compareWithBase, type ChangeSet } from './order';
import type { SchemaCheckReport } from './report';

const FAIL_ON = ['error', 'warning', 'never'] as const;
const COMMENT = ['always', 'on-failure', 'never'] as const;

interface CheckOptions {
  generate: boolean;
  generateTimeoutMs: number;
  lint: boolean;
  failOn: (typeof FAIL_ON)[number];
  lintIgnore: string[];
  lintEnable: string[];
  databaseUrl?: string;
  transaction: TransactionPolicy;
  comment: (typeof COMMENT)[number];
  /** Where the state after the base migrations is saved and reused; undefined with embedded-cache: false. */
  cacheDir?: string;
}

export async function run(context: RunContext): Promise<CommandResult> {
  const started = performance.now();
  preparePGlite();
  const options = readOptions(context);
  const project = await readProject(context);
  const seed = readSeed(context.inputs.optional('seed-sql'), project.projectRoot);
  const { base, change, inherited } = await compareWithBaseCommit(context, project);
  const toApply: ChangeToApply = {
    layout: project.set.layout,
    ledger: project.ledger,
    policy: options.transaction,
    base: change.base,
    added: change.added,
    seed,
  };
  const { generate, embedded } = await generateAndApply(context, project, options, toApply);
  const database = options.databaseUrl
    ? done(await databasePhase(context, options.databaseUrl, toApply))
    : skipped<ApplyOutcome>('no database-url');
  const before = dataOf(embedded.phase)?.before;
  const lint = options.lint
    ? done(await lintPhase(context, change, options, before))
    : skipped<LintResult>('lint: false');
  const effects = observedEffects(embedded.phase, database);

  const report: SchemaCheckReport = {
    passed: false,
    set: project.set,
    base,
    added: change.added,
    findings: collectFindings(project, change, options, {
      inherited,
      generate,
      embedded: embedded.findings,
      database,
      lint,
      effects,
    }),
    failOn: options.failOn,
    generate,
    embedded: embedded.phase,
    database,
    lint,
    changes: whatChanges(before, dataOf(embedded.phase)?.after),
    effects,
    durationMs: 0,
  };
  return conclude(context, report, options, started);
}

function readOptions(context: RunContext): CheckOptions {
  const { inputs } = context;
  return {
    generate: inputs.boolean('generate'),
    generateTimeoutMs: inputs.duration('generate-timeout'),
    lint: inputs.boolean('lint'),
    failOn: inputs.enum('fail-on', FAIL_ON),
    lintIgnore: inputs.list('lint-ignore'),
    lintEnable: inputs.list('lint-enable'),
    databaseUrl: inputs.optional('database-url'),
    transaction: readTransactionPolicy(inputs),
    comment: inputs.enum('comment', COMMENT),
    cacheDir: inputs.boolean('embedded-cache')
      ? resolve(inputs.optional('embedded-cache-dir') ?? defaultStateCacheDir(context.env))
      : undefined,
  };
}

async function compareWithBaseCommit(
  context: RunContext,
  project: Project,
): Promise<{ base: BaseRef & { sha: string }; change: ChangeSet; inherited?: IntegrityProblem[] }> {
  const { logger } = context;
  const baseRef = resolveBaseRef(context);
  const base = await logger.group(`Compare with the base (${baseRef.ref})`, async () => {
    const loaded = loadBaseMigrations(project.projectRoot, project.set, baseRef);
    logger.info(`base ${loaded.sha}: ${loaded.set?.migrations.length ?? 0} migrations`);
    return loaded;
  });
  const change = compareWithBase(project.set, base.set);
  logger.info(`new migrations: ${change.added.map((m) => m.name).join(', ') || 'none'}`);
  return { base: { ...baseRef, sha: base.sha }, change, inherited: base.set?.problems };
}

/**
 * generate-command (a child process) and the embedded apply (this process) need nothing from each other, so they run
 * at once, on two cores; each phase's log group is written when both are done, in the report's order. Both are always
 * waited for: the work tree is restored and PGlite closed whichever fails or is cancelled first.
 */
async function generateAndApply(
  context: RunContext,
  project: Project,
  options: CheckOptions,
  toApply: ChangeToApply,
): Promise<{ generate: Phase<GenerateResult>; embedded: { phase: Phase<EmbeddedApply>; findings: Finding[] } }> {
  const command = options.generate ? generateCommand(context) : undefined;
  const generating = command
    ? runGenerate({
        command,
        projectRoot: project.projectRoot,
        migrationsDir: project.set.dir,
        timeoutMs: options.generateTimeoutMs,
        env: context.env,
        signal: context.signal,
      })
    : undefined;
  const embeddedLog = new DeferredLog();
  const applying = applyOnEmbedded(toApply, embeddedLog.logger(context.logger), options.databaseUrl !== undefined, {
    cache: options.cacheDir ? new StateCache(options.cacheDir) : undefined,
    signal: context.signal,
  });
  const [generated, applied] = await Promise.allSettled([generating, applying]);

  let generate: Phase<GenerateResult> = skipped('generate: false');
  if (command) {
    generate = done(
      await context.logger.group('Generate (must write nothing)', async () => {
        const result = settled(generated)!;
        // The work tree is restored by now; a cancelled check stops here rather than report a half-run generate.
        if (context.signal.aborted) throw cancellation(context.signal);
        context.logger.info(result.output.trim());
        context.logger.info(
          `${command}: exit code ${result.exitCode}, ${result.changed.length} file(s) written, work tree restored`,
        );
        return result;
      }),
    );
  }
  const embedded = await context.logger.group('Apply on embedded PostgreSQL (PGlite)', async () => {
    embeddedLog.replay(context.logger);
    return settled(applied);
  });
  return { generate, embedded };
}

function settled<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}

function generateCommand(context: RunContext): string {
  const configInput = context.inputs.string('drizzle-config') || 'drizzle.config.ts';
  return context.inputs.optional('generate-command') ?? `npx drizzle-kit generate --config ${shellQuote(configInput)}`;
}

async function databasePhase(context: RunContext, url: string, change: ChangeToApply): Promise<ApplyOutcome> {
  return context.logger.group('Apply on database-url', async () => {
    const client = await connectPostgres(url, { logger: context.logger });
    try {
      const outcome = await applyChange(client, change, 'database-url');
      return outcome.failure
        ? { ...outcome, failure: { ...outcome.failure, message: `database-url: ${outcome.failure.message}` } }
        : outcome;
    } finally {
      await client.close();
    }
  });
}

async function lintPhase(
  context: RunContext,
  change: ChangeSet,
  options: CheckOptions,
  before: Catalog | undefined,
): Promise<LintResult> {
  return context.logger.group('Lint new migrations', async () => {
    // The rules and their parser, like the report below, load when their phase starts, not with the action.
    const { lintMigrations } = await import('./lint');
    const columns = columnTypes(before);
    const result = await lintMigrations(change.added, {
      ignore: options.lintIgnore,
      enable: options.lintEnable,
      before,
      policy: options.transaction,
      columnType: (table, column) => columns.get(`${table}.${column}`),
    });
    context.logger.info(
      `${result.statements} statement(s), ${result.findings.length} finding(s), ${result.suppressed.length} ignored by comment`,
    );
    return result;
  });
}

function whatChanges(
  before: Catalog | undefined,
  after: Catalog | undefined,
): Phase<{ before: Catalog; after: Catalog; differences: Difference[] }> {
  if (!before || !after) return skipped('needs a successful apply on the embedded database');
  return done({ before, after, differences: diffCatalogs(before, after) });
}

/** Every finding of every phase, in the order the report lists the checks. */
function collectFindings(
  project: Project,
  change: ChangeSet,
  options: CheckOptions,
  phases: {
    /** The base commit's folder problems: deployed history, judged apart from what the change adds. */
    inherited?: IntegrityProblem[];
    generate: Phase<GenerateResult>;
    embedded: Finding[];
    database: Phase<ApplyOutcome>;
    lint: Phase<LintResult>;
    effects: Effect[];
  },
): Finding[] {
  const integrity = integrityFindings(project.set.problems, phases.inherited);
  const refusal = plan(change.added, options.transaction).refusal;
  const databaseFailure = dataOf(phases.database)?.failure;
  const generated = dataOf(phases.generate);
  return [
    ...integrity,
    ...change.findings,
    ...(generated ? generateFindings(generated) : []),
    ...(refusal ? [refusalFinding(refusal)] : []),
    ...phases.embedded,
    ...(databaseFailure ? [databaseFailure] : []),
    ...lintJudged(dataOf(phases.lint), phases.effects, options.lintIgnore),
  ];
}

/** Lint confirmed or refuted by what PostgreSQL did; observed-rewrite obeys lint-ignore like every lint rule. */
function lintJudged(lint: LintResult | undefined, effects: Effect[], ignore: string[]): Finding[] {
  if (!lint) return [];
  return judgeWithEffects(lint.findings, effects, lint.suppressed).filter((f) => !ignore.includes(f.rule));
}

/** Real PostgreSQL's effects when database-url is given (a copy of production times them), else PGlite's. */
function observedEffects(embedded: Phase<EmbeddedApply>, database: Phase<ApplyOutcome>): Effect[] {
  return dataOf(database)?.effects ?? dataOf(embedded)?.outcome.effects ?? [];
}

/** Decides the verdict, annotates, publishes the report and sets the outputs. */
async function conclude(
  context: RunContext,
  report: SchemaCheckReport,
  options: CheckOptions,
  started: number,
): Promise<CommandResult> {
  const lintFails = (f: Finding) =>
    f.check === 'lint' && (options.failOn === 'warning' || (options.failOn === 'error' && f.severity === 'error'));
  const failing = report.findings.filter((f) => (f.check === 'lint' ? lintFails(f) : f.severity === 'error'));
  report.passed = failing.length === 0;
  report.durationMs = performance.now() - started;

  for (const finding of report.findings) annotate(context, finding);
  const { commentMode, reportContext, renderReport, suggestionComments } = await import('./report');
  const links = reportContext(context, lintFails);
  const comment = commentMode(options.comment, report.passed);
  const published = await context.report.publish(renderReport(report, links), { comment });
  if (comment === true) await context.report.suggest?.(suggestionComments(report, links));
  context.setOutput('result', report.passed ? 'passed' : 'failed');
  context.setOutput(
    'new-migrations',
    report.added.map((m) => m.name),
  );
  context.setOutput(
    'findings',
    report.findings.map((f) => ({ ...f, file: f.file && context.logger.repositoryPath(f.file) })),
  );
  context.setOutput(
    'effects',
    report.effects.map((e) => ({ ...e, file: context.logger.repositoryPath(e.file) })),
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

function annotate(context: RunContext, finding: Finding): void {
  const where = { file: finding.file, line: finding.line, title: `schema-check: ${finding.rule}` };
  const text = finding.alternative ? `${finding.message} Fix: ${finding.alternative}` : finding.message;
  if (finding.severity === 'error') context.logger.error(text, where);
  else context.logger.warning(text, where);
}

function shellQuote(value: string): string {
  return /^[\w./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
