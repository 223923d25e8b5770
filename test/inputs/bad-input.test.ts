// Bad input through the committed CLI bundle: each mistake ends with exactly one error line that names the problem
// and the fix, exit code 1, no report, no stack trace, and nothing changed in the database.
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  postgresAvailable,
  TEST_DATABASE_URL,
  withClient,
  type TestDatabase,
} from '../support/postgres';
import { EXAMPLE_BASIC, errorLines, runCliBundle, scratchCopy } from '../model/fixtures';
import { startFakePostgres, type FakePostgres } from './fake-postgres';

const available = await postgresAvailable();
const WRONG_PASSWORD = 'n0t-the-Passw0rd';

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A copy of examples/basic broken by `breakIt`, as a project root. */
function brokenExample(breakIt: (root: string) => void): () => { root: string; remove: () => void } {
  return () => {
    const { dir, remove } = scratchCopy(EXAMPLE_BASIC, 'broken');
    breakIt(dir);
    return { root: dir, remove };
  };
}

interface Env {
  /** A real, empty database whose contents must not change. */
  url: string;
  refusedPort: number;
  fake: FakePostgres;
}

interface BadInput {
  name: string;
  project?: () => { root: string; remove: () => void };
  args: (env: Env, root: string) => string[];
  error: RegExp;
  /** Secrets that must appear nowhere in the output. */
  secret?: string;
}

