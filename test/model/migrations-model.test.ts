import { readFileSync, renameSync, rmSync, writeFileSync, cpSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { readMigrationFiles as readV1MigrationFiles } from 'drizzle-orm-v1/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../actions/lib/errors';
import { splitChunks } from '../../actions/lib/migrations/chunks';
import { readDrizzleConfig } from '../../actions/lib/migrations/config';
import { loadMigrationFolder, loadProjectMigrations } from '../../actions/lib/migrations/folder';
import { readJournal } from '../../actions/lib/migrations/journal';
import type { MigrationSet } from '../../actions/lib/migrations/model';
import { corpusFolders, EXAMPLE_BASIC, EXAMPLE_V1, scratchCopy } from './fixtures';

const corpus = corpusFolders();
const folders = [
  { name: 'examples/basic', dir: join(EXAMPLE_BASIC, 'drizzle') },
  { name: 'examples/basic-v1', dir: join(EXAMPLE_V1, 'drizzle') },
  ...corpus.map((c) => ({ name: `corpus/${c.name}`, dir: c.dir })),
];

const scratch: { remove: () => void }[] = [];
afterEach(() => scratch.splice(0).forEach((s) => s.remove()));
function copyOf(from: string, label?: string): string {
  const copy = scratchCopy(from, label);
  scratch.push(copy);
  return copy.dir;
}

function readJson<T = Record<string, unknown>>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** What a ConfigurationError thrown by `fn` says; fails the test if `fn` does not throw one. */
async function configurationError(fn: () => unknown): Promise<string> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected a ConfigurationError');
}

const codes = (set: MigrationSet) => set.problems.map((p) => p.code);

describe('the examples', () => {
  it('reads examples/basic in the journal layout, in journal order', () => {
    const set = loadMigrationFolder(join(EXAMPLE_BASIC, 'drizzle'), EXAMPLE_BASIC);
    expect(set.layout).toBe('journal');
    expect(set.displayDir).toBe('drizzle');
    expect(set.migrations.map((m) => m.name)).toEqual([
      '0000_init',
      '0001_tasks',
      '0002_project_archive_task_priority',
    ]);
    expect(set.migrations.map((m) => m.file)).toEqual(set.migrations.map((m) => join('drizzle', `${m.name}.sql`)));
    const journal = readJournal(join(EXAMPLE_BASIC, 'drizzle'), 'drizzle');
    expect(set.migrations.map((m) => m.createdAt)).toEqual(journal.entries.map((e) => e.when));
    expect(set.problems).toEqual([]);
  });

  it('reads examples/basic-v1 in the v1 layout, folder order, created_at from the folder timestamp', () => {
    const set = loadMigrationFolder(join(EXAMPLE_V1, 'drizzle'), EXAMPLE_V1);
    expect(set.layout).toBe('v1');
    const names = readdirSync(join(EXAMPLE_V1, 'drizzle')).sort();
    expect(set.migrations.map((m) => m.name)).toEqual(names);
    expect(set.migrations.map((m) => m.name.replace(/^\d{14}_/, ''))).toEqual([
      'init',
      'tasks',
      'project_archive_task_priority',
    ]);
    for (const m of set.migrations) {
      const stamp = m.name.slice(0, 14).replace(/(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)/, '$1-$2-$3T$4:$5:$6Z');
      expect(m.createdAt).toBe(Date.parse(stamp));
      expect(m.file).toBe(join('drizzle', m.name, 'migration.sql'));
    }
    expect(set.problems).toEqual([]);
  });

  it('finds both examples through their drizzle.config.ts', async () => {
    for (const root of [EXAMPLE_BASIC, EXAMPLE_V1]) {
      const project = await loadProjectMigrations({ projectRoot: root });
      expect(project.config).toMatchObject({ file: 'drizzle.config.ts', out: './drizzle', dialect: 'postgresql' });
      expect(project.set.dir).toBe(join(root, 'drizzle'));
      expect(project.ledger).toEqual({ schema: 'drizzle', table: '__drizzle_migrations' });
    }
  });
});

