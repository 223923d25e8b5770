import type { DoStmt } from 'libpg-query';
import { objectsIn } from './sql-tree';

/** One SQL statement a PL/pgSQL block runs, with its line counted from the line where the block's body starts. */
export interface EmbeddedStatement {
  sql: string;
  /** 1-based, relative to the body: 1 is the line holding the opening quote (`$$`). */
  bodyLine: number;
}

/** The body of a `DO` block and its byte offset in the chunk, when its language is PL/pgSQL (the default). */
export function plpgsqlBody(stmt: DoStmt): { location: number } | undefined {
  let location: number | undefined;
  let language = 'plpgsql';
  for (const arg of stmt.args ?? []) {
    if (!('DefElem' in arg)) continue;
    const { defname, arg: value } = arg.DefElem;
    if (defname === 'language' && value && 'String' in value) language = value.String.sval ?? '';
    if (defname === 'as') location = arg.DefElem.location;
  }
  return language.toLowerCase() === 'plpgsql' && location !== undefined ? { location } : undefined;
}

interface PlpgsqlExpr {
  PLpgSQL_expr?: { query?: string };
}

/**
 * The SQL statements in a PL/pgSQL parse tree (libpg-query's parsePlPgSQL), in the order they appear: plain
 * statements anywhere in the block (IF branches, loops, exception handlers), and `EXECUTE` of a constant string.
 */
export function embeddedStatements(tree: unknown): EmbeddedStatement[] {
  const found: EmbeddedStatement[] = [];
  for (const node of objectsIn(tree)) {
    const exec = node.PLpgSQL_stmt_execsql as { lineno?: number; sqlstmt?: PlpgsqlExpr } | undefined;
    const query = exec?.sqlstmt?.PLpgSQL_expr?.query;
    if (exec && query) found.push({ sql: query, bodyLine: exec.lineno ?? 1 });
    const dynamic = node.PLpgSQL_stmt_dynexecute as { lineno?: number; query?: PlpgsqlExpr } | undefined;
    const literal = constantString(dynamic?.query?.PLpgSQL_expr?.query);
    if (dynamic && literal) found.push({ sql: literal, bodyLine: dynamic.lineno ?? 1 });
  }
  return found.sort((a, b) => a.bodyLine - b.bodyLine);
}

/** `'ALTER TABLE ...'` → its text; anything computed (concatenation, format()) → undefined. */
function constantString(expression: string | undefined): string | undefined {
  const match = expression?.trim().match(/^'((?:[^']|'')*)'$/s);
  return match ? match[1]!.replace(/''/g, "'") : undefined;
}
