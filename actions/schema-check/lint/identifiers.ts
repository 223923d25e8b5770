import type { SqlParser } from './parser';
import type { Violation } from './rules';
import type { ParsedStatement } from './statements';

/** PostgreSQL's NAMEDATALEN is 64: identifiers keep at most 63 bytes. */
const MAX_IDENTIFIER_BYTES = 63;

/** The identifier a lexer token spells: unquoted ones are folded to lower case, quoted ones keep their text. */
function identifierOf(token: string): string {
  return token.startsWith('"') ? token.slice(1, -1).replace(/""/g, '"') : token.toLowerCase();
}

const NEAR_LIMIT = MAX_IDENTIFIER_BYTES - 3;
const tooLong = (text: string) => Buffer.byteLength(text) > MAX_IDENTIFIER_BYTES;

/**
 * PostgreSQL's lexer is several times slower than its parser, so it only runs where the parse tree shows a truncated
 * name could be: the lexer cuts a long identifier to 63 bytes at a character boundary, so at least 60 bytes remain
 * (UTF-8 characters have at most 4). Constants of that length only cost an unneeded lexer run.
 */
function hasNearLimitString(value: unknown): boolean {
  if (typeof value === 'string') {
    return value.length >= NEAR_LIMIT || (value.length >= NEAR_LIMIT / 4 && Buffer.byteLength(value) >= NEAR_LIMIT);
  }
  if (value && typeof value === 'object') {
    for (const key in value) if (hasNearLimitString((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/**
 * Identifiers longer than 63 bytes, each at the line it is on. Read from the lexer's tokens rather than the parse
 * tree, because the parser only ever sees the truncated name.
 */
export async function longIdentifiers(parser: SqlParser, statement: ParsedStatement): Promise<Violation[]> {
  // A DO block's body is one string constant to the lexer; the statements in it are checked on their own.
  if ('DoStmt' in statement.node || !hasNearLimitString(statement.node)) return [];
  const bytes = Buffer.from(statement.text, 'utf8');
  const seen = new Set<string>();
  const out: Violation[] = [];
  for (const token of (await parser.scan(statement.text)).tokens ?? []) {
    if (token.tokenName !== 'IDENT') continue;
    const name = identifierOf(token.text);
    const length = Buffer.byteLength(name);
    if (!tooLong(name) || seen.has(name)) continue;
    seen.add(name);
    const truncated = Buffer.from(name)
      .subarray(0, MAX_IDENTIFIER_BYTES)
      .toString('utf8')
      .replace(/\uFFFD$/, '');
    const before = bytes.subarray(0, token.start).toString('utf8');
    out.push({
      rule: 'identifier-too-long',
      line: statement.line + (before.match(/\n/g)?.length ?? 0),
      message: `identifier "${name}" is ${length} bytes; PostgreSQL silently truncates it to "${truncated}"`,
    });
  }
  return out;
}
