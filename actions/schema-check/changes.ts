import type { Catalog, Difference, TableInfo } from '../lib/catalog';
import { markdownTable } from '../lib/markdown';

/** Tables touched by the differences: added, removed, or with a changed column, constraint, index, policy… */
export function changedTables(differences: Difference[]): string[] {
  const tables = new Set<string>();
  for (const d of differences) {
    if (d.objectType === 'table') tables.add(d.object);
    else if (d.table) tables.add(d.table);
  }
  return [...tables].sort();
}

export function renderChangesTable(differences: Difference[]): string {
  return markdownTable(
    ['change', 'object', 'name', 'before', 'after'],
    differences.map((d) => [d.change, d.objectType, `\`${d.object}\``, clip(d.from), clip(d.to)]),
  );
}

function clip(text: string | undefined, max = 160): string {
  if (!text) return '';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function entityName(qualified: string): string {
  const name = qualified.startsWith('public.') ? qualified.slice('public.'.length) : qualified;
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}

function attributeType(type: string): string {
  return type.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_|_$/g, '') || 'unknown';
}

function findTable(catalog: Catalog, qualified: string): TableInfo | undefined {
  return catalog.tables.find((t) => `${t.schema}.${t.name}` === qualified);
}

const REFERENCES = /FOREIGN KEY \(([^)]*)\) REFERENCES ([^\s(]+)\s*\(/i;

/**
 * A Mermaid ER diagram of the changed tables as they are after the change (removed tables as they were), each
 * column marked with what happened to it, and the foreign keys between them.
 */
export function renderErDiagram(before: Catalog, after: Catalog, differences: Difference[]): string {
  const tables = changedTables(differences);
  if (tables.length === 0) return '';
  const columnChange = new Map<string, string>();
  for (const d of differences) if (d.objectType === 'column') columnChange.set(d.object, d.change);
  const lines = ['erDiagram'];
  const relations: string[] = [];
  for (const qualified of tables) {
    const table = findTable(after, qualified) ?? findTable(before, qualified);
    if (!table) continue;
    const tableChange = differences.find((d) => d.objectType === 'table' && d.object === qualified)?.change;
    const primary = new Set(
      table.constraints
        .filter((c) => c.kind === 'primary-key')
        .flatMap((c) =>
          (c.definition.match(/\(([^)]*)\)/)?.[1] ?? '').split(',').map((n) => n.trim().replace(/"/g, '')),
        ),
    );
    const foreign = new Set<string>();
    for (const constraint of table.constraints.filter((c) => c.kind === 'foreign-key')) {
      const match = constraint.definition.match(REFERENCES);
      if (!match) continue;
      match[1]!.split(',').forEach((n) => foreign.add(n.trim().replace(/"/g, '')));
      const target = match[2]!.replace(/"/g, '');
      const targetQualified = target.includes('.') ? target : `public.${target}`;
      relations.push(`  ${entityName(targetQualified)} ||--o{ ${entityName(qualified)} : "${constraint.name}"`);
    }
    const removedColumns = (findTable(before, qualified)?.columns ?? []).filter(
      (c) => columnChange.get(`${qualified}.${c.name}`) === 'removed',
    );
    lines.push(`  ${entityName(qualified)} {`);
    for (const column of [...table.columns, ...(table === findTable(after, qualified) ? removedColumns : [])]) {
      const keys = [primary.has(column.name) && 'PK', foreign.has(column.name) && 'FK'].filter(Boolean).join(',');
      const change = tableChange ?? columnChange.get(`${qualified}.${column.name}`);
      const comment = change ? ` "${change}"` : '';
      lines.push(
        `    ${attributeType(column.type)} ${column.name.replace(/[^A-Za-z0-9_]/g, '_')}${keys ? ` ${keys}` : ''}${comment}`,
      );
    }
    lines.push('  }');
  }
  lines.push(...new Set(relations));
  return lines.join('\n');
}