describe.each(folders)('$name read as drizzle-orm reads it', ({ dir }) => {
  const set = loadMigrationFolder(dir, dir);
  const theirs =
    set.layout === 'v1'
      ? readV1MigrationFiles({ migrationsFolder: dir })
      : readMigrationFiles({ migrationsFolder: dir }).map((m) => ({ ...m, name: undefined }));

  it('has the same migrations, hashes and created_at as the migrator', () => {
    expect(set.migrations.length).toBeGreaterThan(0);
    expect(set.migrations.map((m) => m.hash)).toEqual(theirs.map((m) => m.hash));
    expect(set.migrations.map((m) => m.createdAt)).toEqual(theirs.map((m) => m.folderMillis));
    if (set.layout === 'v1') expect(set.migrations.map((m) => m.name)).toEqual(theirs.map((m) => m.name));
  });

  it('sends the same statements as the migrator, leaving out only chunks with nothing to run', () => {
    set.migrations.forEach((migration, i) => {
      const sent = theirs[i]!.sql.filter((piece) => piece.replace(/--[^\n]*/g, '').trim() !== '');
      expect(migration.chunks.map((c) => c.sql)).toEqual(sent);
    });
  });

  it('points each chunk at the file line where its text starts', () => {
    for (const migration of set.migrations) {
      const lines = migration.sql.split('\n');
      for (const chunk of migration.chunks) {
        const firstLine = chunk.sql.trimStart().split('\n')[0]!;
        expect(lines[chunk.line - 1]!.includes(firstLine), `${migration.file}:${chunk.line}`).toBe(true);
      }
    }
  });
});

describe('chunks', () => {
  it('splits on the breakpoint and numbers lines from 1, skipping leading blank lines', () => {
    const text = [
      'CREATE TABLE a (id int);--> statement-breakpoint',
      '',
      '-- a comment before the statement',
      'CREATE TABLE b (',
      '  id int',
      ');',
      '--> statement-breakpoint',
      '--> statement-breakpoint',
      '  ',
      'INSERT INTO a VALUES (1); INSERT INTO a VALUES (2);',
    ].join('\n');
    const chunks = splitChunks(text);
    expect(chunks.map((c) => c.line)).toEqual([1, 3, 10]);
    expect(chunks[0]!.sql).toBe('CREATE TABLE a (id int);');
    expect(chunks[2]!.sql.trim()).toBe('INSERT INTO a VALUES (1); INSERT INTO a VALUES (2);');
  });
});

describe.skipIf(corpus.length === 0)('the corpus', () => {
  const byName = new Map(corpus.map((c) => [c.name, c.dir]));

  it('reads every folder, old journals (version "5", dialect "pg") included', () => {
    for (const { dir } of corpus) {
      const set = loadMigrationFolder(dir, dir);
      const journal = readJournal(dir, '.');
      expect(set.layout).toBe('journal');
      expect(set.migrations.map((m) => m.name)).toEqual(journal.entries.map((e) => e.tag));
    }
    const dokploy = byName.get('dokploy');
    if (dokploy) {
      expect(readJournal(dokploy, '.')).toMatchObject({ version: '5', dialect: 'pg' });
    }
  });

  it.skipIf(!byName.has('dokploy'))('reports the SQL file dokploy left out of its journal', () => {
    const dir = byName.get('dokploy')!;
    const set = loadMigrationFolder(dir, dir);
    const unlisted = set.problems.filter((p) => p.code === 'sql-file-not-in-journal');
    expect(unlisted.map((p) => p.file)).toEqual(['0130_abandoned_dagger.sql']);
    expect(set.migrations.some((m) => m.name === '0130_abandoned_dagger')).toBe(false);
  });
});

