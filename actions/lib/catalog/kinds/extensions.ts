const PINS =
  /\b(?:create\s+extension\s+(?:if\s+not\s+exists\s+)?("[^"]+"|[a-z0-9_-]+)[^;]*?\bversion\s+('[^']*'|"[^"]*"|[a-z0-9_.-]+)|alter\s+extension\s+("[^"]+"|[a-z0-9_-]+)\s+update\s+to\s+('[^']*'|"[^"]*"|[a-z0-9_.-]+))/gi;

/**
 * Extensions whose version the migrations name (`CREATE EXTENSION ... VERSION '1.6'`, `ALTER EXTENSION ... UPDATE
 * TO '1.6'`), lower-cased. Only those versions are compared: otherwise the version installed is whatever the
 * server ships, which legitimately differs between PostgreSQL builds.
 */
export function extensionsPinnedBy(sqls: string[]): string[] {
  const names = new Set<string>();
  for (const sql of sqls) {
    const withoutComments = sql.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const m of withoutComments.matchAll(PINS)) names.add(unquote(m[1] ?? m[3] ?? ''));
  }
  names.delete('');
  return [...names];
}

function unquote(name: string): string {
  return name.startsWith('"') ? name.slice(1, -1) : name.toLowerCase();
}
