import type { CatalogObject } from '../flatten';
import type { CommentInfo } from '../model';
import { IN_SCHEMAS, type CatalogQuery, type Row } from './query';

// The table a commented object belongs to: itself (tables, views), or its relation (columns, indexes, constraints,
// triggers, policies). Extensions' comments come with the extension, and its objects' with it too.
const RELATION_OF = `CASE d.classoid
    WHEN 'pg_catalog.pg_class'::pg_catalog.regclass THEN
      COALESCE((SELECT i.indrelid FROM pg_catalog.pg_index i WHERE i.indexrelid = d.objoid), d.objoid)
    WHEN 'pg_catalog.pg_constraint'::pg_catalog.regclass THEN
      (SELECT NULLIF(c.conrelid, 0) FROM pg_catalog.pg_constraint c WHERE c.oid = d.objoid)
    WHEN 'pg_catalog.pg_trigger'::pg_catalog.regclass THEN (SELECT t.tgrelid FROM pg_catalog.pg_trigger t WHERE t.oid = d.objoid)
    WHEN 'pg_catalog.pg_policy'::pg_catalog.regclass THEN (SELECT p.polrelid FROM pg_catalog.pg_policy p WHERE p.oid = d.objoid)
  END`;

// objectKey (see flatten.ts) of the object a comment is on, for those compared as objects of their own.
const OBJECT_OF = `CASE d.classoid
    WHEN 'pg_catalog.pg_proc'::pg_catalog.regclass THEN
      (SELECT CASE WHEN p.prokind = 'p' THEN 'procedure:' ELSE 'function:' END || n.nspname || '.' || p.proname || '('
              || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')'
         FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE p.oid = d.objoid)
    WHEN 'pg_catalog.pg_type'::pg_catalog.regclass THEN
      (SELECT CASE t.typtype WHEN 'd' THEN 'domain:' WHEN 'e' THEN 'enum:' WHEN 'r' THEN 'range-type:'
                ELSE 'composite-type:' END || n.nspname || '.' || t.typname
         FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE t.oid = d.objoid)
    WHEN 'pg_catalog.pg_collation'::pg_catalog.regclass THEN
      (SELECT 'collation:' || n.nspname || '.' || c.collname
         FROM pg_catalog.pg_collation c JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace WHERE c.oid = d.objoid)
    WHEN 'pg_catalog.pg_namespace'::pg_catalog.regclass THEN
      (SELECT 'schema:' || n.nspname FROM pg_catalog.pg_namespace n WHERE n.oid = d.objoid)
  END`;

export async function readComments(q: CatalogQuery, excludedTables: Set<string>): Promise<CommentInfo[]> {
  const rows = await q(`SELECT o.type, o.identity, d.description AS text, ${OBJECT_OF} AS object,
                r.relkind::text AS relkind, r.schema || '.' || r.name AS table,
                CASE WHEN d.objsubid > 0 THEN (SELECT a.attname FROM pg_catalog.pg_attribute a
                   WHERE a.attrelid = d.objoid AND a.attnum = d.objsubid) END AS column
           FROM (SELECT * FROM pg_catalog.pg_description
                  -- initdb's objects (below FirstNormalObjectId) are never compared, but thousands of its functions
                  -- have comments: skipped before pg_identify_object runs for each. Schema public is initdb's too.
                  WHERE objoid >= 16384 OR classoid = 'pg_catalog.pg_namespace'::pg_catalog.regclass) d,
                LATERAL pg_catalog.pg_identify_object(d.classoid, d.objoid, d.objsubid) o
           LEFT JOIN LATERAL (SELECT n.nspname AS schema, c.relname AS name, c.relkind FROM pg_catalog.pg_class c
                   JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = ${RELATION_OF}) r ON true
          WHERE o.type <> 'extension' AND (${IN_SCHEMAS('o.schema')} OR (o.type = 'schema' AND ${IN_SCHEMAS('o.identity')}))
            AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = d.classoid AND e.objid = d.objoid
                              AND e.deptype IN ('e', 'i'))
          ORDER BY 1, 2`);
  return rows
    .filter((r) => !r.table || !excludedTables.has(String(r.table)))
    .map((r) => ({
      on: String(r.type),
      target: String(r.identity),
      ...(r.table ? { table: String(r.table) } : {}),
      parent: parentKey(r),
      text: String(r.text),
    }));
}

const RELATION_TYPES: Record<string, string> = { v: 'view', m: 'materialized-view', S: 'sequence', i: 'index' };

function parentKey(r: Row): string | undefined {
  if (r.object) return String(r.object);
  if (!r.table) return undefined;
  const type = RELATION_TYPES[String(r.relkind)] ?? 'table';
  if (r.column && type === 'table') return `column:${String(r.table)}.${String(r.column)}`;
  return `${type}:${String(r.table)}`;
}

export function commentObject(c: CommentInfo): CatalogObject {
  const on = `${sqlType(c.on)} ${c.target.replace(/ on (?=[^ ]+$)/, c.on === 'domain constraint' ? ' ON DOMAIN ' : ' ON ')}`;
  // A function is named as drift-check names it (with its argument names, as its grants are), not as PostgreSQL's
  // object identity does (argument types only).
  const routine = /^(function|procedure):/.exec(c.parent ?? '');
  const subject = routine && c.parent ? c.parent.slice(routine[0].length) : c.target;
  return {
    objectType: 'comment',
    object: `${c.on} ${subject}`,
    subject,
    ...(c.table ? { table: c.table } : {}),
    ...(c.parent ? { parent: c.parent } : {}),
    definition: c.text,
    parts: { text: c.text },
    sql: { name: on },
    fix: {
      create: `COMMENT ON ${on} IS ${literal(c.text)};`,
      drop: `COMMENT ON ${on} IS NULL;`,
      change: `COMMENT ON ${on} IS ${literal(c.text)};`,
    },
  };
}

function sqlType(type: string): string {
  if (type.endsWith(' column')) return 'COLUMN';
  if (type.endsWith(' constraint')) return 'CONSTRAINT';
  if (type === 'composite type' || type === 'enum') return 'TYPE';
  return type.toUpperCase();
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
