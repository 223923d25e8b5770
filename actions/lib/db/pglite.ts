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
  // From sources: the installed package, found by walking up from this file as Node's resolution would.
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', '@electric-sql', 'pglite', 'dist');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error('@electric-sql/pglite is not installed');
  }
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

/** The file stem PGlite uses for an extension's module in contrib/ (`uuid-ossp` → `uuid_ossp`). */
function contribStem(extension: string): string {
  return extension.toLowerCase().replace(/-/g, '_');
}

/** Names of the PostgreSQL extensions this PGlite can load (contrib modules plus built-ins). */
export function embeddedExtensionNames(): string[] {
  const contrib = join(pgliteDistDir(), 'contrib');
  const stems = existsSync(contrib)
    ? readdirSync(contrib)
        .filter((f) => f.endsWith('.js'))
        .map((f) => f.slice(0, -3))
    : [];
  return [...BUILT_IN_EXTENSIONS, ...stems].sort();
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
  const contrib = join(pgliteDistDir(), 'contrib');
  for (const name of new Set([...names].map((n) => n.toLowerCase()))) {
    if (BUILT_IN_EXTENSIONS.has(name)) continue;
    const file = join(contrib, `${contribStem(name)}.js`);
    if (!existsSync(file)) {
      unavailable.push(name);
      continue;
    }
    const module = (await import(/* webpackIgnore: true */ pathToFileURL(file).href)) as Record<string, unknown>;
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
