import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PGlite, PGliteOptions } from '@electric-sql/pglite';
import type { SqlClient } from './client';

type PGliteModule = typeof import('@electric-sql/pglite');

/**
 * Loads PGlite. The bundle carries PGlite's own files once, in dist/pglite/, next to dist/main/; loading them at run
 * time (instead of bundling them into each action) keeps its 16 MB of wasm and data out of every entry and lets PGlite
 * find its assets exactly where its authors expect them. From sources (tests, tsx) the installed package is used.
 */
export async function loadPGliteModule(): Promise<PGliteModule> {
  const vendored = join(dirname(fileURLToPath(import.meta.url)), '..', 'pglite', 'index.js');
  if (existsSync(vendored))
    return (await import(/* webpackIgnore: true */ pathToFileURL(vendored).href)) as PGliteModule;
  return (await import(/* webpackIgnore: true */ '@electric-sql/pglite')) as PGliteModule;
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

/** Boots an in-memory PostgreSQL (PGlite). */
export async function openEmbedded(options: PGliteOptions = {}): Promise<PGliteClient> {
  const { PGlite } = await loadPGliteModule();
  const db = await PGlite.create(options);
  return new PGliteClient(db);
}
