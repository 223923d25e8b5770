const CREATE_EXTENSION = /\bcreate\s+extension\s+(?:if\s+not\s+exists\s+)?(?:"([^"]+)"|([a-z0-9_-]+))/gi;

/**
 * Extensions that the SQL creates, lower-cased, in order of first appearance. PGlite loads an extension's module
 * only at start-up, so whoever boots one to run migrations must know these first. Comments are skipped, so a
 * commented-out CREATE EXTENSION asks for nothing.
 */
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
