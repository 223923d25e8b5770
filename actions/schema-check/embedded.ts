import { introspect, type Catalog } from '../lib/catalog';
import { createRoles, rolesMentioned } from '../lib/catalog/roles';
import { openEmbedded, resolveEmbeddedExtensions } from '../lib/db/pglite';
import { extensionsCreatedBy } from '../lib/migrations/extensions';
import type { Logger } from '../lib/logger';
import { done, skipped, type Phase } from '../lib/phase';
import { applyChange, type ApplyOutcome, type ChangeToApply } from './apply';
import { migrationsCreating } from './extensions';
import type { Finding } from './findings';

export interface EmbeddedApply {
  outcome: ApplyOutcome;
  bootMs: number;
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
  const bootStarted = performance.now();
  const client = await openEmbedded({ extensions });
  const bootMs = performance.now() - bootStarted;
  const loaded = Object.keys(extensions);
  logger.info(`PGlite ready in ${Math.round(bootMs)} ms${loaded.length ? ` with ${loaded.join(', ')}` : ''}`);
  const ledgerTable = `${change.ledger.schema}.${change.ledger.table}`;
  try {
    // Roles that policies and grants name (Supabase's authenticated, anon…) exist on every real server before any
    // migration runs; the fresh embedded one has only postgres.
    await createRoles(client, rolesMentioned(migrations.map((m) => m.sql)));
    let before: Catalog | undefined;
    const outcome = await applyChange(client, change, 'embedded', {
      beforeNew: async (c) => {
        before = await introspect(c, { excludeTables: [ledgerTable] });
      },
    });
    const after = outcome.failure ? undefined : await introspect(client, { excludeTables: [ledgerTable] });
    logger.info(
      `base: ${outcome.baseApplied} in ${Math.round(outcome.baseMs)} ms; new: ${outcome.timings.map((t) => `${t.migration.name} ${Math.round(t.durationMs)} ms`).join(', ') || 'none'}`,
    );
    return { phase: done({ outcome, bootMs, before, after }), findings: outcome.failure ? [outcome.failure] : [] };
  } finally {
    await client.close();
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
