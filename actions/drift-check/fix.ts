import type { CatalogObject } from '../lib/catalog/flatten';
import { qualifiedText, quoteName } from '../lib/catalog/flatten';
import { compositeTypeChange, domainChange } from '../lib/catalog/kinds/types';
import type { Difference } from '../lib/catalog/model';

/**
 * SQL that would turn the live object (`actual`) back into what the migrations define (`expected`). It is a
 * suggestion for a reviewer, never run: a drop loses data, and sometimes the right fix is a new migration that
 * records the hot-fix instead.
 */
export function suggestSql(d: Difference, expected?: CatalogObject, actual?: CatalogObject): string {
  const o = (expected ?? actual) as CatalogObject;
  const name = o.sql.name;
  const table = o.sql.table ?? '';
  switch (d.objectType) {
    case 'schema':
      return expected ? `CREATE SCHEMA ${name};` : `DROP SCHEMA ${name}; -- fails if it still holds objects`;
    case 'extension':
      if (!actual) return `CREATE EXTENSION IF NOT EXISTS ${name} SCHEMA ${quoteName(expected?.parts.schema ?? '')};`;
      if (!expected) return `DROP EXTENSION ${name};`;
      if (expected.parts.version !== actual.parts.version)
        return `ALTER EXTENSION ${name} UPDATE TO ${literal(expected.parts.version ?? '')};`;
      return `ALTER EXTENSION ${name} SET SCHEMA ${quoteName(expected.parts.schema ?? '')};`;
    case 'enum':
      if (!actual) return `CREATE TYPE ${name} AS ${expected?.definition};`;
      if (!expected) return `DROP TYPE ${name};`;
      return enumFix(name, expected.enumValues ?? [], actual.enumValues ?? []);
    case 'sequence':
      if (!expected) return `DROP SEQUENCE ${name};`;
      return `${actual ? 'ALTER' : 'CREATE'} SEQUENCE ${name} ${sequenceClauses(expected, !actual)};`;
    case 'table':
      if (!actual) return `${expected?.definition};`;
      if (!expected) return `DROP TABLE ${name}; -- drops its data`;
      return tableFix(name, expected, actual, d.aspects ?? []);
    case 'column':
      return columnFix(table, expected, actual);
    case 'constraint':
      return [
        actual ? `ALTER TABLE ${table} DROP CONSTRAINT ${name};` : '',
        expected ? `ALTER TABLE ${table} ADD CONSTRAINT ${name} ${expected.definition};` : '',
      ]
        .filter(Boolean)
        .join('\n');
    case 'index':
      return [actual ? `DROP INDEX ${name};` : '', expected ? `${expected.definition};` : '']
        .filter(Boolean)
        .join('\n');
    case 'rls':
      return rlsFix(table, expected, actual);
    case 'policy':
      return [actual ? `DROP POLICY ${name} ON ${table};` : '', expected ? `${expected.definition};` : '']
        .filter(Boolean)
        .join('\n');
    case 'trigger':
      return triggerFix(name, table, expected, actual, d.aspects ?? []);
    case 'view':
      if (!expected) return `DROP VIEW ${name};`;
      return `CREATE OR REPLACE VIEW ${name} AS ${expected.definition};${actual ? ' -- if columns were removed or renamed: DROP VIEW first' : ''}`;
    case 'materialized-view':
      return [
        actual ? `DROP MATERIALIZED VIEW ${name};` : '',
        expected ? `CREATE MATERIALIZED VIEW ${name} AS ${expected.definition}; -- then recreate its indexes` : '',
      ]
        .filter(Boolean)
        .join('\n');
    case 'domain':
      if (expected && actual) return domainChange(name, expected, actual);
      return genericFix(expected, actual);
    case 'composite-type':
      if (expected && actual) return compositeTypeChange(name, expected, actual);
      return genericFix(expected, actual);
    case 'function':
    case 'procedure':
      // CREATE OR REPLACE cannot change the result type or the arguments' names and defaults.
      if (expected && actual && d.aspects?.some((a) => a === 'returns' || a === 'arguments'))
        return `${actual.fix?.drop}\n${expected.fix?.create}`;
      return genericFix(expected, actual);
    default:
      return genericFix(expected, actual);
  }
}

