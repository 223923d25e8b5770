import { quoteIdent, type SqlClient } from '../db/client';
import { openEmbedded, resolveEmbeddedExtensions, type PGliteClient } from '../db/pglite';
import { cancellation, ConfigurationError } from '../errors';
import { execute, MigrationFailedError, plan } from '../migrations/executor';
import { extensionsCreatedBy } from '../migrations/extensions';
import type { LedgerLocation } from '../migrations/ledger';
import type { Layout, Migration } from '../migrations/model';
import { createRoles, rolesMentioned } from './roles';

export interface ReplayOptions {
  ledger: LedgerLocation;
  layout: Layout;
  /** Stops the replay between statements (the job was cancelled). */
  signal?: AbortSignal;
}

const MISSING_ROLE = /role "([^"]+)" does not exist/;
/** A folder that needs more skips than this is not one an absent extension explains. */
const MAX_UNREPLAYED = 100;

/** A statement of an applied migration that the embedded PostgreSQL could not run, and what it would create. */
export interface Unreplayed {
  migration: Migration;
  line: number;
  /** The statement's first line, to name it in the report. */
  statement: string;
  reason: string;
  /** Qualified names (drift-check's ignore patterns) of what the statement creates: not compared. */
  objects: string[];
}

export interface Replay {
  client: PGliteClient;
  /** Extensions the migrations create that PGlite does not ship. */
  unavailable: string[];
  /** Statements skipped because of them; empty when every statement replayed. */
  unreplayed: Unreplayed[];
}

/**
 * Builds the schema that exactly these migrations produce, in an embedded PostgreSQL (PGlite), through the same
 * executor as a deploy (one transaction per migration, so one that needs a fix is retried alone). PGlite loads
 * extensions only at start-up, so the ones the migrations create are loaded first; roles the migrations grant to or
 * create policies for exist on the server, not in the files, so a missing one is created and the migration retried.
 * When PGlite lacks an extension (postgis), each statement that fails is skipped and named, so the rest is compared.
 */
export async function replayMigrations(migrations: Migration[], options: ReplayOptions): Promise<Replay> {
  const { extensions, unavailable } = await resolveEmbeddedExtensions(
    extensionsCreatedBy(migrations.map((m) => m.sql)),
  );
  const client = await openEmbedded({ extensions });
  try {
    // On a real server the roles exist before any migration runs; the recovery below catches names the scan misses.
    await createRoles(client, rolesMentioned(migrations.map((m) => m.sql)));
    const unreplayed = await replayInto(client, migrations, options, {
      unavailable,
      recover: (error) => createMissingRole(client, error),
    });
    return { client, unavailable, unreplayed };
  } catch (error) {
    await client.close();
    throw error;
  }
}

/**
 * Replays the migrations into a database of a real server (scratch.ts made it), through the same executor. Roles
 * are the server's, shared by all its databases, so a missing one is not created here: the replay stops and says
 * which role the scratch server needs.
 */
export async function replayOnServer(
  client: SqlClient,
  migrations: Migration[],
  options: ReplayOptions,
): Promise<void> {
  try {
    await replayInto(client, migrations, options, { unavailable: [], recover: async () => false });
  } catch (error) {
    const role = error instanceof MigrationFailedError ? MISSING_ROLE.exec(error.postgres.message)?.[1] : undefined;
    if (!role) throw error;
    throw new ConfigurationError(
      `${error instanceof Error ? error.message : String(error)} The scratch server has no role "${role}" (roles belong to the server, not to a database): create it there, or point scratch-database-url at the live database's server.`,
    );
  }
}

interface ReplayRules {
  /** Extensions the target lacks: a statement failing because of one is skipped and named. */
  unavailable: string[];
  /** Fixes what made a migration fail (resolves true) so that it is run again. */
  recover(error: MigrationFailedError): Promise<boolean>;
}

async function replayInto(
  client: SqlClient,
  migrations: Migration[],
  options: ReplayOptions,
  rules: ReplayRules,
): Promise<Unreplayed[]> {
  const { unavailable } = rules;
  const unreplayed: Unreplayed[] = [];
  const { signal } = options;
  let pending = migrations;
  let ledgerExists = false;
  for (;;) {
    const result = await execute(
      client,
      { location: options.ledger, layout: options.layout, exists: ledgerExists },
      plan(pending, 'each').batches ?? [],
      {
        recover: (_step, error) => rules.recover(error),
        ...(signal ? { checkpoint: () => (signal.aborted ? throwCancelled(signal) : undefined) } : {}),
      },
    );
    ledgerExists ||= result.committed.length > 0;
    if (!result.failure) return unreplayed;
    // A cancel interrupts the running statement: its error is the cancel's, not the migration's.
    if (signal?.aborted) throw cancellation(signal);
    const { error } = result.failure;
    if (!unavailable.length || !(error instanceof MigrationFailedError) || unreplayed.length >= MAX_UNREPLAYED)
      throw explain(error, unavailable);
    unreplayed.push(describeUnreplayed(error));
    // The failing migration was rolled back: replay it again without that statement, then the rest.
    const failed = error.migration;
    const without: Migration = { ...failed, chunks: failed.chunks.filter((c) => c !== error.chunk) };
    pending = [without, ...pending.slice(pending.indexOf(failed) + 1)];
  }
}

