import { collationObject } from './kinds/collations';
import { commentObject } from './kinds/comments';
import { functionObject } from './kinds/functions';
import { grantObject } from './kinds/grants';
import { ownerObject } from './kinds/owners';
import { compositeTypeObject, domainObject, rangeTypeObject } from './kinds/types';
import { viewOptionsObject } from './kinds/views';
import type { Catalog, ColumnInfo, ObjectType, PolicyInfo, SequenceInfo, TableInfo, TriggerInfo } from './model';
import { qualified, qualifiedText, quoteName } from './names';

export { qualified, qualifiedText, quoteName };

/**
 * One comparable object: its identity (type + qualified name), the table it belongs to, the parent whose absence
 * explains its absence, its definition as one line of text, and the named parts of that definition (so a change can
 * say which part changed).
 */
export interface CatalogObject {
  objectType: ObjectType;
  object: string;
  table?: string;
  /** Name of the object a grant, comment or owner is about, which `ignore` patterns also match. */
  subject?: string;
  /** objectKey of the object whose own addition/removal already covers this one (its schema, table, column...). */
  parent?: string;
  definition: string;
  /** What is compared, when not `definition` (a table's definition lists its columns, which are compared apart). */
  compare?: string;
  parts: Record<string, string>;
  /** The object's and its table's names as SQL (quoted where needed, schema-qualified where PostgreSQL allows). */
  sql: { name: string; table?: string };
  /** An enum's labels in order (to suggest ALTER TYPE ... ADD VALUE). */
  enumValues?: string[];
  /** Suggested SQL of kinds without a fix of their own in drift-check: create it, drop it, change it into this. */
  fix?: { create?: string; drop?: string; change?: string };
}

export function objectKey(o: { objectType: ObjectType; object: string }): string {
  return `${o.objectType}:${o.object}`;
}

/** Every object of a catalog, keyed by objectKey. */
export function flattenCatalog(catalog: Catalog): Map<string, CatalogObject> {
  const out = new Map<string, CatalogObject>();
  const add = (o: CatalogObject) => out.set(objectKey(o), o);
  for (const schema of catalog.schemas)
    add({ objectType: 'schema', object: schema, definition: 'schema', parts: {}, sql: { name: quoteName(schema) } });
  for (const e of catalog.extensions) {
    add({
      objectType: 'extension',
      object: e.name,
      parent: `schema:${e.schema}`,
      definition: `extension ${e.name}${e.versionPinned ? ` version ${e.version}` : ''} in schema ${e.schema}`,
      parts: { schema: e.schema, ...(e.versionPinned ? { version: e.version } : {}) },
      sql: { name: `"${e.name.replace(/"/g, '""')}"` },
    });
  }
  for (const t of catalog.tables) flattenTable(t, add);
  for (const e of catalog.enums) {
    add({
      objectType: 'enum',
      object: `${e.schema}.${e.name}`,
      parent: `schema:${e.schema}`,
      definition: `ENUM (${e.values.map(literal).join(', ')})`,
      parts: { values: e.values.map(literal).join(', ') },
      sql: { name: qualified(e.schema, e.name) },
      enumValues: e.values,
    });
  }
  for (const s of catalog.sequences) add(sequenceObject(s));
  for (const v of catalog.views) {
    const name = `${v.schema}.${v.name}`;
    add({
      objectType: v.materialized ? 'materialized-view' : 'view',
      object: name,
      parent: `schema:${v.schema}`,
      definition: v.definition,
      parts: { query: v.definition },
      sql: { name: qualified(v.schema, v.name) },
    });
    for (const i of v.indexes ?? []) {
      add({
        objectType: 'index',
        object: `${i.schema}.${i.name}`,
        table: name,
        parent: `materialized-view:${name}`,
        definition: i.definition,
        parts: { definition: i.definition },
        sql: { name: qualified(i.schema, i.name), table: qualified(v.schema, v.name) },
      });
    }
    if (!v.materialized) add(viewOptionsObject(v));
    for (const tr of v.triggers) add(triggerObject(name, `view:${name}`, qualified(v.schema, v.name), tr));
  }
  for (const f of catalog.functions) add(functionObject(f));
  for (const d of catalog.domains) add(domainObject(d));
  for (const t of catalog.compositeTypes) add(compositeTypeObject(t));
  for (const t of catalog.rangeTypes) add(rangeTypeObject(t));
  for (const c of catalog.collations) add(collationObject(c));
  for (const g of catalog.grants) add(grantObject(g));
  for (const c of catalog.comments) add(commentObject(c));
  for (const o of catalog.owners) add(ownerObject(o));
  return out;
}

