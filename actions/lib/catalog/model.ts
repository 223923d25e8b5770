/**
 * The structure of a PostgreSQL database as drift-check and schema-check compare it. Every text field holds
 * catalog text already normalised (see normalise.ts), so two catalogs read from different PostgreSQL versions compare
 * equal when their schemas are equal.
 */
export interface Catalog {
  /** server_version_num of the database it was read from (e.g. 150020, 180000). */
  serverVersion: number;
  schemas: string[];
  extensions: ExtensionInfo[];
  tables: TableInfo[];
  enums: EnumInfo[];
  sequences: SequenceInfo[];
  views: ViewInfo[];
}

export interface ExtensionInfo {
  name: string;
  schema: string;
  /** Informational only: the installed version depends on the server build, not on the migrations. */
  version: string;
}

export interface TableInfo {
  schema: string;
  name: string;
  /** 'partitioned' for a table with PARTITION BY. */
  kind: 'table' | 'partitioned';
  /** `PARTITION BY ...` key of a partitioned table, `FOR VALUES ...` bound of a partition. */
  partitionKey?: string;
  partitionOf?: string;
  partitionBound?: string;
  rowLevelSecurity: boolean;
  forceRowLevelSecurity: boolean;
  columns: ColumnInfo[];
  constraints: ConstraintInfo[];
  indexes: IndexInfo[];
  policies: PolicyInfo[];
  triggers: TriggerInfo[];
}

export interface ColumnInfo {
  name: string;
  /** format_type() text, e.g. `character varying(255)`, `public.status`, `timestamp with time zone`. */
  type: string;
  notNull: boolean;
  /** Default expression (pg_get_expr), absent when none; never set for identity or generated columns. */
  default?: string;
  identity?: 'ALWAYS' | 'BY DEFAULT';
  /** Generation expression of a GENERATED ALWAYS AS (...) column. */
  generated?: string;
  generatedKind?: 'STORED' | 'VIRTUAL';
  /** Collation, only when it differs from the type's default. */
  collation?: string;
}

export type ConstraintKind = 'primary-key' | 'unique' | 'check' | 'foreign-key' | 'exclusion';

export interface ConstraintInfo {
  name: string;
  kind: ConstraintKind;
  /** pg_get_constraintdef text, e.g. `FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE`. */
  definition: string;
}

export interface IndexInfo {
  schema: string;
  name: string;
  /** Full CREATE INDEX statement (pg_get_indexdef), including method, expressions, INCLUDE and WHERE. */
  definition: string;
}

export interface PolicyInfo {
  name: string;
  permissive: boolean;
  command: 'ALL' | 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';
  roles: string[];
  using?: string;
  withCheck?: string;
}

export interface TriggerInfo {
  name: string;
  /** Full CREATE TRIGGER statement (pg_get_triggerdef). */
  definition: string;
  enabled: boolean;
}

export interface EnumInfo {
  schema: string;
  name: string;
  /** Labels in sort order. */
  values: string[];
}

export interface SequenceInfo {
  schema: string;
  name: string;
  dataType: string;
  start: string;
  increment: string;
  min: string;
  max: string;
  cache: string;
  cycle: boolean;
  /** `schema.table.column` for a sequence OWNED BY a column (serial). Identity sequences are part of the column. */
  ownedBy?: string;
}

export interface ViewInfo {
  schema: string;
  name: string;
  materialized: boolean;
  /** pg_get_viewdef text, normalised. */
  definition: string;
  /** Indexes of a materialized view. */
  indexes?: IndexInfo[];
}

export interface IntrospectOptions {
  /** Schemas to read; default: every schema that is not PostgreSQL's own. */
  schemas?: string[];
  excludeSchemas?: string[];
  /** Qualified tables to leave out with everything on them, e.g. the ledger `drizzle.__drizzle_migrations`. */
  excludeTables?: string[];
}

export type ObjectType =
  | 'schema'
  | 'table'
  | 'column'
  | 'constraint'
  | 'index'
  | 'enum'
  | 'sequence'
  | 'view'
  | 'materialized-view'
  | 'extension'
  | 'policy'
  | 'trigger'
  | 'rls';

export interface Difference {
  /** `added` = present in `to` only; `removed` = present in `from` only. */
  change: 'added' | 'removed' | 'changed';
  objectType: ObjectType;
  /** Qualified name, e.g. `public.users.email` (column), `public.users_email_idx` (index), `public` (schema). */
  object: string;
  /** Qualified owning table (`public.users`) for columns, constraints, indexes, policies, triggers and rls. */
  table?: string;
  /** Normalised definition in `from` (absent when added). */
  from?: string;
  /** Normalised definition in `to` (absent when removed). */
  to?: string;
  /** For `changed`: which parts differ, e.g. ['type', 'not null'] for a column, ['values'] for an enum. */
  aspects?: string[];
}
