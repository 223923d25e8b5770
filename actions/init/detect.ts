import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { ConfigurationError } from '../lib/errors';
import { readDrizzleConfig, resolveMigrationsDir, type ConfigInput } from '../lib/migrations/config';
import { detectLayout } from '../lib/migrations/folder';
import type { Layout } from '../lib/migrations/model';
import { detectPackageManager, readPackageJson, type PackageManager } from './package-manager';
import { posix } from './paths';

/** What init learned about a repository; everything the templates are adapted to. */
export interface Repository {
  /** The Drizzle project's folder, relative to the repository root ('.' for the root). */
  project: string;
  /** The drizzle config file name inside the project folder. */
  configFile: string;
  /** The migrations folder, relative to the project folder. */
  migrationsDir: string;
  layout: Layout | 'not generated yet';
  /** Globs (relative to the project folder) of the schema files, from the config's `schema`; undefined if computed. */
  schema?: string[];
  packageManager: PackageManager;
  neon: Feature;
  vercel: Feature & { dir: string };
}

export interface Feature {
  used: boolean;
  /** Why init thinks so, for its report. */
  because: string;
}

export type FeatureChoice = 'auto' | 'true' | 'false';

const CONFIG_FILE = /^drizzle\.config\.(ts|mts|cts|js|mjs|cjs|json)$/;
const SKIPPED_DIRS = new Set([
  'node_modules',
  '.git',
  'dist',
  'build',
  '.next',
  '.turbo',
  '.vercel',
  'coverage',
  'out',
]);
const MAX_DEPTH = 5;
const ALL_CONFIG_INPUTS = new Set<ConfigInput>(['migrations-dir', 'migrations-table', 'migrations-schema']);

interface Walked {
  configs: string[];
  packageJsons: string[];
  vercelMarkers: string[];
  envExamples: string[];
}

/** The repository's files init looks at, found in one walk that skips dependencies and build output. */
function walk(root: string): Walked {
  const found: Walked = { configs: [], packageJsons: [], vercelMarkers: [], envExamples: [] };
  const visit = (dir: string, depth: number) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === '.vercel' && existsSync(join(path, 'project.json'))) found.vercelMarkers.push(path);
        if (!SKIPPED_DIRS.has(entry.name) && depth < MAX_DEPTH) visit(path, depth + 1);
      } else if (CONFIG_FILE.test(entry.name)) found.configs.push(posix(relative(root, path)));
      else if (entry.name === 'package.json') found.packageJsons.push(path);
      else if (entry.name === 'vercel.json') found.vercelMarkers.push(path);
      else if (/^\.env\.(example|sample|template)$/.test(entry.name)) found.envExamples.push(path);
    }
  };
  visit(root, 0);
  return found;
}

export async function detectRepository(
  root: string,
  options: { project?: string; neon: FeatureChoice; vercel: FeatureChoice },
): Promise<Repository> {
  const files = walk(root);
  const configPath = chooseConfig(root, files.configs, options.project);
  const project = dirname(configPath);
  const projectRoot = join(root, project);
  const configFile = basename(configPath);
  // Computed settings are not an error here: the workflows leave them to the actions, which read the config too.
  const config = await readDrizzleConfig(projectRoot, configFile, ALL_CONFIG_INPUTS);
  if (config.dialect && config.dialect !== 'postgresql') {
    throw new ConfigurationError(
      `${configPath} uses dialect "${config.dialect}"; schema-actions supports PostgreSQL (dialect "postgresql") only`,
    );
  }
  const migrationsDir = findMigrationsDir(projectRoot, config.out);
  const fullMigrationsDir = join(projectRoot, migrationsDir);
  return {
    project,
    configFile,
    migrationsDir,
    layout: (existsSync(fullMigrationsDir) && detectLayout(fullMigrationsDir)) || 'not generated yet',
    schema: schemaGlobs(readFileSync(join(projectRoot, configFile), 'utf8')),
    packageManager: detectPackageManager(root, project),
    neon: choose(options.neon, 'neon', detectNeon(root, files)),
    vercel: { ...choose(options.vercel, 'vercel', detectVercel(root, files)), dir: vercelDir(root, files) },
  };
}

