// Every target is validated in full before any connection: one malformed line stops the whole run, names its line
// and never its text (which holds a password no URL parser can find to mask), and no target is migrated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_BASIC } from '../model/fixtures.js';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../support/postgres.js';
import { everything, ledgerRows, runMigrate, withPassword } from './helpers.js';

const available = await postgresAvailable();
const PASSWORD = 'Targ3t-Passw0rd-leak';

describe.skipIf(!available)('targets with a malformed line', () => {
  let good: TestDatabase;
  beforeAll(async () => {
    good = await createTestDatabase('targets_valid');
  });
  afterAll(async () => {
    await good?.drop();
  });

  const malformed: { name: string; line: string; error: RegExp }[] = [
    {
      name: 'a single slash after the scheme (no host)',
      line: `postgres:/postgres:${PASSWORD}@127.0.0.1/x`,
      error: /line 3 of targets is not a complete PostgreSQL URL: it has no host/,
    },
    {
      name: 'the scheme alone',
      line: 'postgres://',
      error: /line 3 of targets is not a complete PostgreSQL URL: it has no host/,
    },
    {
      name: 'no database name',
      line: `postgres://postgres:${PASSWORD}@127.0.0.1:5432`,
      error: /line 3 of targets is not a complete PostgreSQL URL: it names no database/,
    },
  ];

  it.each(malformed)('$name: one line naming the line, no secret, nothing migrated', async ({ line, error }) => {
    const targets = [withPassword(good.url, PASSWORD), '# a comment line counts too', line].join('\n');
    const run = await runMigrate(EXAMPLE_BASIC, { targets, 'working-directory': '.' });
    expect(run.exitCode).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors, run.logs).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^migrate-with-telemetry: /);
    expect(errors[0]!.message).toMatch(error);
    expect(everything(run)).not.toContain(PASSWORD);
    expect(await ledgerRows(good.url)).toBeNull();
  });
});
