import { postgresErrorFields, type SqlClient } from '../lib/db/client';
import {
  execute,
  MigrationFailedError,
  plan,
  type ExecuteHooks,
  type LedgerTarget,
  type MigrationTiming,
  type Refusal,
  type TransactionPolicy,
} from '../lib/migrations/executor';
import { readLedger, type LedgerLocation } from '../lib/migrations/ledger';
import type { Layout, Migration } from '../lib/migrations/model';
import { EffectsObserver, type Effect } from './effects';
import type { Finding } from './findings';

export interface SeedSql {
  /** Relative to the project root. */
  file: string;
  sql: string;
}

/** What a check applies: the base commit's migrations, the optional seed, then the change's new migrations. */
export interface ChangeToApply {
  layout: Layout;
  ledger: LedgerLocation;
  policy: TransactionPolicy;
  base: Migration[];
  added: Migration[];
  seed?: SeedSql;
}

export interface ApplyOutcome {
  /** 'embedded' or 'database-url'. */
  target: string;
  baseMs: number;
  baseApplied: number;
  seeded: boolean;
  timings: MigrationTiming[];
  failure?: Finding;
  notes: string[];
  /** What each new statement did to the relations that existed before (see effects.ts). */
  effects: Effect[];
}

export interface ApplyHooks {
  /** Called after the base migrations (none, or none left to apply, included), before the seed. */
  afterBase?: (client: SqlClient) => Promise<void>;
  /** Called after the base migrations and the seed, before the new migrations (e.g. to read the catalog). */
  beforeNew?: (client: SqlClient) => Promise<void>;
}

export interface ApplyOptions {
  /**
   * The database holds exactly the base migrations because this check put them there earlier (a saved state), not
   * because it was migrated before: the seed still runs and nothing is noted.
   */
  baseRestored?: boolean;
}

/** The refusal of the deploy's transaction policy, as a finding on the migration that causes it. */
export function refusalFinding(refusal: Refusal): Finding {
  return {
    check: 'apply',
    rule: 'transaction-policy',
    severity: 'error',
    migration: refusal.migration.name,
    file: refusal.migration.file,
    line: 1,
    message: `The deploy would refuse this change: ${refusal.message}.`,
    alternative: `${refusal.fix[0]!.toUpperCase()}${refusal.fix.slice(1)}.`,
  };
}

/**
 * Base migrations, then the seed, then the new migrations, through the same planner and executor as the deploy and
 * with the same transaction policy; stops at the first failure and says where.
 */
export async function applyChange(
  client: SqlClient,
  change: ChangeToApply,
  target: string,
  hooks: ApplyHooks = {},
  options: ApplyOptions = {},
): Promise<ApplyOutcome> {
  const outcome: ApplyOutcome = {
    target,
    baseMs: 0,
    baseApplied: 0,
    seeded: false,
    timings: [],
    notes: [],
    effects: [],
  };
  // A database that already has a ledger (a preview branch of a migrated database) gets only what it lacks.
  const ledger = await readLedger(client, change.ledger);
  const appliedHashes = new Set(ledger.rows.map((r) => r.hash));
  if (ledger.rows.length > 0 && !options.baseRestored) {
    outcome.notes.push(
      `the database already records ${ledger.rows.length} applied migration(s); only the others were applied`,
    );
  }
  const ledgerTarget: LedgerTarget = { location: change.ledger, layout: change.layout, exists: ledger.exists };
  const base = change.base.filter((m) => !appliedHashes.has(m.hash));
  const started = performance.now();
  outcome.failure = await applyBase(client, ledgerTarget, base, change.policy);
  if (outcome.failure) return outcome;
  outcome.baseMs = performance.now() - started;
  outcome.baseApplied = base.length;
  await hooks.afterBase?.(client);

  outcome.failure = await applySeed(client, change.seed, ledger.rows.length === 0 || !!options.baseRestored, outcome);
  if (outcome.failure) return outcome;
  await hooks.beforeNew?.(client);
  const observer = new EffectsObserver(`${change.ledger.schema}.${change.ledger.table}`);
  await observer.snapshot(client);
  await applyAdded(
    client,
    ledgerTarget,
    change.added.filter((m) => !appliedHashes.has(m.hash)),
    change.policy,
    outcome,
    observer.hooks(client),
  );
  outcome.effects = observer.effects();
  return outcome;
}

