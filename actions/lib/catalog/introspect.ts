import type { SqlClient } from '../db/client';
import type {
  Catalog,
  ColumnInfo,
  ConstraintInfo,
  ConstraintKind,
  IndexInfo,
  IntrospectOptions,
  PolicyInfo,
  TableInfo,
  ViewInfo,
} from './model';
import { collapseWhitespace, normaliseView } from './normalise';
import { readObjectKinds, readRelationOptions } from './kinds';
import { catalogQuery, IN_SCHEMAS, NOT_FROM_EXTENSION, type CatalogQuery, type Row } from './kinds/query';

/**
 * Reads a database's structure. The same queries run on a real server and on PGlite; every text PostgreSQL renders
 * is produced with search_path = pg_catalog, so user objects are always schema-qualified whatever the session's
 * search_path, and then normalised so that catalogs from PostgreSQL 14 to 18 compare equal when the schemas are.
 */
export async function introspect(client: SqlClient, options: IntrospectOptions = {}): Promise<Catalog> {
  const [settings] = await client.query<{ search_path: string; version: string }>(
    `SELECT pg_catalog.current_setting('search_path') AS search_path,
            pg_catalog.current_setting('server_version_num') AS version`,
  );
  await client.query(`SELECT pg_catalog.set_config('search_path', 'pg_catalog', false)`);
  try {
    return await read(client, options, Number(settings?.version));
  } finally {
    await client.query(`SELECT pg_catalog.set_config('search_path', $1, false)`, [settings?.search_path ?? '']);
  }
}

async function read(client: SqlClient, options: IntrospectOptions, serverVersion: number): Promise<Catalog> {
  const schemas = await readSchemas(client, options);
  const excluded = new Set(options.excludeTables ?? []);
  const q = catalogQuery(client, schemas);
  const tables = await readTables(q, excluded);
  const views = await readViews(q);
  await readIndexes(q, tables, views);
  await readRelationOptions(q, tables, views);
  return {
    serverVersion,
    schemas,
    extensions: await readExtensions(q, new Set(options.pinnedExtensions ?? [])),
    tables: [...tables.values()],
    enums: await readEnums(q),
    sequences: await readSequences(q, excluded),
    views,
    ...(await readObjectKinds(q, options, excluded)),
  };
}

/** Tables with their columns, constraints, policies and triggers, by `schema.name`. */
async function readTables(q: CatalogQuery, excluded: Set<string>): Promise<Map<string, TableInfo>> {
  const tableRows = await q(`SELECT n.nspname AS schema, c.relname AS name, c.relkind AS kind, c.relrowsecurity AS rls,
                c.relforcerowsecurity AS force_rls,
                CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key,
                CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
                (SELECT pn.nspname || '.' || p.relname FROM pg_catalog.pg_inherits i
                   JOIN pg_catalog.pg_class p ON p.oid = i.inhparent JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
                  WHERE i.inhrelid = c.oid AND c.relispartition) AS partition_of
           FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind IN ('r', 'p') AND ${IN_SCHEMAS('n.nspname')} AND ${NOT_FROM_EXTENSION('pg_catalog.pg_class', 'c.oid')}
          ORDER BY 1, 2`);
  const columnRows = await q(`SELECT n.nspname AS schema, c.relname AS table, a.attname AS name,
                pg_catalog.format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
                pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS default_expr, a.attidentity AS identity,
                a.attgenerated AS generated,
                CASE WHEN a.attcollation <> t.typcollation THEN co.collname END AS collation
           FROM pg_catalog.pg_attribute a
           JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
           JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
           LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
           LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
          WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND ${IN_SCHEMAS('n.nspname')}
          ORDER BY 1, 2, a.attnum`);
  // contype 'n' (PostgreSQL 18 records NOT NULL as constraints) is left out: nullability is the column's
  // attnotnull on every version, so it is compared there.;
  const constraintRows =
    await q(`SELECT n.nspname AS schema, c.relname AS table, con.conname AS name, con.contype AS kind,
                pg_catalog.pg_get_constraintdef(con.oid, true) AS definition
           FROM pg_catalog.pg_constraint con
           JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE con.contype IN ('p', 'u', 'c', 'f', 'x') AND c.relkind IN ('r', 'p') AND ${IN_SCHEMAS('n.nspname')}
          ORDER BY 1, 2, 3`);
  const policyRows =
    await q(`SELECT n.nspname AS schema, c.relname AS table, p.polname AS name, p.polpermissive AS permissive,
                p.polcmd AS command,
                COALESCE((SELECT pg_catalog.json_agg(r.name ORDER BY r.name) FROM (
                   SELECT CASE WHEN role = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(role)::text END AS name
                     FROM pg_catalog.unnest(p.polroles) AS role) r), '[]')::text AS roles,
                pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS using_expr,
                pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS check_expr
           FROM pg_catalog.pg_policy p
           JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE ${IN_SCHEMAS('n.nspname')}
          ORDER BY 1, 2, 3`);
  // Internal triggers implement foreign keys; triggers cloned onto partitions come from their parent's.;
  const triggerRows = await q(`SELECT n.nspname AS schema, c.relname AS table, t.tgname AS name,
                pg_catalog.pg_get_triggerdef(t.oid, false) AS definition, t.tgenabled <> 'D' AS enabled
           FROM pg_catalog.pg_trigger t
           JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND ${IN_SCHEMAS('n.nspname')}
          ORDER BY 1, 2, 3`);

  const tables = new Map<string, TableInfo>();
  for (const r of tableRows) {
    const key = `${r.schema}.${r.name}`;
    if (excluded.has(key)) continue;
    tables.set(key, {
      schema: String(r.schema),
      name: String(r.name),
      kind: r.kind === 'p' ? 'partitioned' : 'table',
      ...(r.partition_key ? { partitionKey: collapseWhitespace(String(r.partition_key)) } : {}),
      ...(r.partition_of ? { partitionOf: String(r.partition_of) } : {}),
      ...(r.partition_bound ? { partitionBound: collapseWhitespace(String(r.partition_bound)) } : {}),
      rowLevelSecurity: Boolean(r.rls),
      forceRowLevelSecurity: Boolean(r.force_rls),
      columns: [],
      constraints: [],
      indexes: [],
      policies: [],
      triggers: [],
    });
  }
  const owner = (r: Row) => tables.get(`${r.schema}.${r.table}`);
  for (const r of columnRows) owner(r)?.columns.push(column(r));
  for (const r of constraintRows) owner(r)?.constraints.push(constraint(r));
  for (const r of policyRows) owner(r)?.policies.push(policy(r));
  for (const r of triggerRows) {
    owner(r)?.triggers.push({
      name: String(r.name),
      definition: collapseWhitespace(String(r.definition)),
      enabled: Boolean(r.enabled),
    });
  }

  return tables;
}