describe('integrity problems in a journal folder', () => {
  const journalPath = (dir: string) => join(dir, 'meta', '_journal.json');
  type JournalFile = { entries: { idx: number; when: number; tag: string }[] };

  it('reports a gap in the journal indexes', () => {
    const dir = copyOf(join(EXAMPLE_BASIC, 'drizzle'));
    const journal = readJson<JournalFile>(journalPath(dir));
    journal.entries[2]!.idx = 3;
    writeJson(journalPath(dir), journal);
    const set = loadMigrationFolder(dir, dir);
    expect(codes(set)).toEqual(['journal-index-gap']);
    expect(set.problems[0]!.message).toContain('0002_project_archive_task_priority');
  });

  it('reports a "when" that does not increase, since Drizzle would skip that migration', () => {
    const dir = copyOf(join(EXAMPLE_BASIC, 'drizzle'));
    const journal = readJson<JournalFile>(journalPath(dir));
    journal.entries[2]!.when = journal.entries[0]!.when - 1;
    writeJson(journalPath(dir), journal);
    const set = loadMigrationFolder(dir, dir);
    expect(codes(set)).toEqual(['journal-when-not-increasing']);
    expect(set.problems[0]).toMatchObject({ severity: 'error', file: join('meta', '_journal.json') });
  });

  it('reports two migrations with the same number, as two branches generate', () => {
    const dir = copyOf(join(EXAMPLE_BASIC, 'drizzle'));
    cpSync(join(dir, '0002_project_archive_task_priority.sql'), join(dir, '0002_other_branch.sql'));
    const journal = readJson<JournalFile>(journalPath(dir));
    journal.entries.push({
      ...journal.entries[2]!,
      idx: 3,
      when: journal.entries[2]!.when + 1000,
      tag: '0002_other_branch',
    });
    writeJson(journalPath(dir), journal);
    const set = loadMigrationFolder(dir, dir);
    expect(codes(set)).toEqual(['duplicate-migration-number']);
    expect(set.problems[0]!.message).toContain('0002_project_archive_task_priority and 0002_other_branch');
  });

  it('reports a SQL file the journal does not list', () => {
    const dir = copyOf(join(EXAMPLE_BASIC, 'drizzle'));
    writeFileSync(join(dir, '0003_forgotten.sql'), 'SELECT 1;');
    const set = loadMigrationFolder(dir, dir);
    expect(set.problems).toMatchObject([{ code: 'sql-file-not-in-journal', file: '0003_forgotten.sql' }]);
    expect(set.migrations).toHaveLength(3);
  });

  it('reports two snapshots following the same parent (prevId collision)', () => {
    const dir = copyOf(join(EXAMPLE_BASIC, 'drizzle'));
    const sibling = readJson(join(dir, 'meta', '0002_snapshot.json'));
    writeJson(join(dir, 'meta', '0003_snapshot.json'), { ...sibling, id: '11111111-2222-3333-4444-555555555555' });
    const set = loadMigrationFolder(dir, dir);
    expect(set.problems).toMatchObject([
      { code: 'snapshot-prevId-collision', severity: 'error', file: join('meta', '0003_snapshot.json') },
    ]);
  });
});

describe('integrity problems in a v1 folder', () => {
  const newest = () => readdirSync(join(EXAMPLE_V1, 'drizzle')).sort().at(-1)!;

  it('reports two migration folders generated from the same parent snapshot', () => {
    const dir = copyOf(join(EXAMPLE_V1, 'drizzle'));
    const branch = '29991231235959_other_branch';
    cpSync(join(dir, newest()), join(dir, branch), { recursive: true });
    const snapshot = readJson(join(dir, branch, 'snapshot.json'));
    writeJson(join(dir, branch, 'snapshot.json'), { ...snapshot, id: '11111111-2222-3333-4444-555555555555' });
    const set = loadMigrationFolder(dir, dir);
    expect(set.problems).toMatchObject([{ code: 'snapshot-prevId-collision', file: join(branch, 'snapshot.json') }]);
  });

  it('reports two folders with the same timestamp and a folder without migration.sql', () => {
    const dir = copyOf(join(EXAMPLE_V1, 'drizzle'));
    const stamp = newest().slice(0, 14);
    mkdirSync(join(dir, `${stamp}_twin`));
    writeFileSync(join(dir, `${stamp}_twin`, 'migration.sql'), 'SELECT 1;');
    mkdirSync(join(dir, '29991231235959_empty'));
    const set = loadMigrationFolder(dir, dir);
    expect(codes(set).sort()).toEqual(['duplicate-migration-number', 'migration-folder-without-sql']);
  });
});

