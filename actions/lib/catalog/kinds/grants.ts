import type { CatalogObject } from '../flatten';
import { qualified, quoteName } from '../names';
import type { GrantInfo, GrantTarget } from '../model';
import { IN_SCHEMAS, NOT_FROM_EXTENSION, NOT_INTERNAL, ROLE_NAME, type CatalogQuery, type Row } from './query';

// Each query yields one row per (object, grantee, privilege). A NULL ACL means the built-in default (acldefault),
// which is what GRANT and REVOKE start from. The owner's own privileges come with ownership, so they are left out.
const RELATIONS = `SELECT CASE WHEN c.relkind = 'S' THEN 'sequence' ELSE 'table' END AS on, n.nspname AS schema,
        c.relname AS name, NULL::text AS column, NULL::text AS arguments, ${ROLE_NAME('a.grantee')} AS grantee,
        a.privilege_type AS privilege, a.is_grantable AS grantable, c.relkind::text AS relkind
   FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace,
        LATERAL pg_catalog.aclexplode(COALESCE(c.relacl,
          pg_catalog.acldefault(CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::"char", c.relowner))) a
  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND a.grantee <> c.relowner AND ${IN_SCHEMAS('n.nspname')}
    AND ${NOT_FROM_EXTENSION('pg_catalog.pg_class', 'c.oid')}`;
const COLUMNS = `SELECT 'column', n.nspname, c.relname, at.attname, NULL, ${ROLE_NAME('a.grantee')},
        a.privilege_type, a.is_grantable, c.relkind::text
   FROM pg_catalog.pg_attribute at JOIN pg_catalog.pg_class c ON c.oid = at.attrelid
   JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace, LATERAL pg_catalog.aclexplode(at.attacl) a
  WHERE at.attacl IS NOT NULL AND NOT at.attisdropped AND a.grantee <> c.relowner AND ${IN_SCHEMAS('n.nspname')}`;
const SCHEMAS = `SELECT 'schema', s.nspname, NULL, NULL, NULL, ${ROLE_NAME('a.grantee')}, a.privilege_type, a.is_grantable,
        NULL
   FROM pg_catalog.pg_namespace s,
        LATERAL pg_catalog.aclexplode(COALESCE(s.nspacl, pg_catalog.acldefault('n', s.nspowner))) a
  WHERE a.grantee <> s.nspowner AND ${IN_SCHEMAS('s.nspname')}`;
const FUNCTIONS = `SELECT CASE WHEN p.prokind = 'p' THEN 'procedure' ELSE 'function' END, n.nspname, p.proname, NULL,
        pg_catalog.pg_get_function_identity_arguments(p.oid), ${ROLE_NAME('a.grantee')}, a.privilege_type, a.is_grantable,
        NULL
   FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace,
        LATERAL pg_catalog.aclexplode(COALESCE(p.proacl, pg_catalog.acldefault('f', p.proowner))) a
  WHERE p.prokind IN ('f', 'p') AND a.grantee <> p.proowner AND ${IN_SCHEMAS('n.nspname')}
    AND ${NOT_INTERNAL('pg_catalog.pg_proc', 'p.oid')}`;

/** The privileges `roles` hold on the objects in the schemas read, one entry per object and grantee. */
export async function readGrants(q: CatalogQuery, roles: string[], excludedTables: Set<string>): Promise<GrantInfo[]> {
  if (roles.length === 0) return [];
  const wanted = new Set(roles);
  const rows = await q(
    `${RELATIONS} UNION ALL ${COLUMNS} UNION ALL ${SCHEMAS} UNION ALL ${FUNCTIONS} ORDER BY 2, 3, 4, 5, 6, 7`,
  );
  const grants = new Map<string, GrantInfo>();
  for (const r of rows) {
    if (!wanted.has(String(r.grantee))) continue;
    const grant = grantFor(r);
    if (grant.table && excludedTables.has(grant.table)) continue;
    const key = `${grant.on} ${grant.target} ${grant.grantee}`;
    const entry = grants.get(key) ?? grants.set(key, grant).get(key);
    entry?.privileges.push(`${String(r.privilege)}${r.grantable ? ' WITH GRANT OPTION' : ''}`);
  }
  for (const g of grants.values()) g.privileges.sort();
  return [...grants.values()];
}

function grantFor(r: Row): GrantInfo {
  const on = String(r.on) as GrantTarget;
  const schema = String(r.schema);
  const base = { on, grantee: String(r.grantee), privileges: [] as string[] };
  if (on === 'schema')
    return { ...base, target: schema, targetSql: `SCHEMA ${quoteName(schema)}`, parent: `schema:${schema}` };
  const name = String(r.name);
  if (on === 'function' || on === 'procedure') {
    const args = String(r.arguments);
    const target = `${schema}.${name}(${args})`;
    return {
      ...base,
      target,
      targetSql: `${on.toUpperCase()} ${qualified(schema, name)}(${args})`,
      parent: `${on}:${target}`,
    };
  }
  const table = `${schema}.${name}`;
  const type = RELATION_TYPES[String(r.relkind)] ?? 'table';
  const relation = { table, targetSql: `${on === 'sequence' ? 'SEQUENCE' : 'TABLE'} ${qualified(schema, name)}` };
  if (on !== 'column') return { ...base, ...relation, target: table, parent: `${type}:${table}` };
  const target = `${table}.${String(r.column)}`;
  const parent = type === 'table' ? `column:${target}` : `${type}:${table}`;
  return { ...base, ...relation, target, columnSql: quoteName(String(r.column)), parent };
}

const RELATION_TYPES: Record<string, string> = { v: 'view', m: 'materialized-view', S: 'sequence' };

export function grantObject(g: GrantInfo): CatalogObject {
  const grantee = g.grantee === 'public' ? 'PUBLIC' : quoteName(g.grantee);
  const privileges = g.privileges.join(', ');
  return {
    objectType: 'grant',
    object: `${g.on} ${g.target} to ${g.grantee}`,
    subject: g.target,
    ...(g.table ? { table: g.table } : {}),
    parent: g.parent,
    definition: privileges,
    parts: { privileges },
    sql: { name: g.targetSql },
    fix: {
      create: grantStatements(g, grantee),
      drop: revokeStatement(g, grantee),
      change: `${revokeStatement(g, grantee)}\n${grantStatements(g, grantee)}`,
    },
  };
}

function grantStatements(g: GrantInfo, grantee: string): string {
  const plain = g.privileges.filter((p) => !p.endsWith(' WITH GRANT OPTION'));
  const grantable = g.privileges.filter((p) => p.endsWith(' WITH GRANT OPTION')).map((p) => p.split(' ')[0] ?? p);
  const list = (privileges: string[]) => privileges.map((p) => (g.columnSql ? `${p} (${g.columnSql})` : p)).join(', ');
  return [
    plain.length ? `GRANT ${list(plain)} ON ${g.targetSql} TO ${grantee};` : '',
    grantable.length ? `GRANT ${list(grantable)} ON ${g.targetSql} TO ${grantee} WITH GRANT OPTION;` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

function revokeStatement(g: GrantInfo, grantee: string): string {
  return `REVOKE ${g.columnSql ? `ALL (${g.columnSql})` : 'ALL'} ON ${g.targetSql} FROM ${grantee};`;
}