function chooseConfig(root: string, configs: string[], project?: string): string {
  if (project !== undefined) {
    const inProject = configs.filter((c) => dirname(c) === (posix(relative(root, join(root, project))) || '.'));
    if (inProject.length === 0) {
      throw new ConfigurationError(`no drizzle.config.* in ${project}; set project to the folder holding it`);
    }
    return inProject.sort(byPreference)[0]!;
  }
  const folders = [...new Set(configs.map((c) => dirname(c)))].sort();
  if (folders.length === 0) {
    throw new ConfigurationError(
      `no drizzle.config.* found in ${root}; run init at the root of a repository with a Drizzle project`,
    );
  }
  if (folders.length > 1) {
    throw new ConfigurationError(
      `several Drizzle projects found (${folders.join(', ')}); pick one with --project <folder>`,
    );
  }
  return configs.filter((c) => dirname(c) === folders[0]).sort(byPreference)[0]!;
}

// drizzle-kit's own default comes first when a folder holds several configs.
function byPreference(a: string, b: string): number {
  return Number(!a.endsWith('drizzle.config.ts')) - Number(!b.endsWith('drizzle.config.ts')) || a.localeCompare(b);
}

/** The config's `out`, else the folder that already holds migrations, else drizzle-kit's default (`drizzle`). */
function findMigrationsDir(projectRoot: string, out: string | undefined): string {
  if (out) return out.replace(/^\.\//, '').replace(/\/+$/, '');
  try {
    const dir = resolveMigrationsDir(projectRoot, undefined, {}, (d) => detectLayout(d) !== undefined);
    return relative(projectRoot, dir);
  } catch {
    return 'drizzle';
  }
}

/**
 * The `schema` setting as paths-filter globs: a file watches its folder (schema files import their neighbours), a
 * folder watches everything below it, a glob stays as written. Undefined when the setting is not string literals.
 */
export function schemaGlobs(code: string): string[] | undefined {
  const withoutLedger = code.replace(/\bmigrations\s*:\s*\{[^}]*\}/, '');
  const value = /["']?\bschema["']?\s*:\s*(\[[^\]]*\]|'[^']*'|"[^"]*"|`[^`$]*`)/.exec(withoutLedger)?.[1];
  if (!value) return undefined;
  const paths = [...value.matchAll(/'([^']*)'|"([^"]*)"|`([^`]*)`/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
  if (paths.length === 0) return undefined;
  return [...new Set(paths.map(toGlob))];
}

function toGlob(path: string): string {
  const clean = path.replace(/^\.\//, '');
  if (/[*?{[]/.test(clean)) return clean;
  if (/\.[cm]?[jt]sx?$/.test(clean)) return dirname(clean) === '.' ? clean : `${dirname(clean)}/**`;
  return `${clean.replace(/\/+$/, '')}/**`;
}

function choose(choice: FeatureChoice, input: string, detected: Feature): Feature {
  if (choice === 'true') return { used: true, because: `--${input} true` };
  if (choice === 'false') return { used: false, because: `--${input} false` };
  return detected;
}

function dependencies(path: string): string[] {
  const json = readPackageJson(path) ?? {};
  return ['dependencies', 'devDependencies', 'optionalDependencies'].flatMap((field) =>
    Object.keys((json[field] as Record<string, string> | undefined) ?? {}),
  );
}

function detectNeon(root: string, files: Walked): Feature {
  for (const path of files.packageJsons) {
    const dependency = dependencies(path).find((d) => d.startsWith('@neondatabase/') || d === 'neonctl');
    if (dependency) return { used: true, because: `${relative(root, path)} depends on ${dependency}` };
  }
  // Neon works with any PostgreSQL driver; then the example environment file usually shows a Neon host.
  for (const path of files.envExamples) {
    if (/\.neon\.tech\b/.test(readFileSync(path, 'utf8'))) {
      return { used: true, because: `${relative(root, path)} has a neon.tech database URL` };
    }
  }
  return { used: false, because: 'no @neondatabase/* or neonctl dependency, no neon.tech URL in .env.example' };
}

function detectVercel(root: string, files: Walked): Feature {
  const marker = files.vercelMarkers[0];
  if (marker) return { used: true, because: `${relative(root, marker)} exists` };
  for (const path of files.packageJsons) {
    if (dependencies(path).includes('vercel')) {
      return { used: true, because: `${relative(root, path)} depends on vercel` };
    }
  }
  return { used: false, because: 'no vercel dependency, vercel.json or .vercel/project.json' };
}

/** The folder the Vercel CLI runs in: where the project is linked (.vercel/) or configured, else the root. */
function vercelDir(root: string, files: Walked): string {
  const marker = files.vercelMarkers[0];
  return marker ? posix(relative(root, dirname(marker))) || '.' : '.';
}
