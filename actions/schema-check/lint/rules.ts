import type { Severity } from '../../lib/migrations/model';

export interface RuleDefinition {
  severity: Severity;
  /** What goes wrong in production, for the README. */
  why: string;
  /** The safe way to get the same result, shown with every finding. */
  alternative: string;
  /** Style rules many teams want but not all: they run only when `lint-enable` names them. */
  optIn?: true;
}

const OUTSIDE_TRANSACTION =
  'in a migration whose first line is `-- schema-actions:no-transaction`, with `--> statement-breakpoint` between it and any other statement, and `transaction: each` given to both schema-check and migrate-with-telemetry (which then apply that file outside a transaction)';

/** Every rule, its default severity and its safe alternative. Ids are what `lint-ignore`, `lint-enable` and ignore comments name. */
export const RULES = {
  'drop-table': {
    severity: 'error',
    why: 'The running release still reads and writes the table until the new one is live, and the data is gone.',
    alternative:
      'Deploy a release that no longer reads or writes the table first, then drop it in a later deploy (keep a backup or snapshot).',
  },
  'drop-column': {
    severity: 'error',
    why: 'The running release still selects or inserts the column; its queries fail until the new release is live.',
    alternative:
      'Deploy code that no longer uses the column first (remove it from the Drizzle schema in one release), then drop it in a later deploy.',
  },
  'rename-table': {
    severity: 'error',
    why: 'The running release still uses the old name.',
    alternative:
      'Create the new table (or a view with the new name), move the code over, then drop the old one in a later deploy.',
  },
  'rename-column': {
    severity: 'error',
    why: 'The running release still uses the old name.',
    alternative:
      'Add the new column, write to both and backfill, switch reads, then drop the old column in a later deploy.',
  },
  'alter-column-type': {
    severity: 'error',
    why: 'Most type changes rewrite the table (or recheck every row) under an ACCESS EXCLUSIVE lock: no reads or writes meanwhile.',
    alternative:
      'Add a new column with the new type, backfill it in batches, switch the code, then drop the old column in a later deploy. Widening varchar(n) to a larger n or to text is safe.',
  },
  'add-not-null-column-without-default': {
    severity: 'error',
    why: 'Fails on every environment where the table has rows.',
    alternative: 'Add the column with a DEFAULT, or add it nullable, backfill, then SET NOT NULL.',
  },
  'add-column-volatile-default': {
    severity: 'error',
    why: 'A default PostgreSQL must compute per row (gen_random_uuid(), random(), clock_timestamp(), a serial or identity column) rewrites the whole table under an ACCESS EXCLUSIVE lock. Constant and stable defaults such as now() are stored once and cost nothing.',
    alternative:
      'Add the column without a default (or with a constant one), set the volatile default with ALTER COLUMN ... SET DEFAULT (applies to new rows only), then backfill existing rows in batches.',
  },
  'add-column-stored-generated': {
    severity: 'error',
    why: 'A STORED generated column is computed for every existing row: the table is rewritten under an ACCESS EXCLUSIVE lock.',
    alternative:
      'Add a plain nullable column, fill new rows with a trigger, backfill existing rows in batches, or compute the value in a view or in the query (PostgreSQL 18 also has VIRTUAL generated columns, which are not stored).',
  },
  'set-not-null': {
    severity: 'warning',
    why: 'SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock, unless a validated CHECK (col IS NOT NULL) already proves it.',
    alternative:
      'First ADD CONSTRAINT ... CHECK (col IS NOT NULL) NOT VALID; in a later deploy VALIDATE CONSTRAINT and then SET NOT NULL (PostgreSQL 12+ uses the validated check and skips the scan).',
  },
  'drop-not-null': {
    severity: 'warning',
    why: 'The running release may rely on the column never being NULL (reads that do not expect NULL, code generated from the schema).',
    alternative: 'Deploy code that copes with NULL in this column first, then drop the constraint in a later deploy.',
  },
  'drop-default': {
    severity: 'warning',
    why: 'The running release may insert rows without the column and rely on the default; without it they get NULL or fail a NOT NULL.',
    alternative: 'Deploy code that always writes the column first, then drop the default in a later deploy.',
  },
  'create-index-without-concurrently': {
    severity: 'warning',
    why: 'CREATE INDEX blocks every write to the table while it builds.',
    alternative: `Use CREATE INDEX CONCURRENTLY ${OUTSIDE_TRANSACTION}.`,
  },
  'drop-index-without-concurrently': {
    severity: 'warning',
    why: 'DROP INDEX takes an ACCESS EXCLUSIVE lock on the table: it waits for running queries and blocks all new ones meanwhile.',
    alternative: `Use DROP INDEX CONCURRENTLY ${OUTSIDE_TRANSACTION}.`,
  },
  'reindex-without-concurrently': {
    severity: 'warning',
    why: 'REINDEX blocks writes to the table, and queries that would use the index, until it is rebuilt.',
    alternative: `Use REINDEX ... CONCURRENTLY (PostgreSQL 12+) ${OUTSIDE_TRANSACTION}.`,
  },
  'concurrently-in-transaction': {
    severity: 'error',
    why: "PostgreSQL refuses CONCURRENTLY inside a transaction block: Drizzle's transaction, an explicit BEGIN, a DO block, or a chunk holding several statements (which PostgreSQL runs as one implicit transaction). The deploy fails.",
    alternative: `Run it ${OUTSIDE_TRANSACTION}; or drop CONCURRENTLY if the table is small.`,
  },
  'add-foreign-key-without-not-valid': {
    severity: 'warning',
    why: 'Adding a foreign key checks every row while it locks writes on both tables.',
    alternative:
      'Add it with NOT VALID, then run ALTER TABLE ... VALIDATE CONSTRAINT in a later deploy. A REFERENCES written inside ADD COLUMN cannot be NOT VALID: add the column first, then the constraint.',
  },
  'add-check-without-not-valid': {
    severity: 'warning',
    why: 'Adding a CHECK scans the whole table under an ACCESS EXCLUSIVE lock.',
    alternative:
      'Add it with NOT VALID, then VALIDATE CONSTRAINT in a later deploy. A CHECK written inside ADD COLUMN cannot be NOT VALID: add the column first, then the constraint.',
  },
  'validate-in-same-deploy': {
    severity: 'warning',
    why: 'NOT VALID followed by VALIDATE helps only when the two commit separately. Drizzle applies every pending migration in one transaction, so the lock ADD CONSTRAINT took is still held while VALIDATE scans the table: the same outage as adding the constraint validated, spread over two migrations.',
    alternative:
      'Ship the NOT VALID constraint in one deploy and VALIDATE CONSTRAINT in a later deploy (a migration merged after the first one is in production).',
  },
  'add-unique-constraint': {
    severity: 'warning',
    why: 'A UNIQUE or PRIMARY KEY constraint builds its index while writes to the table are blocked.',
    alternative: `First CREATE UNIQUE INDEX CONCURRENTLY ${OUTSIDE_TRANSACTION}; then ADD CONSTRAINT ... UNIQUE USING INDEX (or PRIMARY KEY USING INDEX), which takes only a brief lock.`,
  },
  'drop-type': {
    severity: 'warning',
    why: 'Running code or columns may still use the type.',
    alternative:
      'Make sure no running code or column still uses the type; drop it in a deploy after the code stopped using it.',
  },
  truncate: {
    severity: 'error',
    why: 'TRUNCATE deletes every row in every environment, production included.',
    alternative: 'Delete data deliberately with a WHERE clause, or move it aside first.',
  },
  'delete-without-where': {
    severity: 'error',
    why: 'Deletes every row of the table in every environment.',
    alternative: 'Add a WHERE clause naming the rows to delete.',
  },
  'update-without-where': {
    severity: 'warning',
    why: 'Rewrites every row in one transaction, locking them all until Drizzle commits.',
    alternative: 'Add a WHERE clause, or backfill in batches outside the migration.',
  },
  'vacuum-full': {
    severity: 'error',
    why: "VACUUM FULL rewrites the table under an ACCESS EXCLUSIVE lock; inside Drizzle's transaction it does not even run (VACUUM cannot run in a transaction block).",
    alternative:
      'Leave space reclamation to autovacuum, or use pg_repack / pg_squeeze outside the deploy, which rewrite the table without holding the lock.',
  },
  cluster: {
    severity: 'error',
    why: 'CLUSTER rewrites the table in index order under an ACCESS EXCLUSIVE lock.',
    alternative:
      'Use pg_repack (with --order-by) outside the deploy, which reorders the table without holding the lock.',
  },
  'transaction-control': {
    severity: 'warning',
    why: 'Drizzle runs every pending migration in one transaction. A COMMIT ends it early: the statements and migrations after it are no longer atomic, so a failure leaves part of the deploy applied. A ROLLBACK silently discards what the deploy applied before it. (A CREATE INDEX CONCURRENTLY alone in a chunk after such a COMMIT does run.)',
    alternative: `Remove BEGIN, COMMIT and ROLLBACK and let Drizzle's transaction do its job; for a statement that cannot run in a transaction, run it ${OUTSIDE_TRANSACTION}.`,
  },
  'identifier-too-long': {
    severity: 'warning',
    why: 'PostgreSQL silently truncates identifiers to 63 bytes, so the object gets another name than the migration and the Drizzle schema say, and two long names with the same first 63 bytes collide. drizzle-kit derives foreign-key names from both tables and columns, which often passes the limit.',
    alternative:
      'Give the object an explicit name of at most 63 bytes (for a Drizzle foreign key, `foreignKey({ name, columns, foreignColumns })`).',
  },
  'prefer-timestamptz': {
    severity: 'warning',
    optIn: true,
    why: 'timestamp without time zone stores wall-clock time with no zone: values written by servers or sessions in different time zones cannot be compared.',
    alternative: 'Use timestamp with time zone (`timestamptz`; in Drizzle `timestamp(name, { withTimezone: true })`).',
  },
  'prefer-bigint-primary-key': {
    severity: 'warning',
    optIn: true,
    why: 'An integer (or smallint) key runs out at about 2.1 billion (32 767) rows; widening it later rewrites the table and every referencing column.',
    alternative:
      'Use bigint for surrogate primary keys (in Drizzle `bigint(name, { mode: "number" }).generatedAlwaysAsIdentity()`).',
  },
  'prefer-identity': {
    severity: 'warning',
    optIn: true,
    why: 'serial creates a sequence the table does not own in the SQL standard way: permissions, copying the table and changing the type need extra care. Identity columns are the standard replacement.',
    alternative:
      'Use an identity column: `bigint GENERATED ALWAYS AS IDENTITY` (in Drizzle `.generatedAlwaysAsIdentity()`).',
  },
} satisfies Record<string, RuleDefinition>;

export type RuleId = keyof typeof RULES;

export const OPT_IN_RULES = (Object.keys(RULES) as RuleId[]).filter((id) => 'optIn' in RULES[id]);

export function isRuleId(id: string): id is RuleId {
  return Object.prototype.hasOwnProperty.call(RULES, id);
}

/** A rule violation found in one statement, before its location and severity are attached. */
export interface Violation {
  rule: RuleId;
  message: string;
  /** A line inside the statement when the problem is there (a long identifier); the statement's line otherwise. */
  line?: number;
}

/**
 * The rule that observed effects add (schema-check/effects.ts); not a static rule, but ignorable by id. Declared here,
 * with the rule ids, so that effects.ts does not load the linter and its parser.
 */
export const OBSERVED_REWRITE = 'observed-rewrite';
