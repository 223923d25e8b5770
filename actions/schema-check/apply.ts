import { postgresErrorFields, type SqlClient } from '../lib/db/client';
import { MigrationFailedError, runMigrationChunks } from '../lib/migrations/apply';
import { ensureLedger, ledgerInsert, readLedger, type LedgerLocation } from '../lib/migrations/ledger';
import type { Layout, Migration } from '../lib/migrations/model';
import type { Finding } from './findings';

export interface SeedSql {
  /** Relative to the project root. */
  file: string;
  sql: string;
}

export interface ApplyPlan {
  layout: Layout;
  ledger: LedgerLocation;
  base: Migration[];
  added: Migration[];
  seed?: SeedSql;
}

export interface MigrationTiming {
  name: string;
  durationMs: number;
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
}

export interface ApplyHooks {
  /** Called after the base migrations and the seed, before the new migrations (e.g. to read the catalog). */
  beforeNew?: (client: SqlClient) => Promise<void>;
}

/**
 * Applies migrations as drizzle-orm's migrator does: in one transaction, recording each in the ledger. Files marked
 * `-- schema-actions:no-transaction` run on their own, outside it, as migrate-with-telemetry runs them.
 */
export async function applyMigrations(
  client: SqlClient,
  migrations: Migration[],
  ledger: LedgerLocation,
  layout: Layout,
  onApplied: (migration: Migration, durationMs: number) => void = () => undefined,
): Promise<void> {
  if (migrations.length === 0) return;
  await ensureLedger(client, ledger, layout);
  let open = false;
  try {
    for (const migration of migrations) {
      if (migration.noTransaction && open) {
        await client.exec('COMMIT');
        open = false;
      } else if (!migration.noTransaction && !open) {
        await client.exec('BEGIN');
        open = true;
      }
      const started = performance.now();
      await runMigrationChunks(client, migration);
      const insert = ledgerInsert(ledger, layout, migration);
      await client.query(insert.sql, insert.params);
      onApplied(migration, performance.now() - started);
    }
    if (open) await client.exec('COMMIT');
  } catch (error) {
    if (open) await client.exec('ROLLBACK').catch(() => undefined);
    throw error;
  }
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

function migrationFailure(error: MigrationFailedError, isNew: boolean): Finding {
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

/** Base migrations, then the seed, then each new migration, timed; stops at the first failure and says where. */
export async function applyChange(
  client: SqlClient,
  plan: ApplyPlan,
  target: string,
  hooks: ApplyHooks = {},
): Promise<ApplyOutcome> {
  const outcome: ApplyOutcome = { target, baseMs: 0, baseApplied: 0, seeded: false, timings: [], notes: [] };
  // A database that already has a ledger (a preview branch of a migrated database) gets only what it lacks.
  const rows = (await readLedger(client, plan.ledger)) ?? [];
  const appliedHashes = new Set(rows.map((r) => r.hash));
  const base = plan.base.filter((m) => !appliedHashes.has(m.hash));
  if (rows.length > 0) {
    outcome.notes.push(
      `the database already records ${rows.length} applied migration(s); only the others were applied`,
    );
  }
  const started = performance.now();
  try {
    await applyMigrations(client, base, plan.ledger, plan.layout);
  } catch (error) {
    if (!(error instanceof MigrationFailedError)) throw error;
    outcome.failure = migrationFailure(error, false);
    return outcome;
  }
  outcome.baseMs = performance.now() - started;
  outcome.baseApplied = base.length;

  if (plan.seed && rows.length === 0) {
    try {
      await client.exec(plan.seed.sql);
      outcome.seeded = true;
    } catch (error) {
      const pg = postgresErrorFields(error);
      const line = lineAt(plan.seed.sql, pg.position);
      outcome.failure = {
        check: 'apply',
        rule: 'seed-failed',
        severity: 'error',
        file: plan.seed.file,
        line,
        message: `seed-sql ${plan.seed.file} failed at line ${line}: ${pg.message}`,
      };
      return outcome;
    }
  } else if (plan.seed) {
    outcome.notes.push('seed-sql was not run: the database already had migrations applied');
  }

  await hooks.beforeNew?.(client);
  const added = plan.added.filter((m) => !appliedHashes.has(m.hash));
  try {
    await applyMigrations(client, added, plan.ledger, plan.layout, (migration, durationMs) =>
      outcome.timings.push({ name: migration.name, durationMs }),
    );
  } catch (error) {
    if (!(error instanceof MigrationFailedError)) throw error;
    outcome.failure = migrationFailure(error, true);
  }
  return outcome;
}
