import { introspect, type Catalog } from '../lib/catalog';
import { createRoles, rolesMentioned } from '../lib/catalog/roles';
import type { Extension } from '@electric-sql/pglite';
import { embeddedIdentity, openEmbedded, resolveEmbeddedExtensions, type PGliteClient } from '../lib/db/pglite';
import type { StateCache, StateRecipe } from '../lib/db/state-cache';
import { cancellation, errorMessage } from '../lib/errors';
import { readLedger } from '../lib/migrations/ledger';
import { extensionsCreatedBy } from '../lib/migrations/extensions';
import type { Logger } from '../lib/logger';
import { done, skipped, type Phase } from '../lib/phase';
import { applyChange, type ApplyOutcome, type ChangeToApply } from './apply';
import { migrationsCreating } from './extensions';
import type { Finding } from './findings';

export interface EmbeddedApply {
  outcome: ApplyOutcome;
  bootMs: number;
  /** How the base migrations' state cache served this run, when it was used. */
  cache?: { restored: boolean; savedMs?: number };
  /** The schema before and after the new migrations; `after` is absent when they failed. */
  before?: Catalog;
  after?: Catalog;
}

/**
 * Applies the change on a fresh embedded PostgreSQL (PGlite) with the extensions the migrations create. Skipped,
 * with a warning, when PGlite lacks one of them.
 */
export async function applyOnEmbedded(
  change: ChangeToApply,
  logger: Logger,
  hasDatabaseUrl: boolean,
  options: { cache?: StateCache; signal?: AbortSignal } = {},
): Promise<{ phase: Phase<EmbeddedApply>; findings: Finding[] }> {
  const migrations = [...change.base, ...change.added];
  const wanted = extensionsCreatedBy(migrations.map((m) => m.sql).concat(change.seed ? [change.seed.sql] : []));
  const { extensions, unavailable } = await resolveEmbeddedExtensions(wanted);
  if (unavailable.length) {
    return {
      phase: skipped(`extension${unavailable.length > 1 ? 's' : ''} ${unavailable.join(', ')} not available in PGlite`),
      findings: [unavailableFinding(unavailable, migrations, hasDatabaseUrl)],
    };
  }
  // Roles that policies and grants name (Supabase's authenticated, anon…) exist on every real server before any
  // migration runs; the fresh embedded one has only postgres. Those the base names are made before it, the others
  // after it, so a saved base state holds exactly what a fresh run makes.
  const baseRoles = rolesMentioned(change.base.map((m) => m.sql));
  const roles = rolesMentioned(migrations.map((m) => m.sql));
  const cache =
    options.cache && change.base.length > 0
      ? { store: options.cache, recipe: baseRecipe(change, baseRoles) }
      : undefined;
  const bootStarted = performance.now();
  const restored = cache && (await restoreBase(cache.store, cache.recipe, change, extensions, logger));
  const client = restored ?? (await openEmbedded({ extensions }));
  const bootMs = performance.now() - bootStarted;
  const loaded = Object.keys(extensions);
  logger.info(
    `PGlite ready in ${Math.round(bootMs)} ms${loaded.length ? ` with ${loaded.join(', ')}` : ''}${restored ? `, the base migrations (${change.base.length}) restored from ${cache.store.dir}` : ''}`,
  );
  const ledgerTable = `${change.ledger.schema}.${change.ledger.table}`;
  try {
    if (options.signal?.aborted) throw cancellation(options.signal);
    if (!restored) await createRoles(client, baseRoles);
    let before: Catalog | undefined;
    let savedMs: number | undefined;
    const outcome = await applyChange(
      client,
      change,
      'embedded',
      {
        afterBase: async () => {
          if (cache && !restored) savedMs = await saveBase(cache.store, cache.recipe, client, logger);
          await createRoles(client, roles);
        },
        beforeNew: async (c) => {
          before = await introspect(c, { excludeTables: [ledgerTable] });
        },
      },
      { baseRestored: !!restored },
    );
    // Nothing ran since `before` when the change adds no migration: reading the catalog again would find the same.
    const after = outcome.failure
      ? undefined
      : outcome.timings.length === 0 && change.added.length === 0
        ? before
        : await introspect(client, { excludeTables: [ledgerTable] });
    logger.info(
      `base: ${restored ? `${change.base.length} restored` : `${outcome.baseApplied} in ${Math.round(outcome.baseMs)} ms`}${savedMs !== undefined ? ` (state saved in ${Math.round(savedMs)} ms)` : ''}; new: ${outcome.timings.map((t) => `${t.migration.name} ${Math.round(t.durationMs)} ms`).join(', ') || 'none'}`,
    );
    return {
      phase: done({ outcome, bootMs, before, after, ...(cache ? { cache: { restored: !!restored, savedMs } } : {}) }),
      findings: outcome.failure ? [outcome.failure] : [],
    };
  } finally {
    await client.close();
  }
}

