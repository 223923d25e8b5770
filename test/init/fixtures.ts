// Repositories shaped like real ones, built in temporary folders: the files init looks at (lockfiles, package.json,
// drizzle.config, migrations, Vercel and Neon markers), with the contents those tools write.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const basic = join(root, 'examples', 'basic');

export type Files = Record<string, string>;

export function makeRepository(files: Files, migrationsAt?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'init-repo-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  if (migrationsAt) cpSync(join(basic, 'drizzle'), join(dir, migrationsAt), { recursive: true });
  return dir;
}

/** The basic example as a repository of its own, without the workflows init is to write. */
export function basicExampleRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'init-basic-'));
  cpSync(basic, dir, { recursive: true, filter: (src) => !src.includes(`${join(basic, '.github')}`) });
  return dir;
}

const json = (value: object) => `${JSON.stringify(value, null, 2)}\n`;

const schema = `import { pgTable, serial, text } from 'drizzle-orm/pg-core';

export const users = pgTable('users', { id: serial('id').primaryKey(), email: text('email').notNull() });
`;

/** A drizzle.config as drizzle-kit's docs write it, in TypeScript or (`javaScript`) without the type assertion. */
function drizzleConfig(out: string, schemaPath: string | string[], { javaScript = false } = {}): string {
  return `import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ${JSON.stringify(schemaPath).replaceAll('"', "'")},
  out: '${out}',
  dbCredentials: { url: process.env.DATABASE_URL${javaScript ? '' : '!'} },
  migrations: { table: '__drizzle_migrations', schema: 'drizzle' },
});
`;
}

/** A Next.js app on Neon and Vercel at the repository root, installed with npm. */
export function npmApp(): string {
  return makeRepository(
    {
      'package.json': json({
        name: 'shop',
        private: true,
        scripts: { 'db:generate': 'drizzle-kit generate' },
        dependencies: { '@neondatabase/serverless': '1.0.2', 'drizzle-orm': '0.45.4', next: '15.5.4' },
        devDependencies: { 'drizzle-kit': '0.31.11', vercel: '48.2.0' },
      }),
      'package-lock.json': json({ name: 'shop', lockfileVersion: 3, requires: true, packages: {} }),
      'drizzle.config.ts': drizzleConfig('./drizzle', './src/db/schema.ts'),
      'src/db/schema.ts': schema,
      '.vercel/project.json': json({ projectId: 'prj_shop', orgId: 'team_acme' }),
    },
    'drizzle',
  );
}

/** A pnpm monorepo: the database package in packages/db (on Neon), the Next.js app in apps/web (linked to Vercel). */
export function pnpmMonorepo(): string {
  return makeRepository(
    {
      'package.json': json({ name: 'acme', private: true, packageManager: 'pnpm@9.15.0' }),
      'pnpm-workspace.yaml': "packages:\n  - 'apps/*'\n  - 'packages/*'\n",
      'pnpm-lock.yaml': "lockfileVersion: '9.0'\n\nsettings:\n  autoInstallPeers: true\n\nimporters:\n\n  .: {}\n",
      'packages/db/package.json': json({
        name: '@acme/db',
        private: true,
        dependencies: { '@neondatabase/serverless': '1.0.2', 'drizzle-orm': '0.45.4' },
        devDependencies: { 'drizzle-kit': '0.31.11' },
      }),
      'packages/db/drizzle.config.ts': drizzleConfig('./migrations', './src/schema/*.ts'),
      'packages/db/src/schema/users.ts': schema,
      'apps/web/package.json': json({ name: '@acme/web', private: true, dependencies: { '@acme/db': 'workspace:*' } }),
      'apps/web/.vercel/project.json': json({ projectId: 'prj_web', orgId: 'team_acme' }),
      // Dependencies of a package are no Drizzle project of this repository.
      'node_modules/some-lib/drizzle.config.ts': drizzleConfig('./drizzle', './schema.ts'),
    },
    'packages/db/migrations',
  );
}

/** A bun app on plain PostgreSQL, deployed elsewhere (no Neon, no Vercel), with a JavaScript drizzle config. */
export function bunApp(): string {
  return makeRepository(
    {
      'package.json': json({
        name: 'api',
        private: true,
        dependencies: { 'drizzle-orm': '0.45.4', postgres: '3.4.7' },
        devDependencies: { 'drizzle-kit': '0.31.11' },
      }),
      'bun.lock': '{\n  "lockfileVersion": 1,\n  "workspaces": {\n    "": {\n      "name": "api",\n    },\n  },\n}\n',
      'drizzle.config.js': drizzleConfig('./db/migrations', ['./db/schema/users.js', './db/schema/posts.js'], {
        javaScript: true,
      }),
      'db/schema/users.js': schema,
      '.env.example': 'DATABASE_URL=postgres://postgres:postgres@localhost:5432/api\n',
    },
    'db/migrations',
  );
}

/** A yarn (berry) app deployed to Vercel, its database not on Neon. */
export function yarnVercelApp(): string {
  return makeRepository(
    {
      'package.json': json({
        name: 'blog',
        private: true,
        packageManager: 'yarn@4.9.2',
        dependencies: { 'drizzle-orm': '0.45.4', pg: '8.16.3' },
        devDependencies: { 'drizzle-kit': '0.31.11', vercel: '48.2.0' },
      }),
      'yarn.lock':
        '# This file is generated by running "yarn install" inside your project.\n\n__metadata:\n  version: 8\n  cacheKey: 10c0\n',
      '.yarnrc.yml': 'nodeLinker: node-modules\n',
      'drizzle.config.ts': drizzleConfig('./drizzle', './src/db/schema.ts'),
      'src/db/schema.ts': schema,
    },
    'drizzle',
  );
}

/** A repository whose app (with its own npm lockfile) lives in app/, next to infrastructure code. */
export function npmAppInSubfolder(): string {
  return makeRepository(
    {
      'README.md': '# shop\n',
      'infra/main.tf': 'terraform {}\n',
      'app/package.json': json({
        name: 'shop',
        private: true,
        dependencies: { 'drizzle-orm': '0.45.4' },
        devDependencies: { 'drizzle-kit': '0.31.11' },
      }),
      'app/package-lock.json': json({ name: 'shop', lockfileVersion: 3, requires: true, packages: {} }),
      'app/drizzle.config.ts': drizzleConfig('./drizzle', './src/db/schema.ts'),
      'app/src/db/schema.ts': schema,
    },
    'app/drizzle',
  );
}