describe('folders that cannot be read: one clear error', () => {
  it('a journal that is not JSON', async () => {
    const dir = copyOf(join(EXAMPLE_BASIC, 'drizzle'));
    writeFileSync(join(dir, 'meta', '_journal.json'), '{ "version": "7", "entries": [');
    expect(await configurationError(() => loadMigrationFolder(dir, dir))).toMatch(
      /_journal\.json is not valid JSON.*restore/,
    );
  });

  it('a journal entry whose SQL file is gone', async () => {
    const dir = copyOf(join(EXAMPLE_BASIC, 'drizzle'));
    rmSync(join(dir, '0001_tasks.sql'));
    expect(await configurationError(() => loadMigrationFolder(dir, dir))).toMatch(
      /lists "0001_tasks" but 0001_tasks\.sql does not exist/,
    );
  });

  it('a journal entry without a tag', async () => {
    const dir = copyOf(join(EXAMPLE_BASIC, 'drizzle'));
    writeJson(join(dir, 'meta', '_journal.json'), { version: '7', dialect: 'postgresql', entries: [{ idx: 0 }] });
    expect(await configurationError(() => loadMigrationFolder(dir, dir))).toMatch(/entry 0 needs a string "tag"/);
  });

  it('a journal for another dialect', async () => {
    const dir = copyOf(join(EXAMPLE_BASIC, 'drizzle'));
    const journal = readJson(join(dir, 'meta', '_journal.json'));
    writeJson(join(dir, 'meta', '_journal.json'), { ...journal, dialect: 'mysql' });
    expect(await configurationError(() => loadMigrationFolder(dir, dir))).toMatch(/dialect "mysql"/);
  });

  it('SQL files in no Drizzle layout', async () => {
    const dir = copyOf(join(EXAMPLE_BASIC, 'drizzle'));
    rmSync(join(dir, 'meta'), { recursive: true });
    expect(await configurationError(() => loadMigrationFolder(dir, dir))).toMatch(
      /holds SQL files but is in no Drizzle layout/,
    );
  });

  it('both layouts in one folder', async () => {
    const dir = copyOf(join(EXAMPLE_BASIC, 'drizzle'));
    cpSync(join(EXAMPLE_V1, 'drizzle'), dir, { recursive: true });
    expect(await configurationError(() => loadMigrationFolder(dir, dir))).toMatch(/mixes both Drizzle layouts/);
  });
});

