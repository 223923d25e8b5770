import type { Node } from 'libpg-query';
import { lineOfPosition } from '../../lib/migrations/chunks';
import type { Migration } from '../../lib/migrations/model';
import type { SqlParser } from './parser';

export interface ParsedStatement {
  migration: Migration;
  /** 1-based line in the migration file where the statement's first keyword is. */
  line: number;
  node: Node;
  /** The statement's text, for messages. */
  text: string;
}

export interface ParseFailure {
  migration: Migration;
  line: number;
  message: string;
}

/** Skips whitespace and comments from `offset`, so a statement's line is that of its first keyword. */
function skipTrivia(sql: string, offset: number): number {
  let i = offset;
  for (;;) {
    while (i < sql.length && /\s/.test(sql[i]!)) i++;
    if (sql.startsWith('--', i)) {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end + 1;
    } else if (sql.startsWith('/*', i)) {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? sql.length : end + 2;
    } else {
      return i;
    }
  }
}

/** libpg-query reports UTF-8 byte offsets; JavaScript strings count UTF-16 units. */
function charOffset(bytes: Buffer, byteOffset: number): number {
  return bytes.subarray(0, byteOffset).toString('utf8').length;
}

/** Every statement of a migration, parsed by PostgreSQL's parser, with the file line it starts on. */
export async function parseMigration(
  parser: SqlParser,
  migration: Migration,
): Promise<{ statements: ParsedStatement[]; failures: ParseFailure[] }> {
  const statements: ParsedStatement[] = [];
  const failures: ParseFailure[] = [];
  for (const chunk of migration.chunks) {
    let result;
    try {
      result = await parser.parse(chunk.sql);
    } catch (error) {
      const cursor = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails?.cursorPosition;
      failures.push({
        migration,
        line: cursor !== undefined && cursor >= 0 ? lineOfPosition(chunk, cursor + 1) : chunk.line,
        message: (error as Error).message,
      });
      continue;
    }
    const bytes = Buffer.from(chunk.sql, 'utf8');
    for (const raw of result.stmts ?? []) {
      if (!raw.stmt) continue;
      const from = charOffset(bytes, raw.stmt_location ?? 0);
      const to = raw.stmt_len ? charOffset(bytes, (raw.stmt_location ?? 0) + raw.stmt_len) : chunk.sql.length;
      const start = skipTrivia(chunk.sql, from);
      statements.push({
        migration,
        line: lineOfPosition(chunk, start + 1),
        node: raw.stmt,
        text: chunk.sql.slice(start, to).trim(),
      });
    }
  }
  return { statements, failures };
}
