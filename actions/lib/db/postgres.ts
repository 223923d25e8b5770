import type { Client, CustomTypesConfig } from 'pg';
import { ConfigurationError } from '../errors';
import type { Logger } from '../logger';
import { redactUrl, secretsInUrl } from '../secrets';
import type { SqlClient } from './client';

// Keep bigint and timestamps as PostgreSQL's text where precision matters (the ledger's created_at is a bigint).
const BIGINT_OID = 20;

export interface ConnectOptions {
  logger: Logger;
  applicationName?: string;
  connectTimeoutMs?: number;
  inputName?: string;
}

/**
 * Connects to a real PostgreSQL server. Every secret in the URL is masked before anything can print it, and the
 * usual failures (refused, unknown host, wrong password, missing database) become one line saying what to fix.
 */
export async function connectPostgres(url: string, options: ConnectOptions): Promise<PostgresClient> {
  const inputName = options.inputName ?? 'database-url';
  for (const secret of secretsInUrl(url)) options.logger.mask(secret);
  validatePostgresUrl(url, inputName);
  // node-postgres loads on the first connection, after the inputs are validated: a bad input fails at once.
  const { default: pg } = await import('pg');
  const client = new pg.Client({
    connectionString: url,
    application_name: options.applicationName ?? 'schema-actions',
    connectionTimeoutMillis: options.connectTimeoutMs ?? 15_000,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
        oid === BIGINT_OID
          ? (v: string) => v
          : (pg.types.getTypeParser(oid, format) as unknown)) as CustomTypesConfig['getTypeParser'],
    },
  });
  // A dropped connection must surface as a failed query, not an unhandled 'error' event that kills the process.
  client.on('error', (error) => options.logger.debug(`database connection error: ${error.message}`));
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw connectionError(error, url, inputName);
  }
  return new PostgresClient(client);
}

/**
 * Fails on anything that is not a complete postgres:// URL (scheme, host, database), before any work starts. The
 * message names the input, never the URL: a malformed URL may hold a password where no parser can find it to mask.
 * A host may also come from `?host=` (a Unix socket directory), as libpq allows.
 */
export function validatePostgresUrl(url: string, inputName = 'database-url'): void {
  const example = 'write it like postgres://user:password@host:5432/database';
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    // reported below
  }
  if (!parsed || !['postgres:', 'postgresql:'].includes(parsed.protocol)) {
    throw new ConfigurationError(`${inputName} is not a PostgreSQL URL; ${example}`);
  }
  if (!parsed.hostname && !parsed.searchParams.get('host')) {
    throw new ConfigurationError(`${inputName} is not a complete PostgreSQL URL: it has no host; ${example}`);
  }
  const database = parsed.pathname.replace(/^\//, '') || parsed.searchParams.get('dbname');
  if (!database) {
    throw new ConfigurationError(`${inputName} is not a complete PostgreSQL URL: it names no database; ${example}`);
  }
  if (database.includes('/') || /[@:]/.test(decodeURIComponent(database))) {
    throw new ConfigurationError(
      `${inputName} is not a valid PostgreSQL URL: its database name is malformed; ${example}`,
    );
  }
}

/** Where a PostgreSQL URL points, decoded: the host (or libpq's `?host=`), port, user and database, with libpq's defaults. */
export function postgresAddress(url: string): { host: string; port: string; user: string; database: string } {
  const parsed = new URL(url);
  const user = decodeURIComponent(parsed.username) || 'postgres';
  return {
    host: parsed.hostname || parsed.searchParams.get('host') || '',
    port: parsed.port || '5432',
    user,
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || parsed.searchParams.get('dbname') || user,
  };
}

export class PostgresClient implements SqlClient {
  readonly kind = 'postgres' as const;
  constructor(readonly raw: Client) {}

  async query<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<Row[]> {
    const result = await this.raw.query<Row>(sql, params);
    return result.rows;
  }

  async exec(sql: string): Promise<void> {
    // No parameters: pg uses the simple query protocol, which accepts several statements in one string.
    await this.raw.query(sql);
  }

  /** The backend's process id, used to cancel a running statement from another connection. */
  get processId(): number {
    return (this.raw as unknown as { processID: number }).processID;
  }

  async close(): Promise<void> {
    await this.raw.end().catch(() => undefined);
  }
}

function connectionError(error: unknown, url: string, inputName: string): Error {
  const e = error as { code?: string; message?: string };
  const where = redactUrl(url);
  let host = '?';
  let user = '?';
  let database = '?';
  try {
    const address = postgresAddress(url);
    host = `${address.host}:${address.port}`;
    user = address.user;
    database = address.database;
  } catch {
    // handled by the scheme check before connecting
  }
  switch (e.code) {
    case 'ECONNREFUSED':
      return new ConfigurationError(
        `cannot connect to PostgreSQL at ${host}: connection refused; check the host and port in ${inputName} and that the server is running`,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ConfigurationError(
        `cannot connect to PostgreSQL: host ${host} not found; check the host name in ${inputName}`,
      );
    case 'ETIMEDOUT':
      return new ConfigurationError(
        `cannot connect to PostgreSQL at ${host}: timed out; check ${inputName} and that the runner can reach the server`,
      );
    case '28P01':
    case '28000':
      return new ConfigurationError(
        `PostgreSQL at ${host} rejected user "${user}": password authentication failed; check the user and password in ${inputName}`,
      );
    case '3D000':
      return new ConfigurationError(
        `database "${database}" does not exist on ${host}; create it or fix the database name in ${inputName}`,
      );
    default:
      if (/timeout/i.test(e.message ?? '')) {
        return new ConfigurationError(
          `cannot connect to PostgreSQL at ${host}: timed out; check ${inputName} and that the runner can reach the server`,
        );
      }
      return new ConfigurationError(`cannot connect to ${where}: ${e.message ?? String(error)}; check ${inputName}`);
  }
}
