import type { Catalog, OwnerInfo } from '../model';
import type { CatalogObject } from '../flatten';
import { IN_SCHEMAS, NOT_INTERNAL, type CatalogQuery } from './query';

// Sequences owned by a column (serial, identity) follow their table's owner, so only the table's is compared.
const OWNERS = `SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence'
              WHEN 'f' THEN 'foreign table' ELSE 'table' END AS on, n.nspname || '.' || c.relname AS target,
              pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname) AS target_sql,
              pg_catalog.pg_get_userbyid(c.relowner)::text AS owner
         FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND ${IN_SCHEMAS('n.nspname')}
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                            AND d.objid = c.oid AND d.deptype IN ('e', 'i', 'a'))
    UNION ALL
       SELECT CASE WHEN p.prokind = 'p' THEN 'procedure' ELSE 'function' END,
              n.nspname || '.' || p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')',
              pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(p.proname) || '('
                || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')',
              pg_catalog.pg_get_userbyid(p.proowner)::text
         FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
        WHERE p.prokind IN ('f', 'p') AND ${IN_SCHEMAS('n.nspname')} AND ${NOT_INTERNAL('pg_catalog.pg_proc', 'p.oid')}
    UNION ALL
       SELECT CASE WHEN t.typtype = 'd' THEN 'domain' ELSE 'type' END, n.nspname || '.' || t.typname,
              pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(t.typname),
              pg_catalog.pg_get_userbyid(t.typowner)::text
         FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        WHERE (t.typtype IN ('d', 'e', 'r')
               OR (t.typtype = 'c' AND (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid) = 'c'))
          AND ${IN_SCHEMAS('n.nspname')} AND ${NOT_INTERNAL('pg_catalog.pg_type', 't.oid')}
    UNION ALL
       SELECT 'schema', s.nspname, pg_catalog.quote_ident(s.nspname), pg_catalog.pg_get_userbyid(s.nspowner)::text
         FROM pg_catalog.pg_namespace s WHERE ${IN_SCHEMAS('s.nspname')}
    ORDER BY 1, 2`;

export async function readOwners(q: CatalogQuery, excludedTables: Set<string>): Promise<OwnerInfo[]> {
  const rows = await q(OWNERS);
  return rows
    .filter((r) => !excludedTables.has(String(r.target)))
    .map((r) => ({
      on: String(r.on),
      target: String(r.target),
      targetSql: `${String(r.on).toUpperCase()} ${String(r.target_sql)}`,
      owner: String(r.owner),
    }));
}

/**
 * The owners a database built by `sessionUser` would have if `role` had run the same migrations: objects the
 * migrations do not give away (ALTER ... OWNER TO) belong to whoever runs them, which differs between environments.
 */
export function ownedBy(catalog: Catalog, sessionUser: string, role: string): Catalog {
  return {
    ...catalog,
    owners: catalog.owners.map((o) => (o.owner === sessionUser ? { ...o, owner: role } : o)),
  };
}

const PARENT_TYPES: Record<string, string> = { 'materialized view': 'materialized-view', 'foreign table': 'table' };

export function ownerObject(o: OwnerInfo): CatalogObject {
  const type = PARENT_TYPES[o.on] ?? (o.on === 'type' ? undefined : o.on);
  return {
    objectType: 'owner',
    object: `${o.on} ${o.target}`,
    subject: o.target,
    ...(['table', 'view', 'materialized view'].includes(o.on) ? { table: o.target } : {}),
    ...(type ? { parent: `${type}:${o.target}` } : {}),
    definition: o.owner,
    parts: { owner: o.owner },
    sql: { name: o.targetSql },
    fix: { change: `ALTER ${o.targetSql} OWNER TO ${o.owner};` },
  };
}
