/**
 * PostgreSQL renders the same object with slightly different text from one major version to the next (PGlite is
 * PostgreSQL 18; production often runs 14-17). These functions rewrite only those version-dependent spellings, so a
 * real difference in an object still shows up as a difference in its text.
 */

/** Whitespace outside quoted text is layout, never meaning. */
export function collapseWhitespace(text: string): string {
  let out = '';
  let quote: string | undefined;
  let pendingSpace = false;
  for (const ch of text.trim()) {
    if (quote) {
      out += ch;
      if (ch === quote) quote = undefined;
      continue;
    }
    if (/\s/.test(ch)) {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace) {
      // No space after "(" or before ")" / ",": versions differ in where they break lines inside lists.
      if (out.length && !out.endsWith('(') && ch !== ')' && ch !== ',') out += ' ';
      pendingSpace = false;
    }
    if (ch === "'" || ch === '"') quote = ch;
    out += ch;
  }
  return out;
}

export function normaliseView(text: string): string {
  // pg_get_viewdef ends with ';' and pretty-prints with version-dependent indentation.
  return unqualifySingleRelation(collapseWhitespace(text).replace(/;$/, ''));
}

/**
 * PostgreSQL 16 stopped qualifying column names in a view that reads one relation (`SELECT id FROM public.users`
 * where 15 printed `SELECT users.id FROM public.users`). For a query over exactly one relation (no join, no
 * subquery, no second FROM item) the qualifier cannot change the meaning, so the older spelling is rewritten into the
 * newer one. Anything more complex keeps its qualifiers, which both versions print.
 */
export function unqualifySingleRelation(query: string): string {
  const bare = outsideQuotes(query);
  if (
    (bare.match(/\bFROM\b/g) ?? []).length !== 1 ||
    /\bJOIN\b|\(\s*SELECT\b|\bUNION\b|\bINTERSECT\b|\bEXCEPT\b/.test(bare)
  ) {
    return query;
  }
  const from =
    /\bFROM\s+((?:[a-z_][a-z0-9_$]*|"(?:[^"]|"")+")(?:\.(?:[a-z_][a-z0-9_$]*|"(?:[^"]|"")+"))?)(?:\s+(?!WHERE\b|GROUP\b|ORDER\b|HAVING\b|LIMIT\b|OFFSET\b|WINDOW\b|FOR\b)([a-z_][a-z0-9_$]*|"(?:[^"]|"")+"))?\s*(,)?/.exec(
      query,
    );
  if (!from || from[3]) return query;
  const relation = from[1] ?? '';
  const qualifier = from[2] ?? relation.slice(relation.lastIndexOf('.') + 1);
  const escaped = qualifier.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(^|[^a-zA-Z0-9_$".])${escaped}\\.(?=[a-z_"])`, 'g');
  // Rewrite only outside string literals; the FROM item itself keeps its schema.
  return mapOutsideQuotes(query, (segment) => segment.replace(pattern, '$1')).replace(
    new RegExp(`\\bFROM\\s+${relation.slice(relation.lastIndexOf('.') + 1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`),
    `FROM ${relation}`,
  );
}

/** The text with quoted parts blanked out, for searching key words. */
function outsideQuotes(text: string): string {
  return mapOutsideQuotes(
    text,
    (s) => s,
    (q) => ' '.repeat(q.length),
  );
}

function mapOutsideQuotes(
  text: string,
  outside: (s: string) => string,
  inside: (s: string) => string = (s) => s,
): string {
  return text
    .split(/('(?:[^']|'')*')/)
    .map((part, i) => (i % 2 === 1 ? inside(part) : outside(part)))
    .join('');
}