function throwCancelled(signal: AbortSignal): never {
  throw cancellation(signal);
}

function describeUnreplayed(error: MigrationFailedError): Unreplayed {
  const text = error.chunk.sql
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('--'));
  const first = text[0] ?? '';
  return {
    migration: error.migration,
    line: error.line,
    statement: first.length > 120 ? `${first.slice(0, 117)}...` : first,
    reason: error.postgres.message,
    objects: objectsCreatedBy(error.chunk.sql),
  };
}

const NAME = String.raw`(?:"[^"]+"|[\w$]+)`;
const QUALIFIED = String.raw`(${NAME}(?:\s*\.\s*${NAME})?)`;
const CREATES: { pattern: RegExp; objects: (m: RegExpMatchArray) => string[] }[] = [
  {
    pattern: new RegExp(String.raw`create\s+extension\s+(?:if\s+not\s+exists\s+)?(${NAME})`, 'gi'),
    objects: (m) => [unquote(m[1]!)],
  },
  {
    pattern: new RegExp(String.raw`create\s+(?:unlogged\s+)?table\s+(?:if\s+not\s+exists\s+)?${QUALIFIED}`, 'gi'),
    // A serial column's sequence is named after the table.
    objects: (m) => [qualify(m[1]!), `${qualify(m[1]!)}_*_seq`],
  },
  {
    pattern: new RegExp(
      String.raw`create\s+(?:or\s+replace\s+)?(?:materialized\s+)?view\s+(?:if\s+not\s+exists\s+)?${QUALIFIED}`,
      'gi',
    ),
    objects: (m) => [qualify(m[1]!)],
  },
  {
    pattern: new RegExp(
      String.raw`create\s+(?:unique\s+)?index\s+(?:concurrently\s+)?(?:if\s+not\s+exists\s+)?(${NAME})\s+on\s+(?:only\s+)?${QUALIFIED}`,
      'gi',
    ),
    objects: (m) => [`${schemaOf(m[2]!)}.${unquote(m[1]!)}`],
  },
  {
    pattern: new RegExp(
      String.raw`alter\s+table\s+(?:if\s+exists\s+)?(?:only\s+)?${QUALIFIED}\s+add\s+(?:column\s+)?(?:if\s+not\s+exists\s+)?(${NAME})`,
      'gi',
    ),
    objects: (m) => (/^constraint$/i.test(m[2]!) ? [`${qualify(m[1]!)}.*`] : [`${qualify(m[1]!)}.${unquote(m[2]!)}`]),
  },
  {
    pattern: new RegExp(
      String.raw`create\s+(?:or\s+replace\s+)?trigger\s+(${NAME})\s+[\s\S]*?\bon\s+${QUALIFIED}`,
      'gi',
    ),
    objects: (m) => [`${qualify(m[2]!)}.${unquote(m[1]!)}`],
  },
];

/** What a statement creates, as drift-check names objects; a best effort that only narrows the comparison. */
export function objectsCreatedBy(sql: string): string[] {
  const bare = sql.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
  const names = CREATES.flatMap(({ pattern, objects }) => [...bare.matchAll(pattern)].flatMap(objects));
  return [...new Set(names)];
}

function unquote(name: string): string {
  return name.startsWith('"') ? name.slice(1, -1) : name.toLowerCase();
}

function qualify(name: string): string {
  const parts = name.split(/\s*\.\s*(?=(?:[^"]*"[^"]*")*[^"]*$)/).map(unquote);
  return parts.length > 1 ? parts.join('.') : `public.${parts[0]}`;
}

function schemaOf(table: string): string {
  return qualify(table).split('.')[0]!;
}

async function createMissingRole(client: PGliteClient, error: MigrationFailedError): Promise<boolean> {
  const role = MISSING_ROLE.exec(error.postgres.message)?.[1];
  if (!role) return false;
  await client.exec(`CREATE ROLE ${quoteIdent(role)}`);
  return true;
}

function explain(error: unknown, unavailable: string[]): unknown {
  if (!(error instanceof Error)) return error;
  const missing = unavailable.find((name) => error.message.includes(`"${name}"`));
  if (!missing) return error;
  return new Error(
    `${error.message} The embedded PostgreSQL (PGlite) does not ship the extension "${missing}", so the migrations that use it cannot be replayed for comparison.`,
    { cause: error },
  );
}