/** Deployed history: if the policy refuses it (it was deployed under another one), one transaction per migration. */
async function applyBase(
  client: SqlClient,
  ledger: LedgerTarget,
  base: Migration[],
  policy: TransactionPolicy,
): Promise<Finding | undefined> {
  const planned = plan(base, policy);
  const batches = planned.batches ?? plan(base, 'each').batches ?? [];
  const result = await execute(client, ledger, batches);
  if (result.committed.length) ledger.exists = true;
  return result.failure && migrationFailure(result.failure.error, false);
}

async function applySeed(
  client: SqlClient,
  seed: SeedSql | undefined,
  fresh: boolean,
  outcome: ApplyOutcome,
): Promise<Finding | undefined> {
  if (!seed) return undefined;
  if (!fresh) {
    outcome.notes.push('seed-sql was not run: the database already had migrations applied');
    return undefined;
  }
  try {
    await client.exec(seed.sql);
    outcome.seeded = true;
    return undefined;
  } catch (error) {
    const pg = postgresErrorFields(error);
    const line = lineAt(seed.sql, pg.position);
    return {
      check: 'apply',
      rule: 'seed-failed',
      severity: 'error',
      file: seed.file,
      line,
      message: `seed-sql ${seed.file} failed at line ${line}: ${pg.message}`,
    };
  }
}

/**
 * The change's migrations, planned exactly as the deploy plans them. A refusal is reported by the caller (see
 * refusalFinding); the migrations are then still applied one per transaction so every other problem shows too.
 */
async function applyAdded(
  client: SqlClient,
  ledger: LedgerTarget,
  added: Migration[],
  policy: TransactionPolicy,
  outcome: ApplyOutcome,
  hooks: ExecuteHooks = {},
): Promise<void> {
  const planned = plan(added, policy);
  if (planned.refusal) {
    outcome.notes.push(
      `transaction: ${policy} refuses ${planned.refusal.migration.name}; the new migrations were applied one per transaction to check them anyway`,
    );
  }
  const batches = planned.batches ?? plan(added, 'each').batches ?? [];
  const result = await execute(client, ledger, batches, hooks);
  outcome.timings.push(...result.committed);
  if (result.failure) outcome.failure = migrationFailure(result.failure.error, true);
}

/**
 * Without an error position PostgreSQL points at the whole chunk; its first line may be a comment, so the line
 * reported is that of the chunk's first statement keyword.
 */
function statementLine(error: MigrationFailedError): number {
  if (error.postgres.position) return error.line;
  const lines = error.migration.sql.split('\n');
  let line = error.line;
  while (line <= lines.length && /^\s*(--.*)?$/.test(lines[line - 1] ?? '')) line++;
  return line <= lines.length ? line : error.line;
}

function migrationFailure(error: unknown, isNew: boolean): Finding {
  // Anything but a statement PostgreSQL refused (a lost connection, a bug) is not a finding about the migrations.
  if (!(error instanceof MigrationFailedError)) throw error;
  const pg = error.postgres;
  const line = statementLine(error);
  const extras = [pg.detail && `Detail: ${pg.detail}`, pg.hint && `Hint: ${pg.hint}`, pg.code && `SQLSTATE ${pg.code}`]
    .filter(Boolean)
    .join('. ');
  return {
    check: 'apply',
    rule: isNew ? 'migration-failed' : 'base-migration-failed',
    severity: 'error',
    migration: error.migration.name,
    file: error.migration.file,
    line,
    message:
      `${isNew ? 'Migration' : 'Base migration'} ${error.migration.name} failed at ${error.migration.file}:${line}: ${pg.message}` +
      (extras ? ` (${extras})` : ''),
  };
}

function lineAt(text: string, position: number | undefined): number {
  if (!position) return 1;
  return text.slice(0, position - 1).split('\n').length;
}