async function readViews(q: CatalogQuery): Promise<ViewInfo[]> {
  return (
    await q(`SELECT n.nspname AS schema, c.relname AS name, c.relkind = 'm' AS materialized,
                    pg_catalog.pg_get_viewdef(c.oid, true) AS definition
               FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              WHERE c.relkind IN ('v', 'm') AND ${IN_SCHEMAS('n.nspname')}
                AND ${NOT_FROM_EXTENSION('pg_catalog.pg_class', 'c.oid')}
              ORDER BY 1, 2`)
  ).map((r) => ({
    schema: String(r.schema),
    name: String(r.name),
    materialized: Boolean(r.materialized),
    definition: normaliseView(String(r.definition)),
    ...(r.materialized ? { indexes: [] as IndexInfo[] } : {}),
    options: [],
    triggers: [],
  }));
}

/** Indexes, onto their table or materialized view. */
async function readIndexes(q: CatalogQuery, tables: Map<string, TableInfo>, views: ViewInfo[]): Promise<void> {
  // Indexes that implement a primary key, unique or exclusion constraint are that constraint: compared there.;
  const indexRows = await q(`SELECT n.nspname AS schema, t.relname AS table, ic.relname AS name,
                pg_catalog.pg_get_indexdef(i.indexrelid) AS definition
           FROM pg_catalog.pg_index i
           JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
           JOIN pg_catalog.pg_class t ON t.oid = i.indrelid
           JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
          WHERE t.relkind IN ('r', 'p', 'm') AND ${IN_SCHEMAS('n.nspname')}
            AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = i.indexrelid
                              AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))
          ORDER BY 1, 3`);
  const owner = (r: Row) => tables.get(`${r.schema}.${r.table}`);
  const viewsByName = new Map(views.map((v) => [`${v.schema}.${v.name}`, v]));
  for (const r of indexRows) {
    const index = {
      schema: String(r.schema),
      name: String(r.name),
      definition: collapseWhitespace(String(r.definition)),
    };
    const table = owner(r);
    if (table) table.indexes.push(index);
    else viewsByName.get(`${r.schema}.${r.table}`)?.indexes?.push(index);
  }
}

async function readEnums(q: CatalogQuery): Promise<Catalog['enums']> {
  return (
    await q(`SELECT n.nspname AS schema, t.typname AS name,
                    COALESCE((SELECT pg_catalog.json_agg(e.enumlabel ORDER BY e.enumsortorder)
                                FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid), '[]')::text AS labels
               FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
              WHERE t.typtype = 'e' AND ${IN_SCHEMAS('n.nspname')} AND ${NOT_FROM_EXTENSION('pg_catalog.pg_type', 't.oid')}
              ORDER BY 1, 2`)
  ).map((r) => ({ schema: String(r.schema), name: String(r.name), values: JSON.parse(String(r.labels)) as string[] }));
}

