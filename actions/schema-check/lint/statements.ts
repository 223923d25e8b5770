import type { Node } from 'libpg-query';
import { lineOfPosition } from '../../lib/migrations/chunks';
import type { Chunk, Migration } from '../../lib/migrations/model';
import type { SqlParser } from './parser';
import { embeddedStatements, plpgsqlBody } from './plpgsql';

export interface ParsedStatement {
  migration: Migration;
  /** 1-based line in the migration file where the statement's first keyword is. */
  line: number;
  node: Node;
  /** The statement's text, for messages and the lexer. */
  text: string;
  /** Index of the chunk (the text between two `--> statement-breakpoint`s) the statement is sent in. */
  chunk: number;
  /** How many statements that chunk holds: more than one makes it an implicit transaction. */
  chunkStatements: number;
  /** For a statement inside a `DO` block: the line of that `DO`. */
  doLine?: number;
}

export interface ParseFailure {
  migration: Migration;
  line: number;
  message: string;
  /** A DO body only fails when the block runs, which the apply step shows: here it means unlinted statements. */
  inDoBlock?: true;
}

interface Parsed {
  statements: ParsedStatement[];
  failures: ParseFailure[];
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

function errorCursor(error: unknown): number | undefined {
  const cursor = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails?.cursorPosition;
  return cursor !== undefined && cursor >= 0 ? cursor : undefined;
}

/**
 * Every statement of a migration, parsed by PostgreSQL's parser, with the file line it starts on. The SQL inside a
 * PL/pgSQL `DO` block follows its `DO`, parsed by PL/pgSQL's own parser, each at its own line.
 */
export async function parseMigration(parser: SqlParser, migration: Migration): Promise<Parsed> {
  const out: Parsed = { statements: [], failures: [] };
  for (const [index, chunk] of migration.chunks.entries()) {
    let result;
    try {
      result = await parser.parse(chunk.sql);
    } catch (error) {
      const cursor = errorCursor(error);
      const line = cursor !== undefined ? lineOfPosition(chunk, cursor + 1) : chunk.line;
      out.failures.push({ migration, line, message: (error as Error).message });
      continue;
    }
    const bytes = Buffer.from(chunk.sql, 'utf8');
    const raws = (result.stmts ?? []).filter((raw) => raw.stmt);
    for (const raw of raws) {
      const from = charOffset(bytes, raw.stmt_location ?? 0);
      const to = raw.stmt_len ? charOffset(bytes, (raw.stmt_location ?? 0) + raw.stmt_len) : chunk.sql.length;
      const start = skipTrivia(chunk.sql, from);
      const statement: ParsedStatement = {
        migration,
        line: lineOfPosition(chunk, start + 1),
        node: raw.stmt!,
        text: chunk.sql.slice(start, to).trim(),
        chunk: index,
        chunkStatements: raws.length,
      };
      out.statements.push(statement);
      if ('DoStmt' in statement.node) await expandDoBlock(parser, statement, chunk, bytes, out);
    }
  }
  return out;
}

/** Adds the statements a `DO` block runs, right after it; a body PL/pgSQL rejects is a parse failure at its line. */
async function expandDoBlock(
  parser: SqlParser,
  statement: ParsedStatement,
  chunk: Chunk,
  bytes: Buffer,
  out: Parsed,
): Promise<void> {
  const body = 'DoStmt' in statement.node ? plpgsqlBody(statement.node.DoStmt) : undefined;
  if (!body) return;
  const bodyLine = lineOfPosition(chunk, charOffset(bytes, body.location) + 1);
  let tree: unknown;
  try {
    tree = await parser.parsePlPgSQL(statement.text);
  } catch (error) {
    const message = (error as Error).message;
    out.failures.push({ migration: statement.migration, line: statement.line, message, inDoBlock: true });
    return;
  }
  for (const embedded of embeddedStatements(tree)) {
    let result;
    try {
      result = await parser.parse(embedded.sql);
    } catch {
      // PL/pgSQL accepted it, so it refers to the block's own variables in a way plain SQL cannot parse.
      continue;
    }
    for (const raw of result.stmts ?? []) {
      if (!raw.stmt) continue;
      out.statements.push({
        ...statement,
        line: bodyLine + embedded.bodyLine - 1,
        node: raw.stmt,
        text: embedded.sql,
        doLine: statement.line,
      });
    }
  }
}
