import type { CatalogObject } from '../flatten';
import { qualified, quoteName } from '../names';
import type { CompositeTypeInfo, DomainInfo, RangeTypeInfo } from '../model';
import { collapseWhitespace } from '../normalise';
import { IN_SCHEMAS, NOT_FROM_EXTENSION, type CatalogQuery } from './query';

const USER_TYPES = (typtype: string) =>
  `FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
  WHERE t.typtype = '${typtype}' AND ${IN_SCHEMAS('n.nspname')} AND ${NOT_FROM_EXTENSION('pg_catalog.pg_type', 't.oid')}`;

// Only CHECK constraints: PostgreSQL 17+ also records a domain's NOT NULL as a constraint, which typnotnull covers.
export async function readDomains(q: CatalogQuery): Promise<DomainInfo[]> {
  const rows = await q(`SELECT n.nspname AS schema, t.typname AS name,
                pg_catalog.format_type(t.typbasetype, t.typtypmod) AS type, t.typnotnull AS not_null,
                t.typdefault AS default_expr,
                (SELECT co.collname FROM pg_catalog.pg_collation co WHERE co.oid = t.typcollation
                   AND t.typcollation <> (SELECT b.typcollation FROM pg_catalog.pg_type b WHERE b.oid = t.typbasetype)) AS collation,
                COALESCE((SELECT pg_catalog.json_agg(pg_catalog.json_build_array(c.conname, pg_catalog.pg_get_constraintdef(c.oid, true)) ORDER BY c.conname)
                   FROM pg_catalog.pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c'), '[]')::text AS checks
           ${USER_TYPES('d')} ORDER BY 1, 2`);
  return rows.map((r) => ({
    schema: String(r.schema),
    name: String(r.name),
    type: collapseWhitespace(String(r.type)),
    notNull: Boolean(r.not_null),
    ...(r.default_expr != null ? { default: collapseWhitespace(String(r.default_expr)) } : {}),
    ...(r.collation ? { collation: String(r.collation) } : {}),
    checks: (JSON.parse(String(r.checks)) as [string, string][]).map(([name, definition]) => ({
      name,
      definition: collapseWhitespace(definition),
    })),
  }));
}

export function domainObject(d: DomainInfo): CatalogObject {
  const name = qualified(d.schema, d.name);
  const parts: Record<string, string> = {
    type: d.type,
    collation: d.collation ?? '',
    'not null': String(d.notNull),
    default: d.default ?? '',
  };
  for (const c of d.checks) parts[`check ${c.name}`] = c.definition;
  const words = [`AS ${d.type}`];
  if (d.collation) words.push(`COLLATE "${d.collation}"`);
  if (d.default !== undefined) words.push(`DEFAULT ${d.default}`);
  if (d.notNull) words.push('NOT NULL');
  for (const c of d.checks) words.push(`CONSTRAINT ${quoteName(c.name)} ${c.definition}`);
  const definition = words.join(' ');
  return {
    objectType: 'domain',
    object: `${d.schema}.${d.name}`,
    parent: `schema:${d.schema}`,
    definition,
    parts,
    sql: { name },
    fix: { create: `CREATE DOMAIN ${name} ${definition};`, drop: `DROP DOMAIN ${name};` },
  };
}

/** The ALTER DOMAIN statements that turn `actual` into `expected`. */
export function domainChange(name: string, expected: CatalogObject, actual: CatalogObject): string {
  const e = expected.parts;
  const a = actual.parts;
  if (e.type !== a.type || e.collation !== a.collation)
    return `-- the base type differs: recreate the domain as: CREATE DOMAIN ${name} ${expected.definition};`;
  const lines: string[] = [];
  if (e.default !== a.default)
    lines.push(`ALTER DOMAIN ${name} ${e.default ? `SET DEFAULT ${e.default}` : 'DROP DEFAULT'};`);
  if (e['not null'] !== a['not null'])
    lines.push(`ALTER DOMAIN ${name} ${e['not null'] === 'true' ? 'SET' : 'DROP'} NOT NULL;`);
  const checks = new Set([...Object.keys(e), ...Object.keys(a)].filter((k) => k.startsWith('check ')));
  for (const key of checks) {
    if (e[key] === a[key]) continue;
    const constraint = quoteName(key.slice('check '.length));
    if (a[key] !== undefined) lines.push(`ALTER DOMAIN ${name} DROP CONSTRAINT ${constraint};`);
    if (e[key] !== undefined) lines.push(`ALTER DOMAIN ${name} ADD CONSTRAINT ${constraint} ${e[key]};`);
  }
  return lines.join('\n');
}

export async function readCompositeTypes(q: CatalogQuery): Promise<CompositeTypeInfo[]> {
  const rows = await q(`SELECT n.nspname AS schema, t.typname AS name,
                COALESCE((SELECT pg_catalog.json_agg(pg_catalog.json_build_array(a.attname,
                            pg_catalog.format_type(a.atttypid, a.atttypmod),
                            CASE WHEN a.attcollation <> at.typcollation THEN co.collname END) ORDER BY a.attnum)
                   FROM pg_catalog.pg_attribute a
                   JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
                   LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
                  WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped), '[]')::text AS attributes
           ${USER_TYPES('c')}
            AND (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid) = 'c'
          ORDER BY 1, 2`);
  return rows.map((r) => ({
    schema: String(r.schema),
    name: String(r.name),
    attributes: (JSON.parse(String(r.attributes)) as [string, string, string | null][]).map(
      ([name, type, collation]) => ({ name, type: collapseWhitespace(type), ...(collation ? { collation } : {}) }),
    ),
  }));
}

