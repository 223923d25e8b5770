import type { SqlClient } from '../../db/client';

export type Row = Record<string, unknown>;
/** Runs one catalog query with $1 = the JSON array of schemas being read. */
export type CatalogQuery = (sql: string) => Promise<Row[]>;

export function catalogQuery(client: SqlClient, schemas: string[]): CatalogQuery {
  const param = [JSON.stringify(schemas)];
  return (sql) => client.query<Row>(sql, param);
}

// Objects created by an extension belong to the extension, not to the migrations (e.g. postgis's spatial_ref_sys).
export const NOT_FROM_EXTENSION = (classTable: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = '${classTable}'::pg_catalog.regclass
     AND d.objid = ${oid} AND d.deptype = 'e')`;

// Objects PostgreSQL creates as part of another (a range type's constructors, an identity sequence) are that object.
export const NOT_INTERNAL = (classTable: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = '${classTable}'::pg_catalog.regclass
     AND d.objid = ${oid} AND d.deptype IN ('e', 'i'))`;

export const IN_SCHEMAS = (column: string) => `${column} IN (SELECT pg_catalog.jsonb_array_elements_text($1::jsonb))`;

/** A role name as PostgreSQL stores grantees: 0 is PUBLIC. */
export const ROLE_NAME = (oid: string) =>
  `CASE WHEN ${oid} = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(${oid})::text END`;
