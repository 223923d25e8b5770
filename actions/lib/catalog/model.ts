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
  functions: FunctionInfo[];
  domains: DomainInfo[];
  compositeTypes: CompositeTypeInfo[];
  rangeTypes: RangeTypeInfo[];
  collations: CollationInfo[];
  /** Privileges of the roles in IntrospectOptions.roles (none when it is empty). */
  grants: GrantInfo[];
  comments: CommentInfo[];
  /** Owners, only with IntrospectOptions.owners. */
  owners: OwnerInfo[];
}

export interface ExtensionInfo {
  name: string;
  schema: string;
  /** Compared only when versionPinned: otherwise the installed version depends on the server build. */
  version: string;
  /** A migration names the version (CREATE EXTENSION ... VERSION, ALTER EXTENSION ... UPDATE TO). */
  versionPinned?: boolean;
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
  /** Parents of a table that INHERITS (not partitions), qualified, in order. */
  inherits?: string[];
  /** REPLICA IDENTITY when not DEFAULT: `FULL`, `NOTHING` or `USING INDEX name`. */
  replicaIdentity?: string;
  unlogged?: boolean;
}

export interface ColumnInfo {
  name: string;
  /** format_type() text, e.g. `character varying(255)`, `public.status`, `timestamp with time zone`. */
  type: string;
  notNull: boolean;
  /** Default expression (pg_get_expr), absent when none; never set for identity or generated columns. */
  default?: string;
  identity?: 'ALWAYS' | 'BY DEFAULT';
  /** The identity sequence's options that differ from their defaults, e.g. `START WITH 5 INCREMENT BY 2`. */
  identityOptions?: string;
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
  /** reloptions, sorted: `check_option=cascaded`, `security_barrier=true`, `security_invoker=true`. */
  options: string[];
  /** INSTEAD OF (and other) triggers on a view. */
  triggers: TriggerInfo[];
}

export interface FunctionInfo {
  schema: string;
  name: string;
  kind: 'function' | 'procedure';
  /** pg_get_function_identity_arguments: what tells overloads apart. */
  arguments: string;
  /** Full argument list with defaults (pg_get_function_arguments). */
  signature: string;
  returns?: string;
  language: string;
  volatility: 'IMMUTABLE' | 'STABLE' | 'VOLATILE';
  strict: boolean;
  securityDefiner: boolean;
  leakproof: boolean;
  parallel: 'SAFE' | 'RESTRICTED' | 'UNSAFE';
  cost: string;
  rows: string;
  /** `SET` clauses (proconfig), e.g. `search_path=public`. */
  settings: string[];
  /** Source text, or the SQL-standard body (BEGIN ATOMIC / RETURN) as PostgreSQL prints it. */
  body: string;
  /** The body is SQL-standard (BEGIN ATOMIC / RETURN), parsed and printed by PostgreSQL, not a string. */
  atomic?: boolean;
}

export interface DomainInfo {
  schema: string;
  name: string;
  type: string;
  notNull: boolean;
  default?: string;
  collation?: string;
  /** CHECK constraints by name, pg_get_constraintdef text. */
  checks: { name: string; definition: string }[];
}

export interface CompositeTypeInfo {
  schema: string;
  name: string;
  attributes: { name: string; type: string; collation?: string }[];
}

export interface RangeTypeInfo {
  schema: string;
  name: string;
  subtype: string;
  /** Operator class, collation, canonical and subtype_diff functions when not the defaults. */
  options: Record<string, string>;
}

export interface CollationInfo {
  schema: string;
  name: string;
  provider: 'libc' | 'icu' | 'builtin' | 'default';
  /** LC_COLLATE / LC_CTYPE (libc) or the locale (icu, builtin). */
  collate: string;
  ctype: string;
  locale: string;
  deterministic: boolean;
  rules?: string;
}

export type GrantTarget = 'table' | 'column' | 'sequence' | 'schema' | 'function' | 'procedure';

export interface GrantInfo {
  on: GrantTarget;
  /** Qualified name of the object (`public.users`, `public.users.email`, `billing`, `public.f(integer)`). */
  target: string;
  /** The object's name as SQL after ON (`TABLE public.users`, `FUNCTION public.f(integer)`). */
  targetSql: string;
  /** For a column grant, the column as SQL (`email`), which goes in parentheses after the privilege. */
  columnSql?: string;
  /** The table a table or column grant is on. */
  table?: string;
  grantee: string;
  /** objectKey of the object the privileges are on (its removal covers theirs). */
  parent: string;
  /** Privilege names, sorted, each with ` WITH GRANT OPTION` when grantable. */
  privileges: string[];
}

export interface CommentInfo {
  /** pg_identify_object's type: `table`, `table column`, `function`, `table constraint`, ... */
  on: string;
  /** pg_identify_object's identity (quoted where needed), e.g. `public.users.email`, `pk on public.users`. */
  target: string;
  /** The table the commented object belongs to (a column's, an index's, a trigger's...). */
  table?: string;
  /** objectKey of the commented object, when it is compared as one (its removal covers the comment's). */
  parent?: string;
  text: string;
}

export interface OwnerInfo {
  /** `table`, `view`, `sequence`, `function`, `type`, `schema`, ... */
  on: string;
  target: string;
  /** The object as SQL after ALTER (`TABLE public.users`). */
  targetSql: string;
  owner: string;
}

export interface IntrospectOptions {
  /** Schemas to read; default: every schema that is not PostgreSQL's own. */
  schemas?: string[];
  excludeSchemas?: string[];
  /** Qualified tables to leave out with everything on them, e.g. the ledger `drizzle.__drizzle_migrations`. */
  excludeTables?: string[];
  /** Grantees whose privileges are compared (`public` for PUBLIC): the roles the migrations mention. */
  roles?: string[];
  /** Read object owners too (drift-check's opt-in `owner` input). */
  owners?: boolean;
  /** Extensions whose version a migration names: only their versions are compared. */
  pinnedExtensions?: string[];
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
  | 'rls'
  | 'function'
  | 'procedure'
  | 'view-options'
  | 'domain'
  | 'composite-type'
  | 'range-type'
  | 'collation'
  | 'grant'
  | 'comment'
  | 'owner';

export interface Difference {
  /** `added` = present in `to` only; `removed` = present in `from` only. */
  change: 'added' | 'removed' | 'changed';
  objectType: ObjectType;
  /** Qualified name, e.g. `public.users.email` (column), `public.users_email_idx` (index), `public` (schema). */
  object: string;
  /** Qualified owning table (`public.users`) for columns, constraints, indexes, policies, triggers and rls. */
  table?: string;
  /** For grants, comments and owners: the object they are about (`public.f(x integer)`, `billing`). */
  subject?: string;
  /** Normalised definition in `from` (absent when added). */
  from?: string;
  /** Normalised definition in `to` (absent when removed). */
  to?: string;
  /** For `changed`: which parts differ, e.g. ['type', 'not null'] for a column, ['values'] for an enum. */
  aspects?: string[];
}
