import { createHash } from 'node:crypto';
import type { Chunk } from './model';

export const BREAKPOINT = '--> statement-breakpoint';
const NO_TRANSACTION = /^\s*--\s*schema-actions:no-transaction\b/;

/**
 * Splits a migration file exactly as drizzle-orm's readMigrationFiles does (on `--> statement-breakpoint`, nothing
 * trimmed), and remembers where each chunk starts so errors can point at a line. Chunks holding only whitespace or
 * comments are dropped, since PostgreSQL would answer them with an empty query.
 */
export function splitChunks(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let line = 1;
  for (const piece of text.split(BREAKPOINT)) {
    const leading = piece.match(/^\s*/)?.[0] ?? '';
    if (hasStatement(piece)) chunks.push({ sql: piece, line: line + countNewlines(leading) });
    line += countNewlines(piece);
  }
  return chunks;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function wantsNoTransaction(text: string): boolean {
  const firstLine = text.split('\n').find((l) => l.trim() !== '') ?? '';
  return NO_TRANSACTION.test(firstLine);
}

/** The file line of a 1-based character position inside a chunk (PostgreSQL's error position). */
export function lineOfPosition(chunk: Chunk, position: number): number {
  const leading = chunk.sql.match(/^\s*/)?.[0] ?? '';
  const startOfText = chunk.line - countNewlines(leading);
  return startOfText + countNewlines(chunk.sql.slice(0, Math.max(0, position - 1)));
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

function hasStatement(text: string): boolean {
  const withoutComments = text.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
  return withoutComments.trim() !== '';
}
