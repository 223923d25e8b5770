import type { Migration } from '../lib/migrations/model';

const CREATE_EXTENSION = /\bcreate\s+extension\s+(?:if\s+not\s+exists\s+)?(?:"([^"]+)"|([a-z0-9_-]+))/gi;

/** Extensions that the SQL creates, lower-cased, in order of first appearance. */
export function extensionsCreatedBy(sqls: string[]): string[] {
  const names = new Set<string>();
  for (const sql of sqls) {
    const withoutComments = sql.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const match of withoutComments.matchAll(CREATE_EXTENSION))
      names.add((match[1] ?? match[2] ?? '').toLowerCase());
  }
  names.delete('');
  return [...names];
}

/** The migrations whose SQL creates `extension`, for the report. */
export function migrationsCreating(extension: string, migrations: Migration[]): Migration[] {
  return migrations.filter((m) => extensionsCreatedBy([m.sql]).includes(extension));
}