const cases: BadInput[] = [
  {
    name: 'malformed journal',
    project: brokenExample((root) => writeFileSync(join(root, 'drizzle', 'meta', '_journal.json'), '{ "entries": [')),
    args: (env, root) => ['--database-url', env.url, '--working-directory', root],
    error:
      /^error: status: drizzle\/meta\/_journal\.json is not valid JSON \(.+\); restore it from git or regenerate it with drizzle-kit$/,
  },
  {
    name: 'journal entry without its SQL file',
    project: brokenExample((root) => rmSync(join(root, 'drizzle', '0001_tasks.sql'))),
    args: (env, root) => ['--database-url', env.url, '--working-directory', root],
    error:
      /^error: status: drizzle\/meta\/_journal\.json lists "0001_tasks" but drizzle\/0001_tasks\.sql does not exist; restore the file from git/,
  },
  {
    name: 'unknown layout (SQL files, no journal)',
    project: brokenExample((root) => rmSync(join(root, 'drizzle', 'meta'), { recursive: true })),
    args: (env, root) => ['--database-url', env.url, '--working-directory', root],
    error:
      /^error: status: drizzle holds SQL files but is in no Drizzle layout .*; generate migrations with drizzle-kit/,
  },
  {
    name: 'migration file that is a symlink resolving outside the repository',
    project: brokenExample((root) => {
      const outside = join(root, '..', 'outside.sql');
      writeFileSync(outside, 'DROP TABLE users; -- nobody reviewed this\n');
      rmSync(join(root, 'drizzle', '0001_tasks.sql'));
      symlinkSync(outside, join(root, 'drizzle', '0001_tasks.sql'));
    }),
    args: (env, root) => ['--database-url', env.url, '--working-directory', root],
    error:
      /^error: status: migration file drizzle\/0001_tasks\.sql resolves outside the repository \(a symlink\); migration files must be real files in the repository$/,
    secret: 'nobody reviewed this',
  },
  {
    name: 'migration file that is not valid UTF-8',
    project: brokenExample((root) =>
      writeFileSync(join(root, 'drizzle', '0001_tasks.sql'), Buffer.from([0x53, 0x45, 0x4c, 0xff, 0x3b])),
    ),
    args: (env, root) => ['--database-url', env.url, '--working-directory', root],
    error:
      /^error: status: migration file drizzle\/0001_tasks\.sql is not valid UTF-8 at byte offset 3; save it as UTF-8$/,
  },
  {
    name: 'migration file with a NUL byte',
    project: brokenExample((root) =>
      writeFileSync(join(root, 'drizzle', '0001_tasks.sql'), Buffer.from('SELECT 1;\0SELECT 2;')),
    ),
    args: (env, root) => ['--database-url', env.url, '--working-directory', root],
    error:
      /^error: status: migration file drizzle\/0001_tasks\.sql holds a NUL byte at byte offset 9; PostgreSQL cannot receive it/,
  },
  {
    name: 'drizzle-kit 1.x folder without the 14-digit timestamp',
    project: brokenExample((root) => {
      rmSync(join(root, 'drizzle'), { recursive: true });
      mkdirSync(join(root, 'drizzle', '2024_init'), { recursive: true });
      writeFileSync(join(root, 'drizzle', '2024_init', 'migration.sql'), 'CREATE TABLE t (id int);\n');
    }),
    args: (env, root) => ['--database-url', env.url, '--working-directory', root],
    error:
      /^error: status: drizzle\/2024_init\/ is not a drizzle-kit 1\.x migration folder: its name does not start with a 14-digit UTC timestamp and _; name it <YYYYMMDDhhmmss>_<name>/,
  },
  {
    name: 'drizzle-kit 1.x folder with an impossible date',
    project: brokenExample((root) => {
      rmSync(join(root, 'drizzle'), { recursive: true });
      for (const name of ['20240101000000_init', '20241301000000_x']) {
        mkdirSync(join(root, 'drizzle', name), { recursive: true });
        writeFileSync(join(root, 'drizzle', name, 'migration.sql'), `CREATE TABLE "${name}" (id int);\n`);
      }
    }),
    args: (env, root) => ['--database-url', env.url, '--working-directory', root],
    error:
      /^error: status: drizzle\/20241301000000_x\/ is not a drizzle-kit 1\.x migration folder: 20241301000000 is not a real date and time/,
  },
  {
    name: 'computed value in drizzle.config.ts',
    project: brokenExample((root) =>
      writeFileSync(
        join(root, 'drizzle.config.ts'),
        `export default { out: process.env.OUT_DIR, dialect: 'postgresql' };\n`,
      ),
    ),
    args: (env, root) => ['--database-url', env.url, '--working-directory', root],
    error:
      /^error: status: drizzle\.config\.ts: "out" is computed \(process\.env\.OUT_DIR\).*set the migrations-dir input instead$/,
  },
  {
    name: 'working directory that does not exist',
    args: (env) => ['--database-url', env.url, '--working-directory', 'examples/no-such-app'],
    error:
      /^error: status: working-directory examples\/no-such-app does not exist; set it to your Drizzle project's folder$/,
  },
  {
    name: 'unreachable host (nothing listening on the port)',
    args: (env) => [
      '--database-url',
      `postgres://postgres@127.0.0.1:${env.refusedPort}/app`,
      '--working-directory',
      EXAMPLE_BASIC,
    ],
    error: new RegExp(
      `^error: status: cannot connect to PostgreSQL at 127\\.0\\.0\\.1:\\d+: connection refused; check the host and port in database-url`,
    ),
  },
  {
    name: 'wrong password',
    args: (env) => ['--database-url', env.fake.url('app', WRONG_PASSWORD, 'app'), '--working-directory', EXAMPLE_BASIC],
    error:
      /^error: status: PostgreSQL at 127\.0\.0\.1:\d+ rejected user "app": password authentication failed; check the user and password in database-url$/,
    secret: WRONG_PASSWORD,
  },
  {
    name: 'database that does not exist',
    args: (env) => {
      const url = new URL(env.url);
      url.pathname = '/sa_no_such_database';
      return ['--database-url', url.toString(), '--working-directory', EXAMPLE_BASIC];
    },
    error:
      /^error: status: database "sa_no_such_database" does not exist on 127\.0\.0\.1:5432; create it or fix the database name in database-url$/,
  },
  {
    name: 'not a PostgreSQL URL',
    args: () => ['--database-url', 'mysql://root:hunter2-secret@127.0.0.1/app', '--working-directory', EXAMPLE_BASIC],
    error:
      /^error: status: database-url is not a PostgreSQL URL; write it like postgres:\/\/user:password@host:5432\/database$/,
    secret: 'hunter2-secret',
  },
  {
    name: 'missing required input',
    args: () => ['--working-directory', EXAMPLE_BASIC],
    error: /^error: status: input "database-url" is required: postgreSQL URL of the database to inspect/,
  },
  {
    name: 'boolean input that is not a boolean',
    args: (env) => ['--database-url', env.url, '--working-directory', EXAMPLE_BASIC, '--fail-on-problems', 'maybe'],
    error: /^error: status: input "fail-on-problems" must be true or false, not "maybe"$/,
  },
  {
    name: 'misspelt option',
    args: (env) => ['--databse-url', env.url],
    error: /^error: status: unknown option --databse-url; run schema-actions status --help for its inputs$/,
  },
];

