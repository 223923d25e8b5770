import type { PostgresClient } from '../lib/db/postgres';
import { formatDuration } from '../lib/duration';
import type { LedgerLocation } from '../lib/migrations/ledger';
import type { Logger } from '../lib/logger';

/** Lock failures PostgreSQL reports when lock_timeout expires. */
const LOCK_NOT_AVAILABLE = '55P03';

export class LockWaitExpiredError extends Error {
  override readonly name = 'LockWaitExpiredError';
}

/**
 * The advisory lock key for one ledger. Runs migrating the same ledger serialise on it; two projects sharing a
 * database with different ledgers do not block each other. hashtextextended gives a stable 64-bit key inside
 * PostgreSQL, so other tools can compute the same key to take part.
 */
export function lockKeyText(ledger: LedgerLocation): string {
  return `schema-actions:migrate:${ledger.schema}.${ledger.table}`;
}

/**
 * Takes the session-level advisory lock for the ledger, waiting at most `waitMs` for a concurrent run to finish. The
 * lock lives as long as the connection: a crashed runner's lock disappears with its connection.
 */
export async function acquireMigrationLock(
  client: PostgresClient,
  ledger: LedgerLocation,
  waitMs: number,
  sessionLockTimeoutMs: number,
  logger: Logger,
): Promise<void> {
  const key = lockKeyText(ledger);
  const [first] = await client.query<{ locked: boolean }>(
    'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked',
    [key],
  );
  if (first?.locked) return;
  const holder = await lockHolder(client, key);
  const expired = new LockWaitExpiredError(
    `another migration run${holder} still held the lock on ${ledger.schema}.${ledger.table} after ${formatDuration(waitMs)} (lock-wait); let it finish, or raise lock-wait`,
  );
  // lock_timeout 0 would mean "wait forever", the opposite of lock-wait: 0s.
  if (waitMs <= 0) throw expired;
  logger.info(
    `another migration run holds the lock on ${ledger.schema}.${ledger.table}${holder}; waiting up to ${formatDuration(waitMs)}`,
  );
  // pg_advisory_lock obeys lock_timeout: the wait is bounded by the server, with no polling.
  await client.query("SELECT set_config('lock_timeout', $1, false)", [`${waitMs}ms`]);
  try {
    await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]);
  } catch (error) {
    if ((error as { code?: string }).code === LOCK_NOT_AVAILABLE) {
      throw expired;
    }
    throw error;
  } finally {
    await client
      .query("SELECT set_config('lock_timeout', $1, false)", [`${sessionLockTimeoutMs}ms`])
      .catch(() => undefined);
  }
}

export async function releaseMigrationLock(client: PostgresClient, ledger: LedgerLocation): Promise<void> {
  await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [lockKeyText(ledger)]);
}

async function lockHolder(client: PostgresClient, key: string): Promise<string> {
  try {
    const rows = await client.query<{ pid: number; application_name: string }>(
      `SELECT l.pid, a.application_name
         FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted
          AND ((l.classid::bigint << 32) | l.objid::bigint) = hashtextextended($1, 0)`,
      [key],
    );
    const row = rows[0];
    return row ? ` (backend ${row.pid}, ${row.application_name || 'unknown application'})` : '';
  } catch {
    return '';
  }
}
