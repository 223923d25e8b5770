import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server tests create their databases on (SPEC §6). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let availability: Promise<boolean> | undefined;

/**
 * Whether a real PostgreSQL answers at TEST_DATABASE_URL. Without one, PostgreSQL tests skip with a visible notice;
 * with REQUIRE_POSTGRES=1 (CI) its absence is an error, so those tests can never skip silently.
 */
export function postgresAvailable(): Promise<boolean> {
  availability ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch (error) {
      const message = `PostgreSQL is not reachable at ${redact(TEST_DATABASE_URL)} (${(error as Error).message})`;
      if (process.env.REQUIRE_POSTGRES === '1') throw new Error(`${message}, and REQUIRE_POSTGRES=1 requires it`);
      console.warn(`\n⚠️  ${message}: skipping the tests that need it. Set TEST_DATABASE_URL to run them.\n`);
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return availability;
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Creates a fresh, uniquely named database; `drop()` removes it (terminating leftover connections first). */
export async function createTestDatabase(label = 'db', template?: string): Promise<TestDatabase> {
  const name = `sa_test_${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${process.pid}_${randomBytes(3).toString('hex')}`;
  await admin(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** Runs SQL on the maintenance database (TEST_DATABASE_URL itself). */
export async function admin(sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  return withClient(TEST_DATABASE_URL, (client) => client.query(sql, params));
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparsable URL>';
  }
}
