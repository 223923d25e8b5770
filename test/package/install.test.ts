// The CLI as a user gets it: packed with npm pack, installed from the tarball into a copy of examples/basic outside
// this repository (its own node_modules, nothing hoisted from here), run with npx --no-install.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packCli } from '../../scripts/pack';

const root = join(import.meta.dirname, '..', '..');
const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'cli-package-'));
const project = join(work, 'project');
let tarball = '';

function run(command: string, args: string[], cwd = project) {
  return spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, CI: '1' } });
}

const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=ci', ...args], { cwd: project });

beforeAll(() => {
  tarball = packCli(work);
  cpSync(join(root, 'examples', 'basic'), project, { recursive: true, filter: (src) => !src.includes('node_modules') });
  // The example's own drizzle-kit and drizzle-orm come from npm's cache (the registry only for what is missing).
  const install = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--save-dev', tarball]);
  expect(install.status, install.stderr).toBe(0);
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'base');
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed CLI package', () => {
  it('holds the CLI and what it loads, and nothing of the repository around it', () => {
    const files = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
    expect(files).toEqual(
      expect.arrayContaining(
        [
          'bin/schema-actions.js',
          'dist/cli.js',
          'dist/main/index.js',
          'dist/pglite/pglite.wasm',
          'dist/libpg-query/libpg-query.wasm',
          'LICENSE',
          'THIRD_PARTY_NOTICES.txt',
          'README.md',
          'package.json',
        ].map((f) => `package/${f}`),
      ),
    );
    const outside = files.filter(
      (f) => !/^package\/(bin|dist\/(cli\.js|package\.json|main|pglite|libpg-query))\b/.test(f),
    );
    expect(outside.sort()).toEqual(
      ['CHANGELOG.md', 'LICENSE', 'README.md', 'THIRD_PARTY_NOTICES.txt', 'package.json'].map((f) => `package/${f}`),
    );
    expect(files.filter((f) => f.endsWith('.ts'))).toEqual([]);
  });

  it('declares no dependencies (dist/ is self-contained), the bin, and the Node versions it runs on', () => {
    const manifest = JSON.parse(execFileSync('tar', ['xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
    expect(manifest).toMatchObject({
      name: rootManifest.name,
      version: rootManifest.version,
      license: 'MIT',
      bin: { 'schema-actions': 'bin/schema-actions.js' },
      engines: { node: '>=20.19' },
      publishConfig: { access: 'public' },
    });
    for (const field of ['dependencies', 'devDependencies', 'workspaces', 'scripts', 'private']) {
      expect(manifest, field).not.toHaveProperty(field);
    }
    // Installing it added the package itself and no dependency of this repository's build.
    const installed = readdirSync(join(project, 'node_modules'));
    expect(installed).not.toContain('@electric-sql');
    expect(installed).not.toContain('@actions');
    expect(readdirSync(join(project, 'node_modules', '@schema-actions'))).toEqual(['cli']);
  });

  it('npx --no-install schema-actions check passes on the example, on embedded PostgreSQL', () => {
    const check = run('npx', ['--no-install', 'schema-actions', 'check']);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toContain('Generated and committed');
    expect(check.stderr).toContain('PGlite ready');
  }, 180_000);

  it('and fails, with the fix, when the schema changed without a generated migration', () => {
    const schema = join(project, 'src', 'db', 'schema.ts');
    const original = readFileSync(schema, 'utf8');
    writeFileSync(
      schema,
      original.replace("name: text('name').notNull(),", "name: text('name').notNull(),\n  nickname: text('nickname'),"),
    );
    try {
      const check = run('npx', ['--no-install', 'schema-actions', 'check']);
      expect(check.status, check.stdout).toBe(1);
      expect(check.stdout).toMatch(/drizzle-kit generate/);
      expect(check.stdout).toContain('nickname');
    } finally {
      writeFileSync(schema, original);
    }
  }, 180_000);

  it('refuses, in one line, a Node older than its engines field', () => {
    // The installed copy with a floor above any real Node: the bin's own check, before the bundle loads.
    const cli = join(project, 'node_modules', '@schema-actions', 'cli');
    const manifestPath = join(cli, 'package.json');
    const manifest = readFileSync(manifestPath, 'utf8');
    writeFileSync(manifestPath, manifest.replace('">=20.19"', '">=99.1"'));
    try {
      const check = run('npx', ['--no-install', 'schema-actions', 'check']);
      expect(check.status).toBe(1);
      expect(check.stderr.trim()).toBe(
        `schema-actions needs Node.js 99.1 or newer, and this is ${process.version}: install a current Node.js LTS (https://nodejs.org).`,
      );
      expect(check.stdout).toBe('');
    } finally {
      writeFileSync(manifestPath, manifest);
    }
  });

  it('is what the README tells users to install, and the lefthook example runs only the installed bin', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain(`npm i -D ${rootManifest.name}`);
    const [bin] = Object.keys(rootManifest.bin);
    const lefthook = readFileSync(join(root, 'examples', 'basic', 'lefthook.yml'), 'utf8');
    expect(lefthook).toMatch(new RegExp(`run: npx --no-install ${bin} check`));
    expect(readme).not.toMatch(new RegExp(`run: npx ${bin}`));
  });
});
