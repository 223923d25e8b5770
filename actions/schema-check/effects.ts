import type { SqlClient } from '../lib/db/client';
import type { ExecuteHooks, MigrationTiming, StatementStep } from '../lib/migrations/executor';
import { preciseNow } from '../lib/time';
import type { Finding } from './findings';
import { OBSERVED_REWRITE } from './lint/rules';

/** What PostgreSQL did to a relation that existed before the change, while one new statement ran. */
export interface Effect {
  migration: string;
  file: string;
  /** Line of the statement's first keyword in the migration file. */
  line: number;
  /** `schema.name` as it was before the change. */
  relation: string;
  /**
   * PostgreSQL's lock mode (AccessExclusiveLock, …). Null outside a transaction: the lock is released when the
   * statement ends, before it can be read from pg_locks.
   */
  lock: string | null;
  rewrite: boolean;
  /** A sequential scan counted in pg_stat_xact_user_tables; only observable inside a transaction. */
  scan: boolean;
  'held-until': 'commit' | 'end of statement';
  /** Statements of the transaction run after this one, before its commit. */
  'statements-later': number;
  /** Milliseconds from the end of this statement to the commit. */
  'ms-later': number;
}

interface Relation {
  name: string;
  filenode: number;
}

interface Pending extends Omit<Effect, 'statements-later' | 'ms-later'> {
  statementNumber: number;
  endedAt: number;
}

/** Read-only catalog queries only: the observer runs inside the migrations' transaction and must not change it. */
const RELATIONS_SQL = `SELECT c.oid::int AS oid, n.nspname || '.' || c.relname AS name, c.relfilenode::int AS filenode
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'm')
    AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%'
    AND n.nspname || '.' || c.relname <> $1`;
const LOCKS_SQL = `SELECT relation::int AS oid, mode FROM pg_locks
  WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted AND relation = ANY($1::oid[])`;
const FILENODES_SQL = `SELECT oid::int AS oid, relfilenode::int AS filenode FROM pg_class WHERE oid = ANY($1::oid[])`;
const SCANS_SQL = `SELECT relid::int AS oid, coalesce(seq_scan, 0)::int AS scans FROM pg_stat_xact_user_tables
  WHERE relid = ANY($1::oid[])`;

/**
 * Watches the new migrations through the executor's hooks: locks of its own backend, relfilenode changes (a
 * rewrite) and sequential-scan counts, for every relation that existed before them.
 */
export class EffectsObserver {
  private relations = new Map<number, Relation>();
  private pending: Pending[] = [];
  private readonly done: Effect[] = [];
  private seenLocks = new Set<string>();
  private scansBefore = new Map<number, number>();
  private statements = 0;

  constructor(private readonly ledgerTable: string) {}

  /** Call before the new migrations. */
  async snapshot(client: SqlClient): Promise<void> {
    const rows = await client.query<{ oid: number; name: string; filenode: number }>(RELATIONS_SQL, [this.ledgerTable]);
    this.relations = new Map(rows.map((r) => [r.oid, { name: r.name, filenode: r.filenode }]));
  }

  hooks(client: SqlClient): ExecuteHooks {
    return {
      beforeStatement: async (step) => {
        if (step.transactional) this.scansBefore = await this.scans(client);
      },
      afterStatement: async (step) => {
        await this.observe(client, step);
      },
      committed: (timings) => this.commit(timings),
    };
  }

  effects(): Effect[] {
    return [...this.done];
  }

  private oids(): number[] {
    return [...this.relations.keys()];
  }

  private async scans(client: SqlClient): Promise<Map<number, number>> {
    if (!this.relations.size) return new Map();
    const rows = await client.query<{ oid: number; scans: number }>(SCANS_SQL, [this.oids()]);
    return new Map(rows.map((r) => [r.oid, r.scans]));
  }

  private async observe(client: SqlClient, step: StatementStep): Promise<void> {
    if (!this.relations.size) return;
    this.statements++;
    const filenodes = await client.query<{ oid: number; filenode: number }>(FILENODES_SQL, [this.oids()]);
    const rewritten = new Set<number>();
    for (const row of filenodes) {
      const relation = this.relations.get(row.oid)!;
      if (relation.filenode !== 0 && row.filenode !== relation.filenode) rewritten.add(row.oid);
      relation.filenode = row.filenode;
    }
    const scanned = new Set<number>();
    const locks = new Map<number, string[]>();
    if (step.transactional) {
      for (const [oid, count] of await this.scans(client))
        if (count > (this.scansBefore.get(oid) ?? 0)) scanned.add(oid);
      const rows = await client.query<{ oid: number; mode: string }>(LOCKS_SQL, [this.oids()]);
      for (const row of rows) {
        const key = `${row.oid}:${row.mode}`;
        // Locks last until commit: only those this statement added are its own.
        if (this.seenLocks.has(key)) continue;
        this.seenLocks.add(key);
        locks.set(row.oid, [...(locks.get(row.oid) ?? []), row.mode]);
      }
    }
    this.record(step, locks, rewritten, scanned);
  }

