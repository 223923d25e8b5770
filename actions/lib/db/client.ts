/**
 * The one interface the actions use to talk to PostgreSQL, whether a real server (through `pg`) or the embedded
 * PGlite. `exec` sends SQL as node-postgres's simple query protocol does, so a migration chunk holding several
 * statements runs the same way on both.
 */
export interface SqlClient {
  readonly kind: 'postgres' | 'pglite';
  /** A parameterised query returning rows (extended protocol: one statement only). */
  query<Row extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** One or more statements without parameters (simple protocol). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** The fields PostgreSQL puts on an error, as both `pg` and PGlite expose them. */
export interface PostgresErrorFields {
  message: string;
  code?: string;
  /** 1-based character offset into the statement text that was sent. */
  position?: number;
  detail?: string;
  hint?: string;
  where?: string;
}

export function postgresErrorFields(error: unknown): PostgresErrorFields {
  const e = error as Partial<Record<string, unknown>> & { message?: string };
  const position = Number(e.position);
  return {
    message: String(e.message ?? error),
    code: typeof e.code === 'string' ? e.code : undefined,
    position: Number.isFinite(position) && position > 0 ? position : undefined,
    detail: typeof e.detail === 'string' ? e.detail : undefined,
    hint: typeof e.hint === 'string' ? e.hint : undefined,
    where: typeof e.where === 'string' ? e.where : undefined,
  };
}

/** Double-quotes an identifier for SQL. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