/** Kinds that carry their own statements (see CatalogObject.fix): drop what is extra, create what is missing. */
function genericFix(expected?: CatalogObject, actual?: CatalogObject): string {
  if (expected && actual)
    return expected.fix?.change ?? [actual.fix?.drop, expected.fix?.create].filter(Boolean).join('\n');
  if (expected) return expected.fix?.create ?? `-- create ${expected.sql.name} as: ${expected.definition}`;
  return actual?.fix?.drop ?? `-- remove ${actual?.sql.name ?? ''}`;
}

// Table aspects ALTER TABLE can change in place; the others (kind, partitioning) need the table recreated.
const TABLE_ALTERS: Record<string, (table: string, value: string | undefined, was: string | undefined) => string> = {
  persistence: (table, value) => `ALTER TABLE ${table} SET ${value === 'UNLOGGED' ? 'UNLOGGED' : 'LOGGED'};`,
  'replica identity': (table, value) => `ALTER TABLE ${table} REPLICA IDENTITY ${value ?? 'DEFAULT'};`,
  inherits: (table, value, was) => {
    const want = value ? value.split(', ') : [];
    const have = was ? was.split(', ') : [];
    return [
      ...have.filter((p) => !want.includes(p)).map((p) => `ALTER TABLE ${table} NO INHERIT ${qualifiedText(p)};`),
      ...want.filter((p) => !have.includes(p)).map((p) => `ALTER TABLE ${table} INHERIT ${qualifiedText(p)};`),
    ].join('\n');
  },
};

function tableFix(name: string, expected: CatalogObject, actual: CatalogObject | undefined, aspects: string[]): string {
  const inPlace = aspects.filter((a) => TABLE_ALTERS[a]);
  const lines = inPlace.map((a) => TABLE_ALTERS[a]?.(name, expected.parts[a], actual?.parts[a]) ?? '');
  const rest = aspects.filter((a) => !TABLE_ALTERS[a]);
  if (rest.length)
    lines.push(
      `-- ${name} changed ${rest.join(', ')}: recreate it as the migrations define:\n-- ${expected.definition}`,
    );
  return lines.join('\n');
}

function enumFix(name: string, expected: string[], actual: string[]): string {
  const lines: string[] = [];
  const present = new Set(actual);
  expected.forEach((value, i) => {
    if (present.has(value)) return;
    const before = expected.slice(i + 1).find((v) => present.has(v));
    lines.push(`ALTER TYPE ${name} ADD VALUE ${literal(value)}${before ? ` BEFORE ${literal(before)}` : ''};`);
    present.add(value);
  });
  const extra = actual.filter((v) => !expected.includes(v));
  const orderOk =
    extra.length === 0 &&
    expected
      .filter((v) => actual.includes(v))
      .every((v, i, kept) => i === 0 || actual.indexOf(kept[i - 1] ?? '') < actual.indexOf(v));
  if (!orderOk) {
    lines.push(
      `-- PostgreSQL cannot drop or reorder enum values${extra.length ? ` (extra: ${extra.map(literal).join(', ')})` : ''}: recreate ${name} as ${`ENUM (${expected.map(literal).join(', ')})`} and convert the columns that use it`,
    );
  }
  return lines.join('\n');
}

function sequenceClauses(o: CatalogObject, create: boolean): string {
  const p = o.parts;
  const owned = p['owned by']
    ? ` OWNED BY ${p['owned by'].split('.').map(quoteName).join('.')}`
    : create
      ? ''
      : ' OWNED BY NONE';
  return (
    `AS ${p.type} INCREMENT BY ${p.increment} MINVALUE ${p.minvalue} MAXVALUE ${p.maxvalue} ` +
    `${create ? 'START WITH' : 'START'} ${p.start} CACHE ${p.cache} ${p.cycle === 'true' ? 'CYCLE' : 'NO CYCLE'}${owned}`
  );
}

