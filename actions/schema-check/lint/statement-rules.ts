import type { DropStmt, Node, TransactionStmt } from 'libpg-query';
import { alterTableViolations } from './alter-table';
import { createTableStyleViolations } from './columns';
import type { RuleContext, TransactionBlock } from './context';
import type { Violation } from './rules';
import { nameOf, qualified, qualifiedName } from './sql-tree';

const BLOCKS: Record<TransactionBlock, string> = {
  drizzle: 'Drizzle runs every pending migration in one transaction',
  explicit: 'it runs inside the transaction an explicit BEGIN opened',
  implicit:
    'it shares its chunk with other statements (no `--> statement-breakpoint` between them), and PostgreSQL runs a query holding several statements as one implicit transaction',
  'do-block': 'it runs inside a DO block, where PostgreSQL refuses it ("cannot be executed from a function")',
};

function concurrently(what: string, context: RuleContext): Violation[] {
  if (!context.transaction) return [];
  return [
    {
      rule: 'concurrently-in-transaction',
      message: `${what} CONCURRENTLY cannot run inside a transaction block, and ${BLOCKS[context.transaction]}: this migration fails when deployed`,
    },
  ];
}

const hasOption = (options: Node[] | undefined, name: string) =>
  (options ?? []).some((o) => 'DefElem' in o && o.DefElem.defname === name);

/** The rule violations of one parsed statement. */
export function statementViolations(node: Node, context: RuleContext): Violation[] {
  if ('IndexStmt' in node) {
    const stmt = node.IndexStmt;
    const table = qualified(stmt.relation);
    if (stmt.concurrent) return concurrently('CREATE INDEX', context);
    if (context.isNewTable(table)) return [];
    const name = stmt.idxname ? `index ${stmt.idxname}` : 'an index';
    return [
      {
        rule: 'create-index-without-concurrently',
        message: `creates ${name} on existing table ${table} without CONCURRENTLY, blocking writes while it builds`,
      },
    ];
  }
  if ('DropStmt' in node) return dropViolations(node.DropStmt, context);
  if ('ReindexStmt' in node) {
    const stmt = node.ReindexStmt;
    if (hasOption(stmt.params, 'concurrently')) return concurrently('REINDEX', context);
    const target = stmt.relation ? qualified(stmt.relation) : (stmt.name ?? 'the database');
    if (context.isNewTable(target) || context.isNewIndex(target)) return [];
    return [
      {
        rule: 'reindex-without-concurrently',
        message: `reindexes ${target} without CONCURRENTLY, blocking writes while it rebuilds`,
      },
    ];
  }
  if ('VacuumStmt' in node) {
    const stmt = node.VacuumStmt;
    if (!stmt.is_vacuumcmd || !hasOption(stmt.options, 'full')) return [];
    const tables = (stmt.rels ?? []).flatMap((r) =>
      'VacuumRelation' in r ? [qualified(r.VacuumRelation.relation)] : [],
    );
    if (tables.length > 0 && tables.every((t) => context.isNewTable(t))) return [];
    const what = tables.length ? tables.join(', ') : 'every table of the database';
    return [{ rule: 'vacuum-full', message: `VACUUM FULL rewrites ${what} under an ACCESS EXCLUSIVE lock` }];
  }
  if ('ClusterStmt' in node) {
    const table = node.ClusterStmt.relation ? qualified(node.ClusterStmt.relation) : undefined;
    if (table && context.isNewTable(table)) return [];
    const what = table ?? 'every previously clustered table';
    return [{ rule: 'cluster', message: `CLUSTER rewrites ${what} under an ACCESS EXCLUSIVE lock` }];
  }
  if ('TransactionStmt' in node) return transactionViolations(node.TransactionStmt, context);
  if ('RenameStmt' in node) {
    const stmt = node.RenameStmt;
    const table = qualified(stmt.relation);
    if (context.isNewTable(table)) return [];
    if (stmt.renameType === 'OBJECT_TABLE') {
      return [
        {
          rule: 'rename-table',
          message: `renames table ${table} to ${stmt.newname}; running code that uses the old name breaks`,
        },
      ];
    }
    if (stmt.renameType === 'OBJECT_COLUMN') {
      return [
        {
          rule: 'rename-column',
          message: `renames column ${table}.${stmt.subname} to ${stmt.newname}; running code that uses the old name breaks`,
        },
      ];
    }
    return [];
  }
  if ('CreateStmt' in node) return context.style ? createTableStyleViolations(node.CreateStmt) : [];
  if ('AlterTableStmt' in node) return alterTableViolations(node.AlterTableStmt, context);
  if ('TruncateStmt' in node) {
    const tables = (node.TruncateStmt.relations ?? []).flatMap((r) => ('RangeVar' in r ? [qualified(r.RangeVar)] : []));
    if (tables.every((t) => context.isNewTable(t))) return [];
    return [{ rule: 'truncate', message: `truncates ${tables.join(', ')}, deleting every row` }];
  }
  if ('DeleteStmt' in node) {
    const stmt = node.DeleteStmt;
    const table = qualified(stmt.relation);
    if (stmt.whereClause || context.isNewTable(table)) return [];
    return [{ rule: 'delete-without-where', message: `deletes every row of ${table}` }];
  }
  if ('UpdateStmt' in node) {
    const stmt = node.UpdateStmt;
    const table = qualified(stmt.relation);
    if (stmt.whereClause || context.isNewTable(table)) return [];
    return [{ rule: 'update-without-where', message: `updates every row of ${table} in one transaction` }];
  }
  return [];
}

