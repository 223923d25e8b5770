import { quoteIdent } from '../db/client';
import { openEmbedded, resolveEmbeddedExtensions, type PGliteClient } from '../db/pglite';
import { runMigrationChunks, MigrationFailedError } from '../migrations/apply';
import { extensionsCreatedBy } from '../migrations/extensions';
import { ensureLedger, type LedgerLocation } from '../migrations/ledger';
import type { Layout, Migration } from '../migrations/model';

export interface ReplayOptions {
  /** Creates the (empty) ledger table too, so its schema exists as it does in a migrated database. */
  ledger?: LedgerLocation;
  layout?: Layout;
}

const MISSING_ROLE = /role "([^"]+)" does not exist/;

/**
 * Builds the schema that exactly these migrations produce, in an embedded PostgreSQL (PGlite). Each chunk runs in
 * autocommit, as permissive as any way the live database may have received it. PGlite loads extensions only at
 * start-up, so the ones the migrations create are loaded first; roles the migrations grant to or create policies for
 * exist on the server, not in the files, so a missing one is created and the chunk retried.
 */
export async function replayMigrations(migrations: Migration[], options: ReplayOptions = {}): Promise<PGliteClient> {
  const { extensions, unavailable } = await resolveEmbeddedExtensions(
    extensionsCreatedBy(migrations.map((m) => m.sql)),
  );
  const client = await openEmbedded({ extensions });
  try {
    if (options.ledger) await ensureLedger(client, options.ledger, options.layout ?? 'journal');
    for (const migration of migrations) await replayOne(client, migration, unavailable);
    return client;
  } catch (error) {
    await client.close();
    throw error;
  }
}

async function replayOne(client: PGliteClient, migration: Migration, unavailable: string[]): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await runMigrationChunks(client, migration);
      return;
    } catch (error) {
      if (!(error instanceof MigrationFailedError)) throw error;
      const role = MISSING_ROLE.exec(error.postgres.message)?.[1];
      if (role && attempt < 20) {
        await client.exec(`CREATE ROLE ${quoteIdent(role)}`);
        // Chunks before the failing one already ran; rerunning them would fail on "already exists".
        migration = { ...migration, chunks: migration.chunks.slice(failedChunk(migration, error)) };
        continue;
      }
      const missing = unavailable.find((name) => error.message.includes(`"${name}"`));
      if (missing) {
        throw new Error(
          `${error.message} The embedded PostgreSQL (PGlite) does not ship the extension "${missing}", so the migrations that use it cannot be replayed for comparison.`,
        );
      }
      throw error;
    }
  }
}

function failedChunk(migration: Migration, error: MigrationFailedError): number {
  // runMigrationChunks reports the line; the failing chunk is the last one starting at or before it.
  let index = 0;
  migration.chunks.forEach((chunk, i) => {
    if (chunk.line <= error.line) index = i;
  });
  return index;
}
