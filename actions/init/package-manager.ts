import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { posix } from './paths';

export type PackageManagerName = 'npm' | 'pnpm' | 'yarn' | 'bun';

/** What the workflows need to know to install dependencies and run drizzle-kit with the project's package manager. */
export interface PackageManager {
  name: PackageManagerName;
  /** The lockfile, relative to the repository root (where it would be when none is committed yet). */
  lockfile: string;
  lockfileFound: boolean;
  /** The folder the install runs in, relative to the repository root ('.' for the root). */
  installDir: string;
  install: string;
  /** setup-node's `cache:` value; undefined when setup-node cannot cache this package manager (bun). */
  cache?: 'npm' | 'pnpm' | 'yarn';
  /** Runs a binary of the installed dependencies, e.g. `pnpm exec`. */
  exec: string;
  /** Steps that must run before setup-node (pnpm has to exist for its cache), as rendered step lines. */
  setupBefore: string[][];
  /** Steps that must run after setup-node. */
  setupAfter: string[][];
}

const LOCKFILES: [string, PackageManagerName][] = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
  ['package-lock.json', 'npm'],
];

/**
 * The package manager, from the lockfile nearest the project (the project folder, then its parents up to the
 * repository root, where a monorepo keeps it). `packageManager` in that folder's package.json settles a folder
 * holding several lockfiles. No lockfile at all means npm, whose lockfile the workflows then expect.
 */
export function detectPackageManager(root: string, projectDir: string): PackageManager {
  for (let dir = join(root, projectDir); ; dir = dirname(dir)) {
    const found = LOCKFILES.filter(([file]) => existsSync(join(dir, file)));
    if (found.length) {
      const declared = declaredPackageManager(dir);
      const [file, name] = found.find(([, n]) => n === declared?.name) ?? found[0]!;
      return describe(root, dir, file, name, true);
    }
    if (relative(root, dir) === '' || dirname(dir) === dir) break;
  }
  return describe(root, root, 'package-lock.json', 'npm', false);
}

function declaredPackageManager(dir: string): { name: string; version: string } | undefined {
  const field = readPackageJson(join(dir, 'package.json'))?.packageManager;
  const match = typeof field === 'string' ? /^(npm|pnpm|yarn|bun)@(\d[^+]*)/.exec(field) : null;
  return match ? { name: match[1]!, version: match[2]! } : undefined;
}

export function readPackageJson(path: string): Record<string, unknown> | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function describe(root: string, dir: string, file: string, name: PackageManagerName, found: boolean): PackageManager {
  const installDir = posix(relative(root, dir)) || '.';
  const lockfile = installDir === '.' ? file : `${installDir}/${file}`;
  const base = { name, lockfile, lockfileFound: found, installDir, setupBefore: [], setupAfter: [] };
  switch (name) {
    case 'npm':
      return { ...base, install: 'npm ci', cache: 'npm', exec: 'npx' };
    case 'pnpm':
      // pnpm/action-setup reads packageManager from package.json; without it, the version must be given.
      return {
        ...base,
        install: 'pnpm install --frozen-lockfile',
        cache: 'pnpm',
        exec: 'pnpm exec',
        setupBefore: [
          declaredPackageManager(dir)?.name === 'pnpm'
            ? ['uses: pnpm/action-setup@v4']
            : ['uses: pnpm/action-setup@v4', 'with:', '  version: 10'],
        ],
      };
    case 'yarn':
      return isYarnBerry(dir)
        ? {
            ...base,
            install: 'yarn install --immutable',
            cache: 'yarn',
            exec: 'yarn',
            // Yarn 2+ comes through corepack; setup-node's yarn cache asks yarn for its cache folder.
            setupBefore: [['run: corepack enable']],
          }
        : { ...base, install: 'yarn install --frozen-lockfile', cache: 'yarn', exec: 'yarn' };
    case 'bun':
      return {
        ...base,
        install: 'bun install --frozen-lockfile',
        exec: 'bunx',
        setupAfter: [['uses: oven-sh/setup-bun@v2']],
      };
  }
}

function isYarnBerry(dir: string): boolean {
  const declared = declaredPackageManager(dir);
  if (declared?.name === 'yarn') return !declared.version.startsWith('1.');
  if (existsSync(join(dir, '.yarnrc.yml'))) return true;
  return readFileSync(join(dir, 'yarn.lock'), 'utf8').includes('__metadata:');
}
