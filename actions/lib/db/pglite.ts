import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Extension, PGlite, PGliteOptions } from '@electric-sql/pglite';
import type { SqlClient } from './client';

type PGliteModule = typeof import('@electric-sql/pglite');

/**
 * The vendored copy: dist/pglite/ next to the bundle, or, from sources (tests, tsx), the repository's committed
 * dist/pglite/ (the same PGlite version, copied by the build), so both boot the same way from the prepared data dir.
 */
function vendoredDir(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', 'pglite'), join(here, '..', '..', '..', 'dist', 'pglite')];
  return candidates.find((dir) => existsSync(join(dir, 'index.js')));
}

/** The folder holding PGlite's runtime files (index.js, contrib/), vendored or installed. */
function pgliteDistDir(): string {
  const vendored = vendoredDir();
  if (vendored) return vendored;
  // From sources: the installed package.
  const installed = installedPackageFile('@electric-sql/pglite', 'dist');
  if (!installed) throw new Error('@electric-sql/pglite is not installed');
  return installed;
}

/**
 * Loads PGlite. The bundle carries PGlite's own files once, in dist/pglite/, next to dist/main/; loading them at run
 * time (instead of bundling them into each action) keeps its 16 MB of wasm and data out of every entry and lets PGlite
 * find its assets exactly where its authors expect them. From sources (tests, tsx) the installed package is used.
 */
export async function loadPGliteModule(): Promise<PGliteModule> {
  const vendored = vendoredDir();
  if (vendored)
    return (await import(/* webpackIgnore: true */ pathToFileURL(join(vendored, 'index.js')).href)) as PGliteModule;
  return await import(/* webpackIgnore: true */ '@electric-sql/pglite');
}

export class PGliteClient implements SqlClient {
  readonly kind = 'pglite' as const;
  constructor(readonly raw: PGlite) {}

  async query<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<Row[]> {
    const result = await this.raw.query<Row>(sql, params);
    return result.rows;
  }

  async exec(sql: string): Promise<void> {
    // exec() runs the text as one simple-protocol message, so several statements in one chunk work, as with pg.
    await this.raw.exec(sql);
  }

  async close(): Promise<void> {
    if (!this.raw.closed) await this.raw.close();
  }
}

/** Extensions compiled into PGlite itself: CREATE EXTENSION works without loading anything. */
const BUILT_IN_EXTENSIONS = new Set(['plpgsql']);

/**
 * Extensions PGlite's authors publish as packages of their own rather than in @electric-sql/pglite/contrib. Each
 * package's dist/ holds an index.js exporting the extension and the .tar.gz it loads from beside itself; the build
 * vendors both into dist/pglite/extensions/<extension>/ so the bundle loads them at run time like the contrib ones.
 * Not here: @electric-sql/pglite-postgis, whose newest release (0.2.8, built for PGlite 0.5.8) fails to load in this
 * PGlite (its script cannot load plpgsql.so), so postgis stays "not available in PGlite".
 */
export const EXTENSION_PACKAGES: Readonly<Record<string, { package: string }>> = {
  vector: { package: '@electric-sql/pglite-pgvector' },
};

/** The file stem PGlite uses for an extension's module in contrib/ (`uuid-ossp` → `uuid_ossp`). */
function contribStem(extension: string): string {
  return extension.toLowerCase().replace(/-/g, '_');
}

/** Where an extension's module is: PGlite's contrib/, or a package of its own (vendored, else installed). */
function extensionModule(name: string): string | undefined {
  const packaged = EXTENSION_PACKAGES[name];
  if (!packaged) {
    const file = join(pgliteDistDir(), 'contrib', `${contribStem(name)}.js`);
    return existsSync(file) ? file : undefined;
  }
  const vendored = vendoredDir();
  const candidates = [
    ...(vendored ? [join(vendored, 'extensions', name, 'index.js')] : []),
    installedPackageFile(packaged.package, 'dist', 'index.js'),
  ];
  return candidates.find((file): file is string => !!file && existsSync(file));
}

/** A file of an installed package, found by walking up from this file as Node's resolution would. */
function installedPackageFile(pkg: string, ...path: string[]): string | undefined {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', ...pkg.split('/'), ...path);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Names of the PostgreSQL extensions this PGlite can load (contrib modules, extension packages, built-ins). */
export function embeddedExtensionNames(): string[] {
  const contrib = join(pgliteDistDir(), 'contrib');
  const stems = existsSync(contrib)
    ? readdirSync(contrib)
        .filter((f) => f.endsWith('.js'))
        .map((f) => f.slice(0, -3))
    : [];
  const packaged = Object.keys(EXTENSION_PACKAGES).filter((name) => extensionModule(name));
  return [...BUILT_IN_EXTENSIONS, ...stems, ...packaged].sort();
}

export interface ResolvedExtensions {
  /** For PGliteOptions.extensions: the modules PGlite must load at boot for CREATE EXTENSION to work. */
  extensions: Record<string, Extension>;
  /** Requested extensions that this PGlite does not ship. */
  unavailable: string[];
}

/** Finds PGlite's module for each extension a migration creates; PGlite needs them when it boots, not later. */
export async function resolveEmbeddedExtensions(names: Iterable<string>): Promise<ResolvedExtensions> {
  const extensions: Record<string, Extension> = {};
  const unavailable: string[] = [];
  for (const name of new Set([...names].map((n) => n.toLowerCase()))) {
    if (BUILT_IN_EXTENSIONS.has(name)) continue;
    const file = extensionModule(name);
    const module = file
      ? ((await import(/* webpackIgnore: true */ pathToFileURL(file).href)) as Record<string, unknown>)
      : {};
    const extension = Object.values(module).find(
      (value): value is Extension => !!value && typeof value === 'object' && 'setup' in value,
    );
    if (extension) extensions[contribStem(name)] = extension;
    else unavailable.push(name);
  }
  return { extensions, unavailable };
}

/**
 * A data directory initialised at build time (scripts/build.ts), so booting skips initdb: about 0.5 s instead of
 * 2.5 s. Without a dist/ (not built yet) PGlite initialises a fresh one.
 */
export const PREINITIALISED_DATA_DIR = 'pgdata.tar.gz';

function preinitialisedDataDir(): Blob | undefined {
  const vendored = vendoredDir();
  const file = vendored && join(vendored, PREINITIALISED_DATA_DIR);
  if (!file || !existsSync(file)) return undefined;
  // Node's native gunzip is about twice as fast as PGlite's own (DecompressionStream) on this 40 MB archive.
  return new Blob([gunzipSync(readFileSync(file))]);
}

/** Boots an in-memory PostgreSQL (PGlite), from the pre-initialised data directory when there is one. */
export async function openEmbedded(options: PGliteOptions = {}): Promise<PGliteClient> {
  const { PGlite } = await loadPGliteModule();
  const fresh = options.dataDir !== undefined || options.loadDataDir !== undefined;
  const loadDataDir = fresh ? undefined : preinitialisedDataDir();
  const db = await PGlite.create(loadDataDir ? { ...options, loadDataDir } : options);
  return new PGliteClient(db);
}