async function readSequences(q: CatalogQuery, excluded: Set<string>): Promise<Catalog['sequences']> {
  // Identity sequences (deptype 'i') are part of their column's identity; serial sequences (deptype 'a') are
  // objects of their own, owned by the column.
  return (
    await q(`SELECT n.nspname AS schema, c.relname AS name, pg_catalog.format_type(s.seqtypid, NULL) AS data_type,
                    s.seqstart::text AS start, s.seqincrement::text AS increment, s.seqmin::text AS min,
                    s.seqmax::text AS max, s.seqcache::text AS cache, s.seqcycle AS cycle,
                    (SELECT tn.nspname || '.' || tc.relname || '.' || ta.attname
                       FROM pg_catalog.pg_depend d
                       JOIN pg_catalog.pg_class tc ON tc.oid = d.refobjid
                       JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
                       JOIN pg_catalog.pg_attribute ta ON ta.attrelid = d.refobjid AND ta.attnum = d.refobjsubid
                      WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid
                        AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype = 'a'
                      LIMIT 1) AS owned_by
               FROM pg_catalog.pg_sequence s
               JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
               JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              WHERE ${IN_SCHEMAS('n.nspname')} AND ${NOT_FROM_EXTENSION('pg_catalog.pg_class', 'c.oid')}
                AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                                  AND d.objid = c.oid AND d.deptype = 'i')
              ORDER BY 1, 2`)
  )
    .filter((r) => !r.owned_by || !excluded.has(String(r.owned_by).split('.').slice(0, 2).join('.')))
    .map((r) => ({
      schema: String(r.schema),
      name: String(r.name),
      dataType: String(r.data_type),
      start: String(r.start),
      increment: String(r.increment),
      min: String(r.min),
      max: String(r.max),
      cache: String(r.cache),
      cycle: Boolean(r.cycle),
      ...(r.owned_by ? { ownedBy: String(r.owned_by) } : {}),
    }));
}

async function readExtensions(q: CatalogQuery, pinned: Set<string>): Promise<Catalog['extensions']> {
  // plpgsql is installed in every database by PostgreSQL itself.
  return (
    await q(`SELECT e.extname AS name, n.nspname AS schema, e.extversion AS version
               FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
              WHERE e.extname <> 'plpgsql' AND ${IN_SCHEMAS('n.nspname')}
              ORDER BY 1`)
  ).map((r) => ({
    name: String(r.name),
    schema: String(r.schema),
    version: String(r.version),
    ...(pinned.has(String(r.name)) ? { versionPinned: true } : {}),
  }));
}

async function readSchemas(client: SqlClient, options: IntrospectOptions): Promise<string[]> {
  const rows = await client.query<{ name: string }>(
    `SELECT n.nspname AS name FROM pg_catalog.pg_namespace n
      WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
        AND ${NOT_FROM_EXTENSION('pg_catalog.pg_namespace', 'n.oid')}
      ORDER BY 1`,
  );
  const wanted = options.schemas?.length ? new Set(options.schemas) : undefined;
  const skipped = new Set(options.excludeSchemas ?? []);
  return rows.map((r) => r.name).filter((name) => (!wanted || wanted.has(name)) && !skipped.has(name));
}

function column(r: Row): ColumnInfo {
  const info: ColumnInfo = {
    name: String(r.name),
    type: collapseWhitespace(String(r.type)),
    notNull: Boolean(r.not_null),
  };
  const generated = r.generated === 's' || r.generated === 'v';
  if (r.default_expr && !generated) info.default = collapseWhitespace(String(r.default_expr));
  if (r.identity === 'a') info.identity = 'ALWAYS';
  if (r.identity === 'd') info.identity = 'BY DEFAULT';
  if (generated) {
    info.generated = collapseWhitespace(String(r.default_expr ?? ''));
    info.generatedKind = r.generated === 'v' ? 'VIRTUAL' : 'STORED';
  }
  if (r.collation) info.collation = String(r.collation);
  return info;
}

const CONSTRAINT_KINDS: Record<string, ConstraintKind> = {
  p: 'primary-key',
  u: 'unique',
  c: 'check',
  f: 'foreign-key',
  x: 'exclusion',
};

function constraint(r: Row): ConstraintInfo {
  return {
    name: String(r.name),
    kind: CONSTRAINT_KINDS[String(r.kind)] ?? 'check',
    definition: collapseWhitespace(String(r.definition)),
  };
}

const POLICY_COMMANDS: Record<string, PolicyInfo['command']> = {
  r: 'SELECT',
  a: 'INSERT',
  w: 'UPDATE',
  d: 'DELETE',
  '*': 'ALL',
};

function policy(r: Row): PolicyInfo {
  return {
    name: String(r.name),
    permissive: Boolean(r.permissive),
    command: POLICY_COMMANDS[String(r.command)] ?? 'ALL',
    roles: JSON.parse(String(r.roles)) as string[],
    ...(r.using_expr ? { using: collapseWhitespace(String(r.using_expr)) } : {}),
    ...(r.check_expr ? { withCheck: collapseWhitespace(String(r.check_expr)) } : {}),
  };
}
