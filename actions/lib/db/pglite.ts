import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Extension, PGlite, PGliteOptions } from '@electric-sql/pglite';
import type { SqlClient } from './client';
import { preferBaselineWasm } from './wasm';
import { extractTar } from './tar';

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
  constructor(
    readonly raw: PGlite,
    /** The data directory on disk, removed on close. */
    readonly dataDir: string,
  ) {}

  async query<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<Row[]> {
    const result = await this.raw.query<Row>(sql, params);
    return result.rows;
  }

  async exec(sql: string): Promise<void> {
    // exec() runs the text as one simple-protocol message, so several statements in one chunk work, as with pg.
    await this.raw.exec(sql);
  }

  /**
   * Writes every change to the data directory, which is then a consistent copy to start another database from, as
   * long as nothing runs meanwhile (see state-cache.ts).
   */
  async checkpoint(): Promise<string> {
    await this.raw.exec('CHECKPOINT');
    return this.dataDir;
  }

  async close(): Promise<void> {
    try {
      if (!this.raw.closed) await this.raw.close();
    } finally {
      // Waited for: a test worker or job that ends right after close must not leave 40 MB behind.
      await rm(this.dataDir, { recursive: true, force: true });
      openDataDirs.delete(this.dataDir);
    }
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

function preinitialisedArchive(): string | undefined {
  const vendored = vendoredDir();
  const file = vendored && join(vendored, PREINITIALISED_DATA_DIR);
  return file && existsSync(file) ? file : undefined;
}

/**
 * What a saved data directory depends on besides what was run in it: the PGlite version (its on-disk format) and the
 * data directory everything started from. A saved state is only reused when this is unchanged.
 */
export function embeddedIdentity(): { pglite: string; dataDir: string } {
  const vendored = vendoredDir();
  const stamp = vendored && join(vendored, 'pgdata.version');
  const pkg = installedPackageFile('@electric-sql/pglite', 'package.json');
  const pglite =
    stamp && existsSync(stamp)
      ? readFileSync(stamp, 'utf8').trim()
      : pkg
        ? (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version
        : 'unknown';
  const archive = preinitialisedArchive();
  const dataDir = archive ? createHash('sha256').update(readFileSync(archive)).digest('hex') : 'initdb';
  return { pglite, dataDir };
}

/**
 * PostgreSQL's default 128 MB of shared buffers grow PGlite's wasm memory to 190 MB, the largest part of a check's
 * peak; a check touches a few MB of pages, and evicted pages go to the data directory on disk.
 */
const SHARED_BUFFERS = '8MB';

export interface EmbeddedOptions {
  /** Extensions PGlite must load at boot (see resolveEmbeddedExtensions). */
  extensions?: PGliteOptions['extensions'];
  /**
   * A saved data directory to start from (see state-cache.ts), checked against its checksum; without it, the one
   * prepared at build time.
   */
  state?: { archive: string; sha256: string };
}

/** Data directories of this process's open databases, removed even when the process exits without closing them. */
const openDataDirs = new Set<string>();
let exitHookInstalled = false;

function scratchDataDir(): string {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const dir of openDataDirs) {
        try {
          rmSync(dir, { recursive: true, force: true });
        } catch {
          // Exiting anyway; the folder is in the temporary directory.
        }
      }
    });
  }
  const dir = mkdtempSync(join(process.env.RUNNER_TEMP || tmpdir(), 'schema-actions-pglite-'));
  openDataDirs.add(dir);
  return dir;
}

/**
 * Boots an embedded PostgreSQL (PGlite) whose data directory is a scratch folder on disk (PGlite's NodeFS), unpacked
 * from `state`, else from the directory prepared at build time. On disk rather than in PGlite's in-memory file
 * system: the 40 MB directory (16 MB of it a WAL segment, more segments as migrations run) was otherwise held in
 * memory two or three times over while loading, then once for the whole run.
 */
export async function openEmbedded(options: EmbeddedOptions = {}): Promise<PGliteClient> {
  const { PGlite } = await loadPGliteModule();
  const dataDir = scratchDataDir();
  try {
    const archive = options.state?.archive ?? preinitialisedArchive();
    // Compiling PGlite's 9 MB of wasm runs on V8's background threads while the data directory is written.
    const [pgliteWasmModule] = await Promise.all([
      compiledPGlite(),
      archive && extractTar(archive, dataDir, { sha256: options.state?.sha256 }),
    ]);
    const pgliteOptions: PGliteOptions = {
      dataDir,
      extensions: options.extensions,
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`],
    };
    // Typed through Object.assign: this project's TypeScript lib has no WebAssembly declarations to name its type.
    Object.assign(pgliteOptions, { pgliteWasmModule });
    const db = await PGlite.create(pgliteOptions);
    return new PGliteClient(db, dataDir);
  } catch (error) {
    removeDataDir(dataDir);
    throw error;
  }
}

/**
 * Starts importing PGlite and compiling its wasm (on V8's background threads) so that openEmbedded finds them done:
 * for a caller with other work to do first (reading migrations, git). A failure surfaces in openEmbedded.
 */
export function preparePGlite(): void {
  loadPGliteModule().catch(() => undefined);
  compiledPGlite().catch(() => undefined);
}

type WasmModule = object;
let compiled: Promise<WasmModule> | undefined;

/** PGlite's wasm, compiled once per process (tests and drift-check boot several databases). */
function compiledPGlite(): Promise<WasmModule> {
  const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WasmModule> } })
    .WebAssembly;
  // Every caller (schema-check, drift-check, status) gets the baseline compiler, set before the first compile.
  if (!compiled) preferBaselineWasm();
  compiled ??= Promise.resolve()
    .then(() => readFile(join(pgliteDistDir(), 'pglite.wasm')))
    .then((bytes) => wasm.compile(bytes));
  return compiled;
}

function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  openDataDirs.delete(dir);
}