function columnFix(table: string, expected?: CatalogObject, actual?: CatalogObject): string {
  const column = (expected ?? actual)?.sql.name ?? '';
  if (!actual) return `ALTER TABLE ${table} ADD COLUMN ${column} ${expected?.definition};`;
  if (!expected) return `ALTER TABLE ${table} DROP COLUMN ${column}; -- drops its data`;
  const e = expected.parts;
  const a = actual.parts;
  const alter = (clause: string) => `ALTER TABLE ${table} ALTER COLUMN ${column} ${clause};`;
  const lines: string[] = [];
  if (e.generated !== a.generated) {
    lines.push(
      `-- the generation expression differs: drop ${column} and add it back as: ${column} ${expected.definition}`,
    );
  }
  if (e.type !== a.type || e.collation !== a.collation) {
    const collate = e.collation ? ` COLLATE "${e.collation}"` : '';
    lines.push(alter(`TYPE ${e.type}${collate} USING ${column}::${e.type}`));
  }
  if (e.identity !== a.identity) {
    if (!e.identity) lines.push(alter('DROP IDENTITY'));
    else if (!a.identity)
      lines.push(
        alter(`ADD GENERATED ${e.identity} AS IDENTITY${e['identity options'] ? ` (${e['identity options']})` : ''}`),
      );
    else lines.push(alter(`SET GENERATED ${e.identity}`));
  }
  if (e.identity && a.identity && e['identity options'] !== a['identity options'])
    lines.push(alter(identityOptionsClause(e['identity options'] ?? '')));
  if (e.default !== a.default) lines.push(alter(e.default ? `SET DEFAULT ${e.default}` : 'DROP DEFAULT'));
  if (e['not null'] !== a['not null']) lines.push(alter(e['not null'] === 'true' ? 'SET NOT NULL' : 'DROP NOT NULL'));
  return lines.join('\n');
}

/** `START WITH 5 INCREMENT BY 2` → `SET START WITH 5 SET INCREMENT BY 2`, resetting what is not listed. */
function identityOptionsClause(options: string): string {
  const set = (clause: string) => options.match(new RegExp(`${clause} (-?\\d+)`))?.[1];
  return [
    `SET INCREMENT BY ${set('INCREMENT BY') ?? 1}`,
    set('MINVALUE') ? `SET MINVALUE ${set('MINVALUE')}` : 'SET NO MINVALUE',
    set('MAXVALUE') ? `SET MAXVALUE ${set('MAXVALUE')}` : 'SET NO MAXVALUE',
    set('START WITH') ? `SET START WITH ${set('START WITH')}` : '',
    `SET CACHE ${set('CACHE') ?? 1}`,
    options.includes('CYCLE') ? 'SET CYCLE' : 'SET NO CYCLE',
  ]
    .filter(Boolean)
    .join(' ');
}

function rlsFix(table: string, expected?: CatalogObject, actual?: CatalogObject): string {
  const want = { enabled: expected?.parts.enabled === 'true', forced: expected?.parts.forced === 'true' };
  const have = { enabled: actual?.parts.enabled === 'true', forced: actual?.parts.forced === 'true' };
  const lines: string[] = [];
  if (want.enabled !== have.enabled)
    lines.push(`ALTER TABLE ${table} ${want.enabled ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY;`);
  if (want.forced !== have.forced)
    lines.push(`ALTER TABLE ${table} ${want.forced ? 'FORCE' : 'NO FORCE'} ROW LEVEL SECURITY;`);
  return lines.join('\n');
}

function triggerFix(
  name: string,
  table: string,
  expected: CatalogObject | undefined,
  actual: CatalogObject | undefined,
  aspects: string[],
): string {
  if (expected && actual && aspects.length === 1 && aspects[0] === 'enabled') {
    return `ALTER TABLE ${table} ${expected.parts.enabled === 'true' ? 'ENABLE' : 'DISABLE'} TRIGGER ${name};`;
  }
  const lines = [actual ? `DROP TRIGGER ${name} ON ${table};` : ''];
  if (expected) {
    lines.push(`${expected.parts.definition};`);
    if (expected.parts.enabled !== 'true') lines.push(`ALTER TABLE ${table} DISABLE TRIGGER ${name};`);
  }
  return lines.filter(Boolean).join('\n');
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
