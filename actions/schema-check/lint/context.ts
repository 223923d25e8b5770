import type { TransactionPolicy } from '../../lib/migrations/executor';
import type { AlterTableCmd, Node } from 'libpg-query';
import type { Catalog } from '../../lib/catalog';
import type { Migration } from '../../lib/migrations/model';
import type { SqlParser } from './parser';
import { nameOf, notNullColumns, qualified, qualifiedName } from './sql-tree';
import type { ParsedStatement } from './statements';

/**
 * The transaction block a statement runs in, if any: Drizzle's own (every pending migration in one), one an explicit
 * BEGIN opened, the implicit one PostgreSQL wraps around a query holding several statements, or a DO block's.
 */
export type TransactionBlock = 'drizzle' | 'explicit' | 'implicit' | 'do-block';

/** What the rules know about the deploy when they look at one statement. */
export interface RuleContext {
  /** Tables created earlier in the change (`schema.table`): changing a table nobody uses yet is safe. */
  isNewTable(table: string): boolean;
  isNewIndex(index: string): boolean;
  isNewType(type: string): boolean;
  /** The column's type before the change (format_type text), when known. */
  columnType(table: string, column: string): string | undefined;
  /** A validated CHECK (col IS NOT NULL) exists, before the change or added earlier in it. */
  hasNotNullProof(table: string, column: string): boolean;
  /** Where this deploy added the constraint NOT VALID (`0003_x.sql:4`), if it did. */
  notValidAdded(table: string, constraint: string): string | undefined;
  transaction: TransactionBlock | undefined;
  /** Whether the migration runs inside Drizzle's transaction (no `-- schema-actions:no-transaction`). */
  transactional: boolean;
  /** Whether an opt-in style rule is on: only then is every column's type looked at. */
  style: boolean;
}

interface PendingConstraint {
  where: string;
  notNull: string[];
}

/** Columns proven NOT NULL by a validated CHECK in the schema before the change (`schema.table.column`). */
export async function notNullProofsIn(parser: SqlParser, catalog: Catalog | undefined): Promise<Set<string>> {
  const proofs = new Set<string>();
  for (const table of catalog?.tables ?? []) {
    for (const constraint of table.constraints) {
      if (constraint.kind !== 'check' || !/IS NOT NULL/i.test(constraint.definition)) continue;
      const sql = `ALTER TABLE t ADD CONSTRAINT c ${constraint.definition}`;
      const cmd = (await parser.parse(sql)).stmts?.[0]?.stmt;
      const parsed = cmd && 'AlterTableStmt' in cmd ? cmd.AlterTableStmt.cmds?.[0] : undefined;
      const check = parsed && 'AlterTableCmd' in parsed ? addedConstraint(parsed.AlterTableCmd) : undefined;
      if (!check || check.skip_validation) continue;
      for (const column of notNullColumns(check.raw_expr)) proofs.add(`${table.schema}.${table.name}.${column}`);
    }
  }
  return proofs;
}

function typeCreated(node: Node): string | undefined {
  if ('CreateEnumStmt' in node) return (node.CreateEnumStmt.typeName ?? []).map(nameOf).join('.');
  if ('CreateRangeStmt' in node) return (node.CreateRangeStmt.typeName ?? []).map(nameOf).join('.');
  if ('CompositeTypeStmt' in node) return qualified(node.CompositeTypeStmt.typevar);
  return undefined;
}

function addedConstraint(cmd: AlterTableCmd) {
  return cmd.subtype === 'AT_AddConstraint' && cmd.def && 'Constraint' in cmd.def ? cmd.def.Constraint : undefined;
}

/**
 * Follows the deploy statement by statement, as Drizzle would run it, to answer what each rule needs to know about
 * what came before: tables and indexes created, constraints added NOT VALID, and the transaction block in force.
 */
export class DeployState {
  private readonly tables = new Set<string>();
  private readonly indexes = new Set<string>();
  private readonly types = new Set<string>();
  private readonly notValid = new Map<string, PendingConstraint>();
  private transaction: 'drizzle' | 'explicit' | undefined;
  private previousTransactional = false;

