import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { errorMessage } from '../errors';
import type { PGliteClient } from './pglite';
import { packTar } from './tar';

/**
 * Everything that decides what a saved embedded database holds (the migrations run in it, with their exact text,
 * the PGlite version, extensions, roles…), as plain JSON. Two recipes are the same state only when they are equal.
 */
export type StateRecipe = Record<string, unknown>;

/** A saved state, for openEmbedded's `state` option. */
export interface SavedState {
  archive: string;
  sha256: string;
}

export type Lookup =
  | { state: SavedState }
  /** Nothing saved for this recipe; `problem` says why an entry that was there could not be used (it is removed). */
  | { state?: undefined; problem?: string };

interface Key {
  format: number;
  recipe: StateRecipe;
  sha256: string;
}

const FORMAT = 1;
const ARCHIVE = 'state.tar';
const KEY = 'key.json';

/**
 * Where a check keeps embedded database states between runs: the runner's tool cache (it survives jobs on a
 * self-hosted runner, and a workflow can carry it across runs with actions/cache), else the user's cache folder.
 */
export function defaultStateCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base =
    env.RUNNER_TOOL_CACHE ||
    env.RUNNER_TEMP ||
    env.XDG_CACHE_HOME ||
    (process.platform === 'win32' && env.LOCALAPPDATA) ||
    join(homedir(), '.cache');
  return join(base, 'schema-actions', 'embedded-state');
}

/**
 * Saved PGlite data directories, one folder per recipe (named by its hash) holding the archive and a key that
 * repeats the whole recipe and the archive's checksum: a hash collision, a half-written or tampered entry never
 * passes for another state. Only the most recently used `keep` entries are kept.
 */
export class StateCache {
  constructor(
    readonly dir: string,
    private readonly keep = 3,
  ) {}

  find(recipe: StateRecipe): Lookup {
    const entry = this.entryDir(recipe);
    if (!existsSync(entry)) return {};
    let key: Key;
    try {
      key = JSON.parse(readFileSync(join(entry, KEY), 'utf8')) as Key;
    } catch (error) {
      this.discard(recipe);
      return { problem: `its key cannot be read (${errorMessage(error)})` };
    }
    if (key.format !== FORMAT || canonical(key.recipe) !== canonical(recipe) || !existsSync(join(entry, ARCHIVE))) {
      this.discard(recipe);
      return { problem: 'it does not match what this run needs' };
    }
    const now = new Date();
    utimesSync(entry, now, now);
    return { state: { archive: join(entry, ARCHIVE), sha256: key.sha256 } };
  }

  /**
   * Saves the database's current data directory under `recipe`. Nothing may run on the database meanwhile. Written
   * aside and renamed into place, so a reader never sees half an entry.
   */
  async save(recipe: StateRecipe, client: PGliteClient): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    const staging = join(this.dir, `.saving-${process.pid}-${Date.now()}`);
    mkdirSync(staging);
    try {
      const dataDir = await client.checkpoint();
      const sha256 = await packTar(dataDir, join(staging, ARCHIVE));
      const key: Key = { format: FORMAT, recipe, sha256 };
      writeFileSync(join(staging, KEY), `${JSON.stringify(key)}\n`);
      // Another run (a matrix job on the same runner) may have saved the same state meanwhile: it is as good.
      const entry = this.entryDir(recipe);
      if (!existsSync(entry)) renameSync(staging, entry);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
    this.prune();
  }

  discard(recipe: StateRecipe): void {
    rmSync(this.entryDir(recipe), { recursive: true, force: true });
  }

  private entryDir(recipe: StateRecipe): string {
    return join(this.dir, createHash('sha256').update(canonical(recipe)).digest('hex').slice(0, 32));
  }

  private prune(): void {
    const hourAgo = Date.now() - 3_600_000;
    for (const e of readdirSync(this.dir, { withFileTypes: true })) {
      // What a process killed while saving left behind.
      const path = join(this.dir, e.name);
      if (e.name.startsWith('.saving-') && statSync(path).mtimeMs < hourAgo)
        rmSync(path, { recursive: true, force: true });
    }
    const entries = readdirSync(this.dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => ({ path: join(this.dir, e.name), used: statSync(join(this.dir, e.name)).mtimeMs }))
      .sort((a, b) => b.used - a.used);
    for (const stale of entries.slice(this.keep)) rmSync(stale.path, { recursive: true, force: true });
  }
}

/** JSON with object keys sorted, so equal recipes always hash alike. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}
