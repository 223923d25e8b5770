// drizzle.config is read without running it: the settings schema-actions needs come out of the parsed file, and a
// setting whose value only running the file could tell is refused with the input that replaces it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../actions/lib/errors';
import { readDrizzleConfig, type ConfigInput } from '../../actions/lib/migrations/config';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'sa-config-'));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

function read(file: string, text: string, given: ConfigInput[] = []) {
  return readDrizzleConfig(project({ [file]: text }), undefined, new Set(given));
}

async function refusal(file: string, text: string, given: ConfigInput[] = []): Promise<string> {
  try {
    await read(file, text, given);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigurationError');
}

const WANTED = {
  out: './db/migrations',
  dialect: 'postgresql',
  migrationsTable: 'schema_ledger',
  migrationsSchema: 'ops',
};

describe('drizzle.config shapes', () => {
  it.each([
    [
      'defineConfig with nested braces before and inside migrations',
      'drizzle.config.ts',
      `import { defineConfig } from 'drizzle-kit';
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/db/schema.ts'],
  dbCredentials: { url: process.env.DATABASE_URL!, ssl: { rejectUnauthorized: false } },
  migrations: { prefix: 'timestamp', table: 'schema_ledger', extra: { nested: true }, schema: 'ops' },
  out: './db/migrations',
});
`,
    ],
    [
      'an object that satisfies Config',
      'drizzle.config.ts',
      `import type { Config } from 'drizzle-kit';
export default {
  out: \`./db/migrations\`,
  dialect: 'postgresql' as const,
  migrations: { schema: "ops", table: 'schema_ledger' },
  tablesFilter: ['app_*'],
} satisfies Config;
`,
    ],
    [
      'a typed const exported by name',
      'drizzle.config.mts',
      `import type { Config } from 'drizzle-kit';
const base = { dialect: 'postgresql' } as const;
const migrations = { table: 'schema_ledger', schema: 'ops' };
const config: Config = { ...base, out: './db/migrations', migrations };
export default config;
`,
    ],
    [
      'module.exports in CommonJS',
      'drizzle.config.cjs',
      `/** @type { import("drizzle-kit").Config } */
module.exports = {
  dbCredentials: { host: 'localhost', port: 5432, database: \`app\` },
  dialect: 'postgresql',
  out: './db/migrations',
  migrations: { table: 'schema_ledger', schema: 'ops' },
};
`,
    ],
    [
      'an ES module in JavaScript with export { x as default }',
      'drizzle.config.mjs',
      `const config = { dialect: 'postgresql', out: './db/migrations', migrations: { table: 'schema_ledger', schema: 'ops' } };
export { config as default };
`,
    ],
    [
      'JSON',
      'drizzle.config.json',
      JSON.stringify({
        dialect: 'postgresql',
        out: './db/migrations',
        migrations: { table: 'schema_ledger', schema: 'ops' },
      }),
    ],
  ])('reads %s', async (_shape, file, text) => {
    expect(await read(file, text)).toEqual({ file, ...WANTED });
  });

  it('ignores settings in comments and strings, and keys of other nested objects', async () => {
    const config = await read(
      'drizzle.config.ts',
      `// out: 'commented-out',
/* migrations: { table: 'commented' } */
export default {
  dbCredentials: { url: 'postgres://x/y?out=nope', table: 'not-the-ledger', migrations: { table: 'nope' } },
  out: './db/migrations',
  verbose: true,
};
`,
    );
    expect(config).toEqual({ file: 'drizzle.config.ts', out: './db/migrations' });
  });

  it('takes the last of repeated keys, as JavaScript does', async () => {
    const config = await read('drizzle.config.ts', `export default { out: './old', ...{ out: './db/migrations' } };`);
    expect(config.out).toBe('./db/migrations');
  });
});

describe('values only running the config could tell', () => {
  it.each([
    ['string concatenation', `out: './db/' + 'migrations'`, /"out" is computed \('\.\/db\/' \+ 'migrations'\)/],
    ['an environment variable', 'out: process.env.OUT_DIR!', /"out" is computed \(process\.env\.OUT_DIR!\)/],
    ['a template with a placeholder', 'out: `./${dir}`', /"out" is computed \(`\.\/\$\{dir\}`\)/],
    ['a function call', `out: path.join('db', 'migrations')`, /"out" is computed \(path\.join/],
    ['a spread of an import', '...shared', /"out" is computed \(\.\.\.shared\)/],
  ])('refuses %s and names the input that replaces it', async (_what, property, message) => {
    const text = `import shared from './shared';\nexport default { dialect: 'postgresql', ${property} };`;
    expect(await refusal('drizzle.config.ts', text)).toMatch(message);
    expect(await refusal('drizzle.config.ts', text)).toMatch(/set the migrations-dir input instead$/);
    // The inputs are the way out (a spread could set any setting, so it needs all three).
    expect(
      (await read('drizzle.config.ts', text, ['migrations-dir', 'migrations-table', 'migrations-schema'])).out,
    ).toBe(undefined);
  });

  it('names the nested setting and its input', async () => {
    const text = `const prefix = process.env.PREFIX;\nexport default { out: './m', migrations: { table: \`\${prefix}_ledger\`, schema: 'ops' } };`;
    expect(await refusal('drizzle.config.ts', text)).toMatch(
      /"migrations\.table" is computed .*set the migrations-table input/,
    );
    expect(await read('drizzle.config.ts', text, ['migrations-table'])).toMatchObject({
      out: './m',
      migrationsSchema: 'ops',
    });
  });

  it('reads a const but not a let, which may be reassigned before it is exported', async () => {
    expect(
      await read('drizzle.config.ts', `const table = 'x';\nexport default { migrations: { table } };`),
    ).toMatchObject({
      migrationsTable: 'x',
    });
    expect(await refusal('drizzle.config.ts', `let table = 'x';\nexport default { migrations: { table } };`)).toMatch(
      /"migrations\.table" is computed \(table\)/,
    );
  });

  it('refuses a config whose export is itself computed, naming every input still needed', async () => {
    const text = `export default process.env.CI ? { out: './a' } : { out: './b' };`;
    expect(await refusal('drizzle.config.ts', text)).toMatch(
      /^drizzle\.config\.ts: the exported config is computed .*set the migrations-dir, migrations-table and migrations-schema inputs instead$/,
    );
    expect(await refusal('drizzle.config.ts', text, ['migrations-dir', 'migrations-schema'])).toMatch(
      /set the migrations-table input instead$/,
    );
    expect(await read('drizzle.config.ts', text, ['migrations-dir', 'migrations-table', 'migrations-schema'])).toEqual({
      file: 'drizzle.config.ts',
    });
  });

  it('reports a file it cannot parse with the line, unless the inputs make it unnecessary', async () => {
    const text = `export default {\n  out: './m',,\n};`;
    expect(await refusal('drizzle.config.ts', text)).toMatch(/^drizzle\.config\.ts cannot be parsed \(.*2:\d+\)/);
    expect(await read('drizzle.config.ts', text, ['migrations-dir', 'migrations-table', 'migrations-schema'])).toEqual({
      file: 'drizzle.config.ts',
    });
  });

  it('refuses a setting of the wrong kind instead of reading past it', async () => {
    expect(await refusal('drizzle.config.ts', `export default { out: { dir: './m' } };`)).toMatch(
      /"out" is an object, not a string.*migrations-dir/,
    );
    expect(await refusal('drizzle.config.js', `export default './m';`)).toMatch(
      /the exported config is a string, not an object/,
    );
  });

  it('leaves a computed dialect unread: no input replaces it and PostgreSQL is the only one supported', async () => {
    expect(await read('drizzle.config.ts', `export default { dialect: process.env.DIALECT, out: './m' };`)).toEqual({
      file: 'drizzle.config.ts',
      out: './m',
    });
  });
});
