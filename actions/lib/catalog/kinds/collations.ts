import type { CatalogObject } from '../flatten';
import { qualified } from '../names';
import type { CollationInfo } from '../model';
import { IN_SCHEMAS, NOT_FROM_EXTENSION, type CatalogQuery } from './query';

const PROVIDERS: Record<string, CollationInfo['provider']> = { c: 'libc', i: 'icu', b: 'builtin', d: 'default' };

/**
 * Collation objects. The locale column is `colliculocale` in PostgreSQL 15-16 and `colllocale` from 17, so the row is
 * read whole (to_jsonb) and the version's column picked; `collversion` is the OS library's version, never compared.
 */
export async function readCollations(q: CatalogQuery): Promise<CollationInfo[]> {
  const rows = await q(`SELECT n.nspname AS schema, pg_catalog.to_jsonb(c.*)::text AS collation
           FROM pg_catalog.pg_collation c JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace
          WHERE ${IN_SCHEMAS('n.nspname')} AND ${NOT_FROM_EXTENSION('pg_catalog.pg_collation', 'c.oid')}
          ORDER BY 1, c.collname`);
  return rows.map((r) => {
    const c = JSON.parse(String(r.collation)) as Record<string, string | boolean | null>;
    return {
      schema: String(r.schema),
      name: String(c.collname),
      provider: PROVIDERS[String(c.collprovider)] ?? 'libc',
      collate: String(c.collcollate ?? ''),
      ctype: String(c.collctype ?? ''),
      locale: String(c.colllocale ?? c.colliculocale ?? ''),
      deterministic: c.collisdeterministic !== false,
      ...(c.collicurules ? { rules: String(c.collicurules) } : {}),
    };
  });
}

export function collationObject(c: CollationInfo): CatalogObject {
  const name = qualified(c.schema, c.name);
  const parts: Record<string, string> = {
    provider: c.provider,
    lc_collate: c.collate,
    lc_ctype: c.ctype,
    locale: c.locale,
    deterministic: String(c.deterministic),
    rules: c.rules ?? '',
  };
  const options = [`provider = ${c.provider}`];
  if (c.locale) options.push(`locale = '${c.locale}'`);
  if (c.collate) options.push(`lc_collate = '${c.collate}'`);
  if (c.ctype) options.push(`lc_ctype = '${c.ctype}'`);
  if (!c.deterministic) options.push('deterministic = false');
  if (c.rules) options.push(`rules = '${c.rules.replace(/'/g, "''")}'`);
  const definition = `(${options.join(', ')})`;
  return {
    objectType: 'collation',
    object: `${c.schema}.${c.name}`,
    parent: `schema:${c.schema}`,
    definition,
    parts,
    sql: { name },
    fix: {
      create: `CREATE COLLATION ${name} ${definition};`,
      drop: `DROP COLLATION ${name};`,
      // ALTER COLLATION cannot change a locale; DROP fails while columns use it (then recreate those too).
      change: `DROP COLLATION ${name};\nCREATE COLLATION ${name} ${definition};`,
    },
  };
}