  constructor(
    private readonly notNullProofs: Set<string>,
    private readonly columnType: (table: string, column: string) => string | undefined,
    private readonly style: boolean,
    private readonly policy: TransactionPolicy,
  ) {}

  /**
   * The deploy's transactions, as the executor plans them: with `all` one transaction for every pending migration
   * (Drizzle's way), with `each` one per migration; a no-transaction file runs outside any.
   */
  startMigration(migration: Migration): void {
    if (migration.noTransaction) this.transaction = undefined;
    else if (!this.previousTransactional || this.policy === 'each') this.transaction = 'drizzle';
    // A NOT VALID constraint committed by an earlier migration's own transaction is validated separately.
    if (this.policy === 'each') this.notValid.clear();
    this.previousTransactional = !migration.noTransaction;
  }

  contextFor(statement: ParsedStatement): RuleContext {
    const implicit = statement.chunkStatements > 1 ? 'implicit' : undefined;
    return {
      isNewTable: (table) => this.tables.has(table),
      isNewIndex: (index) => this.indexes.has(index),
      isNewType: (type) => this.types.has(type),
      columnType: this.columnType,
      hasNotNullProof: (table, column) => this.notNullProofs.has(`${table}.${column}`),
      notValidAdded: (table, constraint) => this.notValid.get(`${table}.${constraint}`)?.where,
      transaction: statement.doLine !== undefined ? 'do-block' : (this.transaction ?? implicit),
      transactional: !statement.migration.noTransaction,
      style: this.style,
    };
  }

  /** Takes in what the statement changed, once the rules have looked at it. */
  record(statement: ParsedStatement): void {
    const node: Node = statement.node;
    if ('CreateStmt' in node) this.tables.add(qualified(node.CreateStmt.relation));
    if ('CreateTableAsStmt' in node) this.tables.add(qualified(node.CreateTableAsStmt.into?.rel));
    if ('IndexStmt' in node && node.IndexStmt.idxname) {
      this.indexes.add(`${node.IndexStmt.relation?.schemaname ?? 'public'}.${node.IndexStmt.idxname}`);
    }
    const type = typeCreated(node);
    if (type) this.types.add(qualifiedName(type));
    // Inside a DO block, PostgreSQL refuses transaction control in Drizzle's transaction: the deploy state is unchanged.
    if ('TransactionStmt' in node && statement.doLine === undefined) {
      const kind = node.TransactionStmt.kind;
      if (kind === 'TRANS_STMT_BEGIN' || kind === 'TRANS_STMT_START') this.transaction ??= 'explicit';
      if (kind === 'TRANS_STMT_COMMIT' || kind === 'TRANS_STMT_ROLLBACK') this.transaction = undefined;
    }
    if ('AlterTableStmt' in node) {
      const table = qualified(node.AlterTableStmt.relation);
      for (const cmd of node.AlterTableStmt.cmds ?? []) {
        if ('AlterTableCmd' in cmd) this.recordConstraint(table, cmd.AlterTableCmd, statement);
      }
    }
  }

  private recordConstraint(table: string, cmd: AlterTableCmd, statement: ParsedStatement): void {
    const constraint = addedConstraint(cmd);
    if (constraint) {
      const notNull = constraint.contype === 'CONSTR_CHECK' ? notNullColumns(constraint.raw_expr) : [];
      if (constraint.skip_validation && constraint.conname) {
        const where = `${statement.migration.file}:${statement.line}`;
        this.notValid.set(`${table}.${constraint.conname}`, { where, notNull });
      } else {
        for (const column of notNull) this.notNullProofs.add(`${table}.${column}`);
      }
    }
    if (cmd.subtype === 'AT_ValidateConstraint') {
      for (const column of this.notValid.get(`${table}.${cmd.name}`)?.notNull ?? []) {
        this.notNullProofs.add(`${table}.${column}`);
      }
    }
  }
}