function flattenTable(t: TableInfo, add: (o: CatalogObject) => void): void {
  const table = `${t.schema}.${t.name}`;
  const tableSql = qualified(t.schema, t.name);
  const child = (name: string) => ({ sql: { name: quoteName(name), table: tableSql } });
  const tableParts = tablePartsOf(t);
  add({
    objectType: 'table',
    object: table,
    parent: `schema:${t.schema}`,
    definition: createTableText(t),
    // The table's own definition is its kind and partitioning; its columns etc. are compared one by one.
    compare: JSON.stringify(tableParts),
    parts: tableParts,
    sql: { name: tableSql, table: tableSql },
  });
  const rls = `${t.rowLevelSecurity ? 'enabled' : 'disabled'}${t.forceRowLevelSecurity ? ', forced' : ''}`;
  if (t.rowLevelSecurity || t.forceRowLevelSecurity) {
    add({
      objectType: 'rls',
      object: table,
      table,
      parent: `table:${table}`,
      definition: `row level security ${rls}`,
      parts: { enabled: String(t.rowLevelSecurity), forced: String(t.forceRowLevelSecurity) },
      sql: { name: tableSql, table: tableSql },
    });
  }
  for (const c of t.columns) {
    add({
      objectType: 'column',
      object: `${table}.${c.name}`,
      table,
      parent: `table:${table}`,
      definition: columnText(c),
      parts: columnParts(c),
      ...child(c.name),
    });
  }
  for (const c of t.constraints) {
    add({
      objectType: 'constraint',
      object: `${table}.${c.name}`,
      table,
      parent: `table:${table}`,
      definition: c.definition,
      parts: { definition: c.definition },
      ...child(c.name),
    });
  }
  for (const i of t.indexes) {
    add({
      objectType: 'index',
      object: `${i.schema}.${i.name}`,
      table,
      parent: `table:${table}`,
      definition: i.definition,
      parts: { definition: i.definition },
      sql: { name: qualified(i.schema, i.name), table: tableSql },
    });
  }
  for (const p of t.policies) {
    add({
      objectType: 'policy',
      object: `${table}.${p.name}`,
      table,
      parent: `table:${table}`,
      definition: policyText(table, p),
      parts: policyParts(p),
      ...child(p.name),
    });
  }
  for (const tr of t.triggers) add(triggerObject(table, `table:${table}`, tableSql, tr));
}

function tablePartsOf(t: TableInfo): Record<string, string> {
  const parts: Record<string, string> = { kind: t.kind };
  if (t.partitionKey) parts['partition key'] = t.partitionKey;
  if (t.partitionOf) parts['partition of'] = `${t.partitionOf} ${t.partitionBound ?? ''}`.trim();
  if (t.inherits?.length) parts.inherits = t.inherits.join(', ');
  if (t.replicaIdentity) parts['replica identity'] = t.replicaIdentity;
  if (t.unlogged) parts.persistence = 'UNLOGGED';
  return parts;
}

function triggerObject(table: string, parent: string, tableSql: string, tr: TriggerInfo): CatalogObject {
  return {
    objectType: 'trigger',
    object: `${table}.${tr.name}`,
    table,
    parent,
    definition: tr.enabled ? tr.definition : `${tr.definition} (disabled)`,
    parts: { definition: tr.definition, enabled: String(tr.enabled) },
    sql: { name: quoteName(tr.name), table: tableSql },
  };
}