function dropViolations(stmt: DropStmt, context: RuleContext): Violation[] {
  if (stmt.concurrent) return concurrently('DROP INDEX', context);
  const objects = (stmt.objects ?? []).map((o) => qualifiedName(nameOf(o)));
  switch (stmt.removeType) {
    case 'OBJECT_TABLE':
      return objects
        .filter((o) => !context.isNewTable(o))
        .map((o) => ({ rule: 'drop-table' as const, message: `drops table ${o} and all its data` }));
    case 'OBJECT_INDEX':
      return objects
        .filter((o) => !context.isNewIndex(o))
        .map((o) => ({
          rule: 'drop-index-without-concurrently' as const,
          message: `drops index ${o} without CONCURRENTLY, taking an ACCESS EXCLUSIVE lock on its table`,
        }));
    case 'OBJECT_TYPE': {
      const existing = objects.filter((o) => !context.isNewType(o));
      return existing.length ? [{ rule: 'drop-type', message: `drops type ${existing.join(', ')}` }] : [];
    }
    default:
      return [];
  }
}

const TRANSACTION_EFFECTS: Partial<Record<NonNullable<TransactionStmt['kind']>, string>> = {
  TRANS_STMT_BEGIN:
    "Drizzle already runs the migrations in a transaction, so this BEGIN only draws a warning, and the COMMIT that usually follows ends Drizzle's transaction early",
  TRANS_STMT_START:
    "Drizzle already runs the migrations in a transaction, so this START TRANSACTION only draws a warning, and the COMMIT that usually follows ends Drizzle's transaction early",
  TRANS_STMT_COMMIT:
    "ends Drizzle's transaction early: the statements and migrations after it are no longer atomic, so if one fails, what ran before it stays applied and the deploy is left half done",
  TRANS_STMT_ROLLBACK:
    'discards everything this deploy applied before it, earlier migrations and their ledger rows included, while Drizzle carries on without a transaction and records this migration as applied, so the discarded ones are never applied again',
};

/** Explicit transaction control fights Drizzle's own transaction; in a no-transaction file it is the author's choice. */
function transactionViolations(stmt: TransactionStmt, context: RuleContext): Violation[] {
  const effect = stmt.kind ? TRANSACTION_EFFECTS[stmt.kind] : undefined;
  if (!effect || !context.transactional || context.transaction === 'do-block') return [];
  return [{ rule: 'transaction-control', message: effect }];
}
