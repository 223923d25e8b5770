import type { SqlClient } from '../db/client';
import type { Difference } from './model';
import { normaliseView } from './normalise';

/**
 * Drops view differences that are only spelling. PostgreSQL 16 and later print view queries with fewer qualifiers
 * than 14 and 15, by rules that depend on the shape of the query (sub-selects, correlation), so text rules alone
 * cannot line them up. Instead the live definition is rendered again by `renderer`, the server that rendered the
 * expected side (the embedded PostgreSQL): if it then reads exactly as expected, both define the same query.
 */
export async function reconcileViewSpelling(differences: Difference[], renderer: SqlClient): Promise<Difference[]> {
  const kept: Difference[] = [];
  for (const d of differences) {
    const isView = d.objectType === 'view' || d.objectType === 'materialized-view';
    if (isView && d.change === 'changed' && d.from !== undefined && d.to !== undefined) {
      const rendered = await renderView(renderer, d.to);
      if (rendered === d.from) continue;
    }
    kept.push(d);
  }
  return kept;
}

/** The query as `client` prints it, or undefined when it does not accept it (then the difference stands). */
async function renderView(client: SqlClient, query: string): Promise<string | undefined> {
  await client.exec('BEGIN');
  try {
    // Same search_path as introspect(), so names come out qualified the same way.
    await client.query(`SELECT pg_catalog.set_config('search_path', 'pg_catalog', true)`);
    await client.exec(`CREATE TEMPORARY VIEW schema_actions_view_probe AS ${query}`);
    const [row] = await client.query<{ definition: string }>(
      `SELECT pg_catalog.pg_get_viewdef('pg_temp.schema_actions_view_probe'::pg_catalog.regclass, true) AS definition`,
    );
    return row ? normaliseView(row.definition) : undefined;
  } catch {
    return undefined;
  } finally {
    await client.exec('ROLLBACK');
  }
}