export function columnText(c: ColumnInfo): string {
  const words = [c.type];
  if (c.collation) words.push(`COLLATE "${c.collation}"`);
  if (c.identity)
    words.push(`GENERATED ${c.identity} AS IDENTITY${c.identityOptions ? ` (${c.identityOptions})` : ''}`);
  if (c.generated) words.push(`GENERATED ALWAYS AS (${c.generated}) ${c.generatedKind ?? 'STORED'}`);
  if (c.notNull) words.push('NOT NULL');
  if (c.default !== undefined) words.push(`DEFAULT ${c.default}`);
  return words.join(' ');
}

function columnParts(c: ColumnInfo): Record<string, string> {
  return {
    type: c.type,
    'not null': String(c.notNull),
    default: c.default ?? '',
    identity: c.identity ?? '',
    'identity options': c.identityOptions ?? '',
    generated: c.generated ? `${c.generated} ${c.generatedKind}` : '',
    collation: c.collation ?? '',
  };
}

function createTableText(t: TableInfo): string {
  const lines = [
    ...t.columns.map((c) => `${quoteName(c.name)} ${columnText(c)}`),
    ...t.constraints.map((c) => `CONSTRAINT ${quoteName(c.name)} ${c.definition}`),
  ];
  let text = `CREATE TABLE ${qualified(t.schema, t.name)} (${lines.join(', ')})`;
  if (t.partitionOf)
    text = `CREATE TABLE ${qualified(t.schema, t.name)} PARTITION OF ${t.partitionOf} ${t.partitionBound}`;
  if (t.inherits?.length) text += ` INHERITS (${t.inherits.map(qualifiedText).join(', ')})`;
  if (t.partitionKey) text += ` PARTITION BY ${t.partitionKey}`;
  if (t.unlogged) text = text.replace('CREATE TABLE', 'CREATE UNLOGGED TABLE');
  if (t.replicaIdentity) text += `; ALTER TABLE ${qualified(t.schema, t.name)} REPLICA IDENTITY ${t.replicaIdentity}`;
  return text;
}

function policyParts(p: PolicyInfo): Record<string, string> {
  return {
    as: p.permissive ? 'PERMISSIVE' : 'RESTRICTIVE',
    for: p.command,
    to: p.roles.join(', '),
    using: p.using ?? '',
    'with check': p.withCheck ?? '',
  };
}

export function policyText(table: string, p: PolicyInfo): string {
  let text = `CREATE POLICY ${quoteName(p.name)} ON ${qualifiedText(table)} AS ${p.permissive ? 'PERMISSIVE' : 'RESTRICTIVE'} FOR ${p.command} TO ${p.roles.join(', ')}`;
  if (p.using) text += ` USING (${p.using})`;
  if (p.withCheck) text += ` WITH CHECK (${p.withCheck})`;
  return text;
}

function sequenceObject(s: SequenceInfo): CatalogObject {
  const parts: Record<string, string> = {
    type: s.dataType,
    start: s.start,
    increment: s.increment,
    minvalue: s.min,
    maxvalue: s.max,
    cache: s.cache,
    cycle: String(s.cycle),
    'owned by': s.ownedBy ?? '',
  };
  const definition =
    `AS ${s.dataType} INCREMENT BY ${s.increment} MINVALUE ${s.min} MAXVALUE ${s.max} START WITH ${s.start} ` +
    `CACHE ${s.cache}${s.cycle ? ' CYCLE' : ''}${s.ownedBy ? ` OWNED BY ${s.ownedBy}` : ''}`;
  return {
    objectType: 'sequence',
    object: `${s.schema}.${s.name}`,
    parent: `schema:${s.schema}`,
    definition,
    parts,
    sql: { name: qualified(s.schema, s.name) },
  };
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