/**
 * Everything the state after the base migrations depends on: their exact text and ledger rows, where the ledger is,
 * how they were applied, what was loaded and created before them, and which PGlite (and build) ran them.
 */
function baseRecipe(change: ChangeToApply, roles: string[]): StateRecipe {
  // Extensions the base creates are in the state; a run may load more (its new migrations' ones) on top of it.
  const extensions = [...new Set([...extensionsCreatedBy(change.base.map((m) => m.sql))].map((e) => e.toLowerCase()))];
  return {
    purpose: 'schema-check base',
    embedded: embeddedIdentity(),
    extensions: extensions.sort(),
    roles: [...roles].sort(),
    layout: change.layout,
    ledger: change.ledger,
    policy: change.policy,
    migrations: change.base.map((m) => [m.name, m.hash, m.createdAt]),
  };
}

/** Saves the state after the base migrations; a failure costs the next run time, never this run its verdict. */
async function saveBase(
  cache: StateCache,
  recipe: StateRecipe,
  client: PGliteClient,
  logger: Logger,
): Promise<number | undefined> {
  const started = performance.now();
  try {
    await cache.save(recipe, client);
    return performance.now() - started;
  } catch (error) {
    logger.warning(`The base state could not be saved in ${cache.dir}: ${errorMessage(error)}`);
    return undefined;
  }
}

/**
 * The saved state for these base migrations, booted and checked: its ledger must list exactly them. Anything else
 * (missing, corrupt, another state) is a warning and a clean apply, never a verdict on the wrong database.
 */
async function restoreBase(
  cache: StateCache,
  recipe: StateRecipe,
  change: ChangeToApply,
  extensions: Record<string, Extension>,
  logger: Logger,
): Promise<PGliteClient | undefined> {
  const found = cache.find(recipe);
  if (!found.state) {
    if (found.problem)
      logger.warning(
        `The saved base state in ${cache.dir} was not used: ${found.problem}; applying the base migrations.`,
      );
    return undefined;
  }
  let client: PGliteClient | undefined;
  try {
    client = await openEmbedded({ extensions, state: found.state });
    const ledger = await readLedger(client, change.ledger);
    const expected = change.base.map((m) => `${m.hash}@${m.createdAt}`).join(',');
    if (ledger.rows.map((r) => `${r.hash}@${r.createdAt}`).join(',') !== expected) {
      throw new Error('its ledger does not list exactly the base migrations');
    }
    return client;
  } catch (error) {
    await client?.close().catch(() => undefined);
    cache.discard(recipe);
    logger.warning(
      `The saved base state in ${cache.dir} was not used: ${errorMessage(error)}; applying the base migrations.`,
    );
    return undefined;
  }
}

/**
 * Never a silent pass, never a failure the user cannot fix: with database-url the apply there decides; without it
 * the migrations are reported as not verified, with the fix, and every other check still runs.
 */
function unavailableFinding(
  unavailable: string[],
  migrations: ChangeToApply['base'],
  hasDatabaseUrl: boolean,
): Finding {
  const users = unavailable.map(
    (name) =>
      `${name} (${
        migrationsCreating(name, migrations)
          .map((m) => m.name)
          .join(', ') || 'seed-sql'
      })`,
  );
  const plural = unavailable.length > 1 ? 's' : '';
  const message = hasDatabaseUrl
    ? `Not verified on embedded PostgreSQL: extension${plural} ${users.join(', ')}, which PGlite does not ship; the migrations are applied on database-url only.`
    : `Not verified on embedded PostgreSQL: extension${plural} ${users.join(', ')}, which PGlite does not ship, so the migrations were not applied anywhere; the other checks ran.`;
  return {
    check: 'apply',
    rule: 'extension-unavailable',
    severity: 'warning',
    message,
    alternative: hasDatabaseUrl
      ? undefined
      : `Give database-url: a PostgreSQL service container whose image has ${unavailable.join(', ')} (workflows-templates/schema-check.yml shows one, e.g. postgis/postgis for postgis).`,
  };
}