  private record(step: StatementStep, locks: Map<number, string[]>, rewritten: Set<number>, scanned: Set<number>) {
    const touched = new Set([...locks.keys(), ...rewritten, ...scanned]);
    const base = {
      migration: step.migration.name,
      file: step.migration.file,
      line: statementLine(step),
      'held-until': step.transactional ? ('commit' as const) : ('end of statement' as const),
      statementNumber: this.statements,
      endedAt: preciseNow(),
    };
    for (const oid of touched) {
      const modes = locks.get(oid) ?? [null];
      for (const lock of modes) {
        const effect = { ...base, relation: this.relations.get(oid)!.name, lock };
        this.pending.push({ ...effect, rewrite: rewritten.has(oid), scan: scanned.has(oid) });
      }
    }
  }

  private commit(timings: MigrationTiming[]): void {
    const now = preciseNow();
    const names = new Set(timings.map((t) => t.migration.name));
    for (const { statementNumber, endedAt, ...effect } of this.pending) {
      if (!names.has(effect.migration)) continue;
      const held = effect['held-until'] === 'commit';
      this.done.push({
        ...effect,
        'statements-later': held ? this.statements - statementNumber : 0,
        'ms-later': held ? Math.round(now - endedAt) : 0,
      });
    }
    this.pending = [];
    this.seenLocks.clear();
    this.statements = 0;
  }
}

/** The chunk's first keyword: its first line may be a comment or blank. */
function statementLine(step: StatementStep): number {
  const lines = step.chunk.sql.split('\n');
  const first = lines.findIndex((l) => !/^\s*(--.*)?$/.test(l));
  return step.chunk.line + Math.max(first, 0);
}

/**
 * Confirms or refutes lint with what PostgreSQL did: a rewrite of an existing table is an error with that
 * evidence; a type change observed not to rewrite (a safe widening) loses its alter-column-type finding.
 */
/**
 * Lint confirmed or refuted by what PostgreSQL did. A rewrite observed where a static rule already flagged the
 * statement confirms that finding (its message gains the evidence); where the user silenced the rule with an ignore
 * comment, the rewrite was acknowledged and stays silent; where no rule saw it coming, it is an `observed-rewrite`
 * error. A type change observed not to rewrite is not flagged.
 */
export function judgeWithEffects(
  lint: Finding[],
  effects: Effect[],
  suppressed: { file: string; line: number }[] = [],
): Finding[] {
  const at = (f: { file?: string; line?: number }) => `${f.file}:${f.line}`;
  const rewrites = effects.filter((e) => e.rewrite);
  const rewroteAt = new Set(rewrites.map(at));
  const observedAt = new Set(effects.map(at));
  const acknowledged = new Set(suppressed.map(at));
  const kept = lint.filter((f) => !(f.rule === 'alter-column-type' && observedAt.has(at(f)) && !rewroteAt.has(at(f))));
  const seen = new Set<string>();
  const observed: Finding[] = [];
  const confirmed = new Map<Finding, string[]>();
  for (const e of rewrites) {
    const key = `${at(e)}:${e.relation}`;
    if (seen.has(key) || acknowledged.has(at(e))) continue;
    seen.add(key);
    const evidence = `rewrote ${e.relation} when applied (its relfilenode changed)${e.lock ? ` under ${lockName(e.lock)}, held until ${e['held-until']}` : ''}`;
    const flagged = kept.find((f) => at(f) === at(e));
    if (flagged) {
      confirmed.set(flagged, [...(confirmed.get(flagged) ?? []), evidence]);
      continue;
    }
    observed.push({
      check: 'lint',
      rule: OBSERVED_REWRITE,
      severity: 'error',
      migration: e.migration,
      file: e.file,
      line: e.line,
      message: `${e.migration}: ${evidence}: on a large table every row is copied while it is locked`,
      alternative:
        'Add the column without the volatile default (or nullable), backfill it in batches, then set the default; change a type through a new column.',
    });
  }
  const withEvidence = kept.map((f) =>
    confirmed.has(f) ? { ...f, message: `${f.message} Observed: ${confirmed.get(f)!.join('; ')}.` } : f,
  );
  return [...withEvidence, ...observed];
}

/** AccessExclusiveLock → ACCESS EXCLUSIVE, as PostgreSQL's documentation names the modes. */
export function lockName(mode: string): string {
  return mode
    .replace(/Lock$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toUpperCase();
}