describe('drizzle.config', () => {
  function project(files: Record<string, string>, from = join(EXAMPLE_BASIC, 'drizzle')): string {
    const root = copyOf(from, 'project');
    // The copy is the migrations folder; move it under a project root that holds the given files.
    const projectRoot = `${root}-root`;
    mkdirSync(projectRoot);
    scratch.push({ remove: () => rmSync(projectRoot, { recursive: true, force: true }) });
    renameSync(root, join(projectRoot, 'db-migrations'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(projectRoot, name, '..'), { recursive: true });
      writeFileSync(join(projectRoot, name), text);
    }
    return projectRoot;
  }

  it('reads out, migrations.table and migrations.schema without running the config', async () => {
    const root = project({
      'drizzle.config.ts': `import { defineConfig } from 'drizzle-kit';
// out: 'commented-out',
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema.ts',
  out: './db-migrations',
  dbCredentials: { url: process.env.DATABASE_URL! },
  migrations: { table: 'schema_ledger', schema: "ops" },
});
`,
    });
    const loaded = await loadProjectMigrations({ projectRoot: root });
    expect(loaded.config).toMatchObject({
      out: './db-migrations',
      migrationsTable: 'schema_ledger',
      migrationsSchema: 'ops',
    });
    expect(loaded.set.displayDir).toBe('db-migrations');
    expect(loaded.set.migrations).toHaveLength(3);
    expect(loaded.ledger).toEqual({ schema: 'ops', table: 'schema_ledger' });
  });

  it('lets the inputs override the config', async () => {
    const root = project({
      'drizzle.config.ts': `export default { dialect: 'postgresql', out: './nowhere', migrations: { table: 't' } };`,
    });
    const loaded = await loadProjectMigrations({
      projectRoot: root,
      migrationsDir: 'db-migrations',
      migrationsTable: 'ledger',
      migrationsSchema: 'audit',
    });
    expect(loaded.set.migrations).toHaveLength(3);
    expect(loaded.ledger).toEqual({ schema: 'audit', table: 'ledger' });
  });

  it('reads a JSON config and a config at another path', async () => {
    const root = project({
      'config/drizzle.json': JSON.stringify({
        dialect: 'postgresql',
        out: './db-migrations',
        migrations: { schema: 'x' },
      }),
    });
    const loaded = await loadProjectMigrations({ projectRoot: root, drizzleConfig: 'config/drizzle.json' });
    expect(loaded.ledger).toEqual({ schema: 'x', table: '__drizzle_migrations' });
    expect(loaded.set.migrations).toHaveLength(3);
  });

  it('turns a computed value into one error naming the input that replaces it', async () => {
    const root = project({
      'drizzle.config.ts': `export default { dialect: 'postgresql', out: process.env.MIGRATIONS_DIR ?? './drizzle' };`,
    });
    const message = await configurationError(() => loadProjectMigrations({ projectRoot: root }));
    expect(message).toMatch(/"out" is computed .*set the migrations-dir input instead/);
    // ...and the input is the way out.
    expect(
      (await loadProjectMigrations({ projectRoot: root, migrationsDir: 'db-migrations' })).set.migrations,
    ).toHaveLength(3);

    const computedTable = project({
      'drizzle.config.ts': `import { table } from './ledger';\nexport default { out: './db-migrations', migrations: { table } };`,
    });
    // A shorthand property taking an imported value: computed too, never silently the default ledger.
    expect(await configurationError(() => loadProjectMigrations({ projectRoot: computedTable }))).toMatch(
      /"migrations\.table" is computed \(table\).*migrations-table/,
    );
    expect((await loadProjectMigrations({ projectRoot: computedTable, migrationsTable: 'x' })).ledger.table).toBe('x');
    const templated = project({
      'drizzle.config.ts': `export default { out: './db-migrations', migrations: { table: \`\${prefix}_ledger\` } };`,
    });
    expect(await configurationError(() => loadProjectMigrations({ projectRoot: templated }))).toMatch(
      /"migrations\.table" is computed.*migrations-table/,
    );
  });

  it('falls back to drizzle/, then migrations/, when there is no config', async () => {
    const withMigrations = project({});
    renameSync(join(withMigrations, 'db-migrations'), join(withMigrations, 'migrations'));
    expect(await readDrizzleConfig(withMigrations)).toEqual({});
    expect((await loadProjectMigrations({ projectRoot: withMigrations })).set.displayDir).toBe('migrations');

    const withBoth = project({});
    renameSync(join(withBoth, 'db-migrations'), join(withBoth, 'migrations'));
    mkdirSync(join(withBoth, 'drizzle'));
    // An empty drizzle/ holds no migrations, so migrations/ is the one.
    expect((await loadProjectMigrations({ projectRoot: withBoth })).set.displayDir).toBe('migrations');
    cpSync(join(EXAMPLE_V1, 'drizzle'), join(withBoth, 'drizzle'), { recursive: true });
    expect((await loadProjectMigrations({ projectRoot: withBoth })).set).toMatchObject({
      displayDir: 'drizzle',
      layout: 'v1',
    });
  });

  it('fails clearly when nothing points at a migrations folder, or the config points nowhere', async () => {
    const empty = project({});
    expect(await configurationError(() => loadProjectMigrations({ projectRoot: empty }))).toMatch(
      /no migrations folder found .*set migrations-dir/,
    );
    const wrongOut = project({ 'drizzle.config.ts': `export default { out: './missing' };` });
    expect(await configurationError(() => loadProjectMigrations({ projectRoot: wrongOut }))).toMatch(
      /sets out to \.\/missing, which does not exist/,
    );
    expect(
      await configurationError(() => loadProjectMigrations({ projectRoot: empty, drizzleConfig: 'config/none.ts' })),
    ).toMatch(/drizzle config config\/none\.ts does not exist/);
    const mysql = project({ 'drizzle.config.ts': `export default { dialect: 'mysql', out: './db-migrations' };` });
    expect(await configurationError(() => loadProjectMigrations({ projectRoot: mysql }))).toMatch(/PostgreSQL .* only/);
  });
});
