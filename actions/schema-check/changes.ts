import type { Catalog, Difference, TableInfo } from '../lib/catalog';
import { codeBlock, inlineCode } from '../lib/markdown';

/** Past about this many tables Mermaid shrinks an ER diagram below reading size (and nears its 50,000 limit). */
export const MAX_DIAGRAM_TABLES = 15;
/** Columns drawn per table; keys and changed columns always are. */
const MAX_DIAGRAM_COLUMNS = 20;

/** Tables touched by the differences: added, removed, or with a changed column, constraint, index, policy… */
export function changedTables(differences: Difference[]): string[] {
  const tables = new Set<string>();
  for (const d of differences) {
    if (d.objectType === 'table') tables.add(d.object);
    else if (d.table) tables.add(d.table);
  }
  return [...tables].sort();
}

export function changesTable(differences: Difference[]): [string[], string[][]] {
  return [
    ['change', 'object', 'name', 'before', 'after'],
    differences.map((d) => [d.change, d.objectType, inlineCode(d.object), clip(d.from), clip(d.to)]),
  ];
}

function clip(text: string | undefined, max = 160): string {
  if (!text) return '';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** `users` for public tables, `auth.users` elsewhere: how a reader names them. */
function displayName(qualified: string): string {
  return qualified.startsWith('public.') ? qualified.slice('public.'.length) : qualified;
}

/** Mermaid's entity and attribute names are words: letters, digits and `_`, not starting with a digit. */
function word(text: string): string {
  const safe = text.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[0-9]/.test(safe) ? `_${safe}` : safe || '_';
}

const TYPE_ALIASES: Array<[RegExp, string]> = [
  [/^timestamp(\(\d+\))? with time zone/, 'timestamptz$1'],
  [/^timestamp(\(\d+\))? without time zone/, 'timestamp$1'],
  [/^time(\(\d+\))? with time zone/, 'timetz$1'],
  [/^time(\(\d+\))? without time zone/, 'time$1'],
  [/^character varying/, 'varchar'],
  [/^character/, 'char'],
  [/^double precision/, 'float8'],
  [/^bit varying/, 'varbit'],
  [/^public\./, ''],
];

/**
 * PostgreSQL's short name for a type (`timestamptz`, `varchar(255)`, enum `role` rather than `public.role`): a
 * Mermaid attribute type cannot hold spaces, and the short names are the ones people write.
 */
export function readableType(type: string): string {
  let short = type;
  for (const [pattern, alias] of TYPE_ALIASES) short = short.replace(pattern, alias);
  return (
    short
      .replace(/"/g, '')
      .replace(/\s+/g, '-')
      .replace(/[^A-Za-z0-9_\-[\](),.]/g, '_') || 'unknown'
  );
}

function findTable(catalog: Catalog, qualified: string): TableInfo | undefined {
  return catalog.tables.find((t) => `${t.schema}.${t.name}` === qualified);
}

const REFERENCES = /FOREIGN KEY \(([^)]*)\) REFERENCES ([^\s(]+)\s*\(/i;

interface ForeignKey {
  name: string;
  from: string;
  to: string;
  columns: string[];
}

function foreignKeys(qualified: string, table: TableInfo): ForeignKey[] {
  return table.constraints.flatMap((constraint) => {
    const match = constraint.kind === 'foreign-key' ? constraint.definition.match(REFERENCES) : null;
    if (!match) return [];
    const target = match[2]!.replace(/"/g, '');
    return [
      {
        name: constraint.name,
        from: qualified,
        to: target.includes('.') ? target : `public.${target}`,
        columns: match[1]!.split(',').map((n) => n.trim().replace(/"/g, '')),
      },
    ];
  });
}

function primaryKey(table: TableInfo): Set<string> {
  return new Set(
    table.constraints
      .filter((c) => c.kind === 'primary-key')
      .flatMap((c) => (c.definition.match(/\(([^)]*)\)/)?.[1] ?? '').split(',').map((n) => n.trim().replace(/"/g, ''))),
  );
}

/** What happened to each changed table and column, as the diagram labels it. */
class ChangeMarks {
  private readonly tables = new Map<string, string>();
  private readonly columns = new Map<string, string>();
  private readonly counts = new Map<string, number>();

  constructor(differences: Difference[]) {
    for (const d of differences) {
      if (d.objectType === 'table') this.tables.set(d.object, d.change);
      if (d.objectType === 'column') {
        this.columns.set(
          d.object,
          d.change === 'changed' && d.aspects?.length ? `changed ${d.aspects.join(', ')}` : d.change,
        );
      }
      const table = d.objectType === 'table' ? d.object : d.table;
      if (table) this.counts.set(table, (this.counts.get(table) ?? 0) + 1);
    }
  }

  table(qualified: string): string | undefined {
    return this.tables.get(qualified);
  }

  column(qualified: string, column: string): string | undefined {
    return this.columns.get(`${qualified}.${column}`);
  }

  /**
   * Most changed and most joined first: with more changed tables than fit, the diagram shows those, so a new
   * schema is drawn around its hub tables rather than the first ones in the alphabet.
   */
  rank(tables: string[], catalog: Catalog): string[] {
    const degree = new Map<string, number>();
    for (const table of catalog.tables) {
      for (const fk of foreignKeys(`${table.schema}.${table.name}`, table)) {
        degree.set(fk.from, (degree.get(fk.from) ?? 0) + 1);
        degree.set(fk.to, (degree.get(fk.to) ?? 0) + 1);
      }
    }
    const score = (q: string) => (this.counts.get(q) ?? 0) + (degree.get(q) ?? 0);
    return [...tables].sort((a, b) => score(b) - score(a) || a.localeCompare(b));
  }
}

interface DrawnTable {
  qualified: string;
  table: TableInfo;
  /** Whether its columns are drawn; a neighbour is a stub, there only to show what its foreign keys join. */
  stub: boolean;
}

/**
 * The ER diagram of the changed tables (a fenced Mermaid block, with the tables it leaves out listed after it):
 * at most MAX_DIAGRAM_TABLES, the most changed first, then unchanged tables their foreign keys join as stubs;
 * each table and column marked with what happened to it. Empty when no table changed.
 */
export function renderErDiagram(before: Catalog, after: Catalog, differences: Difference[]): string {
  const marks = new ChangeMarks(differences);
  const changed = marks
    .rank(changedTables(differences), after)
    .filter((q) => findTable(after, q) ?? findTable(before, q));
  if (changed.length === 0) return '';
  const drawn = chooseTables(before, after, changed);
  const lines = ['erDiagram', ...drawn.flatMap((t) => entityLines(t, before, after, marks)), ...relationLines(drawn)];
  const left = changed.filter((q) => !drawn.some((t) => t.qualified === q));
  const rest = left.length
    ? `\n\n${left.length} more changed table(s), not drawn: ${left.map((q) => inlineCode(displayName(q))).join(', ')}.`
    : '';
  return `${codeBlock(lines.join('\n'), 'mermaid')}${rest}`;
}

function chooseTables(before: Catalog, after: Catalog, changed: string[]): DrawnTable[] {
  const drawn: DrawnTable[] = changed.slice(0, MAX_DIAGRAM_TABLES).map((qualified) => ({
    qualified,
    table: (findTable(after, qualified) ?? findTable(before, qualified))!,
    stub: false,
  }));
  const isDrawn = (q: string) => drawn.some((t) => t.qualified === q);
  const neighbours = new Set<string>();
  for (const t of drawn) for (const fk of foreignKeys(t.qualified, t.table)) neighbours.add(fk.to);
  for (const table of after.tables) {
    const qualified = `${table.schema}.${table.name}`;
    if (foreignKeys(qualified, table).some((fk) => isDrawn(fk.to))) neighbours.add(qualified);
  }
  for (const qualified of [...neighbours].sort()) {
    if (drawn.length >= MAX_DIAGRAM_TABLES) break;
    const table = findTable(after, qualified);
    if (table && !isDrawn(qualified)) drawn.push({ qualified, table, stub: true });
  }
  return drawn;
}

function entityLines(t: DrawnTable, before: Catalog, after: Catalog, marks: ChangeMarks): string[] {
  const name = displayName(t.qualified);
  const tableMark = marks.table(t.qualified);
  const label = tableMark ? `${name} (${tableMark})` : t.stub ? `${name} (unchanged)` : name;
  const head = `  ${word(name)}["${label}"]`;
  if (t.stub) return [head];
  const primary = primaryKey(t.table);
  const foreign = new Set(foreignKeys(t.qualified, t.table).flatMap((fk) => fk.columns));
  const removed =
    findTable(after, t.qualified) === t.table
      ? (findTable(before, t.qualified)?.columns ?? []).filter((c) => marks.column(t.qualified, c.name) === 'removed')
      : [];
  const columns = [...t.table.columns, ...removed];
  const important = (c: { name: string }) =>
    primary.has(c.name) || foreign.has(c.name) || !!marks.column(t.qualified, c.name);
  let room = MAX_DIAGRAM_COLUMNS - columns.filter(important).length;
  const shown = columns.filter((c) => important(c) || room-- > 0);
  const lines = shown.map((column) => {
    const keys = [primary.has(column.name) && 'PK', foreign.has(column.name) && 'FK'].filter(Boolean).join(',');
    const change = tableMark ? undefined : marks.column(t.qualified, column.name);
    return `    ${readableType(column.type)} ${word(column.name)}${keys ? ` ${keys}` : ''}${change ? ` "${change}"` : ''}`;
  });
  if (shown.length < columns.length) lines.push(`    more columns "${columns.length - shown.length} not drawn"`);
  return [`${head} {`, ...lines, '  }'];
}

function relationLines(drawn: DrawnTable[]): string[] {
  const isDrawn = (q: string) => drawn.some((t) => t.qualified === q);
  const relations = drawn
    .filter((t) => !t.stub)
    .flatMap((t) => foreignKeys(t.qualified, t.table))
    .concat(drawn.filter((t) => t.stub).flatMap((t) => foreignKeys(t.qualified, t.table)))
    .filter((fk) => isDrawn(fk.from) && isDrawn(fk.to))
    .map(
      (fk) => `  ${word(displayName(fk.to))} ||--o{ ${word(displayName(fk.from))} : "${fk.name.replace(/"/g, "'")}"`,
    );
  return [...new Set(relations)];
}
