export type Layout = 'journal' | 'v1';

/** A piece of a migration sent to the database in one go: the text between two `--> statement-breakpoint`s. */
export interface Chunk {
  sql: string;
  /** 1-based line in the migration file where this chunk's text starts. */
  line: number;
}

export interface Migration {
  /** The journal tag (`0003_brave_thor`) or the v1 folder name (`20250101120000_brave_thor`). */
  name: string;
  /** Position in apply order, from 0. */
  index: number;
  /** Path of the SQL file relative to the project root (for annotations). */
  file: string;
  absolutePath: string;
  /** The file's text exactly as read; the ledger hash is computed over it. */
  sql: string;
  /** sha256 hex of `sql`, as Drizzle stores it. */
  hash: string;
  /** What Drizzle writes to `created_at`: the journal's `when`, or the v1 folder's timestamp in ms. */
  createdAt: number;
  chunks: Chunk[];
  /** The file opts out of a transaction with `-- schema-actions:no-transaction` (e.g. CREATE INDEX CONCURRENTLY). */
  noTransaction: boolean;
}

export interface MigrationSet {
  layout: Layout;
  /** Absolute path of the migrations folder. */
  dir: string;
  /** The folder as the user would write it, relative to the project root. */
  displayDir: string;
  migrations: Migration[];
  /** Problems found while reading that do not stop Drizzle from running (journal.ts and v1.ts find them). */
  problems: IntegrityProblem[];
}

export type Severity = 'error' | 'warning';

export interface IntegrityProblem {
  code: string;
  severity: Severity;
  message: string;
  file?: string;
  line?: number;
}