export function compositeTypeObject(t: CompositeTypeInfo): CatalogObject {
  const name = qualified(t.schema, t.name);
  const attributes = t.attributes.map(
    (a) => `${quoteName(a.name)} ${a.type}${a.collation ? ` COLLATE "${a.collation}"` : ''}`,
  );
  const definition = `AS (${attributes.join(', ')})`;
  const parts: Record<string, string> = { order: t.attributes.map((a) => quoteName(a.name)).join(', ') };
  t.attributes.forEach(
    (a, i) => (parts[`attribute ${a.name}`] = (attributes[i] ?? '').slice(quoteName(a.name).length + 1)),
  );
  return {
    objectType: 'composite-type',
    object: `${t.schema}.${t.name}`,
    parent: `schema:${t.schema}`,
    definition,
    parts,
    sql: { name },
    fix: { create: `CREATE TYPE ${name} ${definition};`, drop: `DROP TYPE ${name};` },
  };
}

/** ALTER TYPE ... ADD / DROP / ALTER ATTRIBUTE statements that turn `actual` into `expected`. */
export function compositeTypeChange(name: string, expected: CatalogObject, actual: CatalogObject): string {
  const attributes = (o: CatalogObject) =>
    new Map(
      Object.entries(o.parts)
        .filter(([k]) => k.startsWith('attribute '))
        .map(([k, v]) => [quoteName(k.slice('attribute '.length)), v]),
    );
  const want = attributes(expected);
  const have = attributes(actual);
  const lines: string[] = [];
  for (const [attribute] of have)
    if (!want.has(attribute)) lines.push(`ALTER TYPE ${name} DROP ATTRIBUTE ${attribute};`);
  for (const [attribute, type] of want) {
    if (!have.has(attribute)) lines.push(`ALTER TYPE ${name} ADD ATTRIBUTE ${attribute} ${type};`);
    else if (have.get(attribute) !== type)
      lines.push(`ALTER TYPE ${name} ALTER ATTRIBUTE ${attribute} SET DATA TYPE ${type};`);
  }
  const order = [...want.keys()].filter((a) => have.has(a));
  if (order.join() !== [...have.keys()].filter((a) => want.has(a)).join())
    lines.push(`-- the attribute order differs: recreate the type as CREATE TYPE ${name} ${expected.definition};`);
  return lines.join('\n');
}

// A range's operator class, canonical and subtype_diff functions are shown only when given (not the defaults).
export async function readRangeTypes(q: CatalogQuery): Promise<RangeTypeInfo[]> {
  const rows = await q(`SELECT n.nspname AS schema, t.typname AS name,
                pg_catalog.format_type(r.rngsubtype, NULL) AS subtype,
                CASE WHEN NOT oc.opcdefault THEN ocn.nspname || '.' || oc.opcname END AS subtype_opclass,
                CASE WHEN r.rngcollation <> 0 AND r.rngcollation <> st.typcollation THEN co.collname END AS collation,
                NULLIF(r.rngcanonical::text, '-') AS canonical, NULLIF(r.rngsubdiff::text, '-') AS subtype_diff,
                pg_catalog.format_type(r.rngmultitypid, NULL) AS multirange_type_name
           FROM pg_catalog.pg_range r
           JOIN pg_catalog.pg_type t ON t.oid = r.rngtypid
           JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
           JOIN pg_catalog.pg_type st ON st.oid = r.rngsubtype
           JOIN pg_catalog.pg_opclass oc ON oc.oid = r.rngsubopc
           JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace
           LEFT JOIN pg_catalog.pg_collation co ON co.oid = r.rngcollation
          WHERE ${IN_SCHEMAS('n.nspname')} AND ${NOT_FROM_EXTENSION('pg_catalog.pg_type', 't.oid')}
          ORDER BY 1, 2`);
  return rows.map((r) => {
    const options: Record<string, string> = {};
    for (const key of ['subtype_opclass', 'collation', 'canonical', 'subtype_diff', 'multirange_type_name'])
      if (r[key]) options[key] = String(r[key]);
    return { schema: String(r.schema), name: String(r.name), subtype: String(r.subtype), options };
  });
}

export function rangeTypeObject(t: RangeTypeInfo): CatalogObject {
  const name = qualified(t.schema, t.name);
  const parts: Record<string, string> = { subtype: t.subtype, ...t.options };
  const definition = `AS RANGE (${Object.entries(parts)
    .map(([k, v]) => `${k} = ${k === 'collation' ? `"${v}"` : v}`)
    .join(', ')})`;
  return {
    objectType: 'range-type',
    object: `${t.schema}.${t.name}`,
    parent: `schema:${t.schema}`,
    definition,
    parts,
    sql: { name },
    fix: { create: `CREATE TYPE ${name} ${definition};`, drop: `DROP TYPE ${name};` },
  };
}
