import { randomBytes } from 'node:crypto';
import { ConfigurationError, errorMessage } from '../errors';
import type { Logger } from '../logger';
import { quoteIdent, type SqlClient } from './client';
import { connectPostgres, postgresAddress, validatePostgresUrl, type PostgresClient } from './postgres';

/** Which database of which server a connection reached; two URLs may spell the same one differently. */
export interface DatabaseIdentity {
  database: string;
  port: string;
  /** The server's start time, to microseconds: two servers on one host and port never share it. */
  started: string;
}

export async function databaseIdentity(client: SqlClient): Promise<DatabaseIdentity> {
  const [row] = await client.query<{ database: string; port: string; started: string }>(
    `SELECT pg_catalog.current_database() AS database, pg_catalog.current_setting('port') AS port,
            pg_catalog.pg_postmaster_start_time()::text AS started`,
  );
  return { database: row?.database ?? '', port: row?.port ?? '', started: row?.started ?? '' };
}

const sameIdentity = (a: DatabaseIdentity, b: DatabaseIdentity) =>
  a.database === b.database && a.port === b.port && a.started === b.started;

/** Databases drift-check creates are named so, so that one left behind by a killed runner is recognisable. */
export const SCRATCH_PREFIX = 'schema_actions_scratch_';

export interface ScratchOptions {
  logger: Logger;
  /** The input the URL came from, named in every message. */
  inputName: string;
  /** The database that must never be the scratch one. */
  live: DatabaseIdentity;
  applicationName?: string;
  /** Aborting cancels the statement the temporary database is running, so that it is dropped at once. */
  signal?: AbortSignal;
}

export interface ScratchDatabase {
  client: PostgresClient;
  name: string;
  /** Drops the database (and closes both connections); never throws, warns when the database stays behind. */
  drop(): Promise<void>;
}

/**
 * Checks a scratch server URL before anything connects: a PostgreSQL URL, and not the live database's. Aliases of
 * one host (localhost and 127.0.0.1) are caught after connecting, by createScratchDatabase.
 */
export function validateScratchUrl(url: string, liveUrl: string, inputName: string, liveInputName: string): void {
  validatePostgresUrl(url, inputName);
  if (sameUrlDatabase(url, liveUrl)) {
    throw new ConfigurationError(
      `${inputName} names the same database as ${liveInputName}; point it at another database of a server where drift-check may create a temporary database (e.g. the server's "postgres" database)`,
    );
  }
}

function sameUrlDatabase(a: string, b: string): boolean {
  const key = (url: string) => {
    try {
      const { host, port, database } = postgresAddress(url);
      return `${host.toLowerCase()}:${port}/${database}`;
    } catch {
      return undefined;
    }
  };
  const ka = key(a);
  return ka !== undefined && ka === key(b);
}

/**
 * Creates an empty database (from template0, so nothing of template1 comes along) on the server `url` reaches, and
 * connects to it. Only CREATE DATABASE and, in drop(), DROP DATABASE of that one database run on the server URL's own
 * connection; the URL's database itself is never written to.
 */
export async function createScratchDatabase(url: string, options: ScratchOptions): Promise<ScratchDatabase> {
  const { logger, inputName } = options;
  const admin = await connectPostgres(url, { logger, inputName, applicationName: options.applicationName });
  try {
    if (sameIdentity(await databaseIdentity(admin), options.live)) {
      throw new ConfigurationError(
        `${inputName} reaches the same database as database-url; point it at another database of the server (e.g. "postgres"), where drift-check may create a temporary database`,
      );
    }
    const name = `${SCRATCH_PREFIX}${randomBytes(6).toString('hex')}`;
    await admin.exec(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE template0`).catch(async (error: unknown) => {
      if ((error as { code?: string }).code !== '42501') throw error;
      const [row] = await admin.query<{ user: string }>('SELECT current_user AS user');
      throw new ConfigurationError(
        `${inputName}: role "${row?.user ?? '?'}" may not create databases; grant it CREATEDB (ALTER ROLE ... CREATEDB) or leave ${inputName} empty to replay into the embedded PostgreSQL`,
      );
    });
    const [version] = await admin.query<{ num: string }>(
      `SELECT pg_catalog.current_setting('server_version_num') AS num`,
    );
    const force = Number(version?.num) >= 130000 ? ' WITH (FORCE)' : '';
    let client: PostgresClient | undefined;
    const dropDatabase = async () => {
      await client?.close();
      try {
        await admin.exec(`DROP DATABASE IF EXISTS ${quoteIdent(name)}${force}`);
      } catch (error) {
        logger.warning(
          `could not drop the temporary database ${name} on the ${inputName} server (${errorMessage(error)}); drop it by hand`,
        );
      }
    };
    try {
      client = await connectPostgres(withDatabase(url, name), {
        logger,
        inputName,
        applicationName: options.applicationName,
      });
      // Only this throw-away database's commits wait less: nothing in it must survive a crash.
      await client.exec('SET synchronous_commit = off');
    } catch (error) {
      await dropDatabase();
      throw error;
    }
    const connected = client;
    const cancel = () =>
      void admin.query('SELECT pg_catalog.pg_cancel_backend($1)', [connected.processId]).catch(() => undefined);
    options.signal?.addEventListener('abort', cancel, { once: true });
    return {
      client: connected,
      name,
      drop: async () => {
        options.signal?.removeEventListener('abort', cancel);
        await dropDatabase();
        await admin.close();
      },
    };
  } catch (error) {
    await admin.close();
    throw error;
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  parsed.searchParams.delete('dbname');
  return parsed.toString();
}