/** Every relation and schema outside the system catalogs: "nothing changed" means this stays the same. */
async function contents(url: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ item: string }>(
      `SELECT n.nspname || '.' || coalesce(c.relname, '') AS item
         FROM pg_namespace n LEFT JOIN pg_class c ON c.relnamespace = n.oid
        WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
        ORDER BY 1`,
    );
    return rows.map((r) => r.item);
  });
}

describe.skipIf(!available)('bad input to schema-actions status', () => {
  let database: TestDatabase;
  let env: Env;
  let before: string[];
  beforeAll(async () => {
    database = await createTestDatabase('bad_input');
    env = { url: database.url, refusedPort: await closedPort(), fake: await startFakePostgres() };
    before = await contents(database.url);
  });
  afterAll(async () => {
    await env?.fake.close();
    await database?.drop();
  });

  it.each(cases)('$name: one clear line, exit 1, nothing changed', async (badInput) => {
    const project = badInput.project?.();
    try {
      const run = await runCliBundle(['status', ...badInput.args(env, project?.root ?? '')]);
      expect(run.exitCode).toBe(1);
      const errors = errorLines(run.stderr);
      expect(errors, run.stderr).toHaveLength(1);
      expect(errors[0]).toMatch(badInput.error);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(run.stdout).toBe('');
      if (badInput.secret) expect(run.stderr + run.stdout).not.toContain(badInput.secret);
      expect(await contents(database.url)).toEqual(before);
    } finally {
      project?.remove();
    }
  });

  it('got the wrong password as far as the server, which refused it', () => {
    expect(env.fake.passwords).toEqual([WRONG_PASSWORD]);
  });

  it('leaves the server it connected to as it was', async () => {
    const databases = await withClient(TEST_DATABASE_URL, (c) =>
      c.query(`SELECT 1 FROM pg_database WHERE datname = 'sa_no_such_database'`),
    );
    expect(databases.rowCount).toBe(0);
  });
});

// Kept apart from the table above so that a missing PostgreSQL does not hide the checks that need none.
describe('bad input without a database', () => {
  it('an empty working directory has no migrations folder: one line, exit 1', async () => {
    const { dir, remove } = scratchCopy(join(EXAMPLE_BASIC, 'src'), 'empty-project');
    try {
      mkdirSync(join(dir, 'nothing-here'));
      const run = await runCliBundle([
        'status',
        '--database-url',
        'postgres://postgres@127.0.0.1:1/never-reached',
        '--working-directory',
        dir,
      ]);
      expect(run.exitCode).toBe(1);
      expect(errorLines(run.stderr)).toEqual([
        expect.stringMatching(
          /^error: status: no migrations folder found in .*: set migrations-dir, or out in drizzle\.config\.ts$/,
        ),
      ]);
    } finally {
      remove();
    }
  });
});
