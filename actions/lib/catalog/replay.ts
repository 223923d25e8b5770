import { quoteIdent } from '../db/client';
import { openEmbedded, resolveEmbeddedExtensions, type PGliteClient } from '../db/pglite';
import { execute, plan, type MigrationFailedError } from '../migrations/executor';
import { extensionsCreatedBy } from '../migrations/extensions';
import type { LedgerLocation } from '../migrations/ledger';
import type { Layout, Migration } from '../migrations/model';
import { createRoles, rolesMentioned } from './roles';

export interface ReplayOptions {
  ledger: LedgerLocation;
  layout: Layout;
}

const MISSING_ROLE = /role "([^"]+)" does not exist/;

/**
 * Builds the schema that exactly these migrations produce, in an embedded PostgreSQL (PGlite), through the same
 * executor as a deploy (one transaction per migration, so one that needs a fix is retried alone). PGlite loads
 * extensions only at start-up, so the ones the migrations create are loaded first; roles the migrations grant to or
 * create policies for exist on the server, not in the files, so a missing one is created and the migration retried.
 */
export async function replayMigrations(migrations: Migration[], options: ReplayOptions): Promise<PGliteClient> {
  const { extensions, unavailable } = await resolveEmbeddedExtensions(
    extensionsCreatedBy(migrations.map((m) => m.sql)),
  );
  const client = await openEmbedded({ extensions });
  try {
    // On a real server the roles exist before any migration runs; the retry below catches names the scan misses.
    await createRoles(client, rolesMentioned(migrations.map((m) => m.sql)));
    const result = await execute(
      client,
      { location: options.ledger, layout: options.layout, exists: false },
      plan(migrations, 'each').batches ?? [],
      { recover: (_step, error) => createMissingRole(client, error) },
    );
    if (result.failure) throw explain(result.failure.error, unavailable);
    return client;
  } catch (error) {
    await client.close();
    throw error;
  }
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
