import type { AlterTableCmd, AlterTableStmt, ColumnDef, Constraint, Node, RangeVar, TypeName } from 'libpg-query';
import type { Severity } from '../../lib/migrations/model';

export interface RuleDefinition {
  severity: Severity;
  /** The safe way to get the same result, shown with every finding. */
  alternative: string;
}

/** Every rule, its default severity and its safe alternative. Ids are what `lint-ignore` and ignore comments name. */
export const RULES = {
  'drop-table': {
    severity: 'error',
    alternative:
      'Deploy a release that no longer reads or writes the table first, then drop it in a later migration (keep a backup or snapshot).',
  },
  'drop-column': {
    severity: 'error',
    alternative:
      'Deploy code that no longer uses the column first (remove it from the Drizzle schema in one release), then drop it in a later migration.',
  },
  'rename-table': {
    severity: 'error',
    alternative:
      'Running code still uses the old name: create the new table (or a view with the new name), move code over, then drop the old one later.',
  },
  'rename-column': {
    severity: 'error',
    alternative:
      'Running code still uses the old name: add the new column, write to both and backfill, switch reads, then drop the old column in a later release.',
  },
  'alter-column-type': {
    severity: 'error',
    alternative:
      'Changing a type rewrites the table under an ACCESS EXCLUSIVE lock. Add a new column with the new type, backfill in batches, switch the code, then drop the old column. Widening varchar(n) to a larger n or to text is safe.',
  },
  'add-not-null-column-without-default': {
    severity: 'error',
    alternative:
      'Fails on a table that has rows. Add the column with a DEFAULT, or add it nullable, backfill, then SET NOT NULL.',
  },
  'set-not-null': {
    severity: 'warning',
    alternative:
      'SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock. First ADD CONSTRAINT ... CHECK (col IS NOT NULL) NOT VALID, then VALIDATE CONSTRAINT, then SET NOT NULL (PostgreSQL 12+ uses the validated check and skips the scan).',
  },
  'create-index-without-concurrently': {
    severity: 'warning',
    alternative:
      'CREATE INDEX blocks writes to the table while it builds. Use CREATE INDEX CONCURRENTLY in a migration whose first line is `-- schema-actions:no-transaction`.',
  },
  'concurrently-in-transaction': {
    severity: 'error',
    alternative:
      'Drizzle runs all pending migrations in one transaction, and PostgreSQL refuses CONCURRENTLY inside a transaction. Put the statement alone in a migration whose first line is `-- schema-actions:no-transaction` (applied outside the transaction by migrate-with-telemetry), or drop CONCURRENTLY if the table is small.',
  },
  'add-foreign-key-without-not-valid': {
    severity: 'warning',
    alternative:
      'Adding a foreign key checks every row while locking both tables. Add it with NOT VALID, then run ALTER TABLE ... VALIDATE CONSTRAINT in a later migration.',
  },
  'add-check-without-not-valid': {
    severity: 'warning',
    alternative:
      'Adding a CHECK scans the table under an ACCESS EXCLUSIVE lock. Add it with NOT VALID, then VALIDATE CONSTRAINT in a later migration.',
  },
  'add-unique-constraint': {
    severity: 'warning',
    alternative:
      'Adding a UNIQUE or PRIMARY KEY constraint builds its index while blocking writes. CREATE UNIQUE INDEX CONCURRENTLY first (no-transaction migration), then ADD CONSTRAINT ... UNIQUE USING INDEX.',
  },
  'drop-type': {
    severity: 'warning',
    alternative:
      'Make sure no running code or column still uses the type; drop it in a release after the code stopped using it.',
  },
  truncate: {
    severity: 'error',
    alternative:
      'TRUNCATE deletes every row in every environment. Delete data deliberately with a WHERE clause, or move it aside first.',
  },
  'delete-without-where': {
    severity: 'error',
    alternative:
      'A DELETE without WHERE empties the table in every environment. Add a WHERE clause naming the rows to delete.',
  },
  'update-without-where': {
    severity: 'warning',
    alternative:
      'An UPDATE without WHERE rewrites every row in one transaction, locking them all. Add a WHERE clause, or backfill in batches outside the migration.',
  },
} satisfies Record<string, RuleDefinition>;

export type RuleId = keyof typeof RULES;

export function isRuleId(id: string): id is RuleId {
  return Object.prototype.hasOwnProperty.call(RULES, id);
}

/** A rule violation found in one statement, before its location and severity are attached. */
export interface Violation {
  rule: RuleId;
  message: string;
}

export interface RuleContext {
  /** Tables created by the change itself (`schema.table`): changing a table nobody uses yet is safe. */
  isNewTable(table: string): boolean;
  /** Whether the migration runs outside Drizzle's transaction (`-- schema-actions:no-transaction`). */
  noTransaction: boolean;
  /** The column's type before the change (format_type text), when known. */
  columnType(table: string, column: string): string | undefined;
}

export function qualified(relation: RangeVar | undefined): string {
  return `${relation?.schemaname ?? 'public'}.${relation?.relname ?? '?'}`;
}

function nameOf(node: Node): string {
  if ('String' in node) return node.String.sval ?? '';
  if ('TypeName' in node) return (node.TypeName.names ?? []).map(nameOf).join('.');
  if ('List' in node) return (node.List.items ?? []).map(nameOf).join('.');
  return '?';
}

function constraintsOf(column: ColumnDef): Constraint[] {
  return (column.constraints ?? []).flatMap((c) => ('Constraint' in c ? [c.Constraint] : []));
}

/** The new type's base name and numeric modifiers, e.g. varchar [50]. */
function typeParts(type: TypeName | undefined): { name: string; mods: number[] } {
  const names = (type?.names ?? []).map(nameOf);
  const mods = (type?.typmods ?? []).map((m) => ('A_Const' in m ? Number(m.A_Const.ival?.ival ?? 0) : NaN));
  return { name: names[names.length - 1] ?? '', mods };
}

/** format_type text of the old type → base name and modifiers: `character varying(255)` → varchar [255]. */
function oldTypeParts(text: string): { name: string; mods: number[] } {
  const match = text.match(/^([a-z ]+?)\s*(?:\(([\d,\s]+)\))?$/i);
  const base = (match?.[1] ?? text).toLowerCase();
  const aliases: Record<string, string> = { 'character varying': 'varchar', character: 'bpchar', integer: 'int4' };
  const mods = match?.[2] ? match[2].split(',').map((n) => Number(n.trim())) : [];
  return { name: aliases[base] ?? base, mods };
}

/** Type changes PostgreSQL makes without rewriting the table or rechecking rows. */
export function isSafeWidening(oldType: string | undefined, newType: TypeName | undefined, hasUsing: boolean): boolean {
  if (!oldType || hasUsing) return false;
  const from = oldTypeParts(oldType);
  const to = typeParts(newType);
  if (from.name === 'varchar' || from.name === 'text') {
    if (to.name === 'text') return true;
    if (to.name === 'varchar')
      return to.mods.length === 0 || (from.name === 'varchar' && from.mods.length > 0 && to.mods[0]! >= from.mods[0]!);
  }
  if (from.name === 'numeric' && to.name === 'numeric') {
    if (to.mods.length === 0) return true;
    const [p1 = 0, s1 = 0] = from.mods;
    const [p2 = 0, s2 = 0] = to.mods;
    return from.mods.length > 0 && s2 === s1 && p2 >= p1;
  }
  return from.name === 'cidr' && to.name === 'inet';
}

function alterTableViolations(stmt: AlterTableStmt, context: RuleContext): Violation[] {
  if (stmt.objtype && stmt.objtype !== 'OBJECT_TABLE') return [];
  const table = qualified(stmt.relation);
  if (context.isNewTable(table)) return [];
  const out: Violation[] = [];
  for (const node of stmt.cmds ?? []) {
    if (!('AlterTableCmd' in node)) continue;
    out.push(...alterCommandViolations(node.AlterTableCmd, table, context));
  }
  return out;
}

function alterCommandViolations(cmd: AlterTableCmd, table: string, context: RuleContext): Violation[] {
  const column = cmd.name ?? '';
  switch (cmd.subtype) {
    case 'AT_DropColumn':
      return [
        {
          rule: 'drop-column',
          message: `drops column ${table}.${column}; running code that still selects or writes it breaks`,
        },
      ];
    case 'AT_AlterColumnType': {
      const def = cmd.def && 'ColumnDef' in cmd.def ? cmd.def.ColumnDef : undefined;
      const oldType = context.columnType(table, column);
      if (isSafeWidening(oldType, def?.typeName, !!def?.raw_default)) return [];
      const newType = typeParts(def?.typeName);
      const to = `${newType.name}${newType.mods.length ? `(${newType.mods.join(',')})` : ''}`;
      return [
        {
          rule: 'alter-column-type',
          message: `changes the type of ${table}.${column}${oldType ? ` from ${oldType}` : ''} to ${to}, which rewrites the table (or rechecks every row) under an ACCESS EXCLUSIVE lock`,
        },
      ];
    }
    case 'AT_AddColumn': {
      const def = cmd.def && 'ColumnDef' in cmd.def ? cmd.def.ColumnDef : undefined;
      if (!def) return [];
      const constraints = constraintsOf(def);
      const notNull =
        def.is_not_null || constraints.some((c) => c.contype === 'CONSTR_NOTNULL' || c.contype === 'CONSTR_PRIMARY');
      const filled =
        constraints.some((c) => ['CONSTR_DEFAULT', 'CONSTR_IDENTITY', 'CONSTR_GENERATED'].includes(c.contype ?? '')) ||
        /serial$/i.test(typeParts(def.typeName).name);
      if (!notNull || filled) return [];
      return [
        {
          rule: 'add-not-null-column-without-default',
          message: `adds NOT NULL column ${table}.${def.colname ?? '?'} without a default; it fails on any environment where ${table} has rows`,
        },
      ];
    }
    case 'AT_SetNotNull':
      return [
        {
          rule: 'set-not-null',
          message: `sets ${table}.${column} NOT NULL, scanning the whole table under an ACCESS EXCLUSIVE lock`,
        },
      ];
    case 'AT_AddConstraint': {
      const constraint = cmd.def && 'Constraint' in cmd.def ? cmd.def.Constraint : undefined;
      if (!constraint) return [];
      const name = constraint.conname ? ` ${constraint.conname}` : '';
      if (constraint.contype === 'CONSTR_FOREIGN' && !constraint.skip_validation) {
        return [
          {
            rule: 'add-foreign-key-without-not-valid',
            message: `adds foreign key${name} on ${table} without NOT VALID: every row is checked while ${table} and ${qualified(constraint.pktable)} are locked`,
          },
        ];
      }
      if (constraint.contype === 'CONSTR_CHECK' && !constraint.skip_validation) {
        return [
          {
            rule: 'add-check-without-not-valid',
            message: `adds check constraint${name} on ${table} without NOT VALID: the whole table is scanned under lock`,
          },
        ];
      }
      if (
        (constraint.contype === 'CONSTR_UNIQUE' || constraint.contype === 'CONSTR_PRIMARY') &&
        !constraint.indexname
      ) {
        const kind = constraint.contype === 'CONSTR_UNIQUE' ? 'unique' : 'primary key';
        return [
          {
            rule: 'add-unique-constraint',
            message: `adds ${kind} constraint${name} on ${table}, building its index while writes are blocked`,
          },
        ];
      }
      return [];
    }
    default:
      return [];
  }
}

function isConcurrentReindex(params: Node[] | undefined): boolean {
  return (params ?? []).some((p) => 'DefElem' in p && p.DefElem.defname === 'concurrently');
}

/** The rule violations of one parsed statement. */
export function statementViolations(node: Node, context: RuleContext): Violation[] {
  const concurrently = (what: string): Violation[] =>
    context.noTransaction
      ? []
      : [
          {
            rule: 'concurrently-in-transaction',
            message: `${what} CONCURRENTLY cannot run inside a transaction block, and Drizzle runs every pending migration in one transaction: this migration fails when deployed`,
          },
        ];
  if ('IndexStmt' in node) {
    const stmt = node.IndexStmt;
    const table = qualified(stmt.relation);
    if (stmt.concurrent) return concurrently('CREATE INDEX');
    if (context.isNewTable(table)) return [];
    return [
      {
        rule: 'create-index-without-concurrently',
        message:
          `creates index ${stmt.idxname ?? ''} on existing table ${table} without CONCURRENTLY, blocking writes while it builds`.replace(
            '  ',
            ' ',
          ),
      },
    ];
  }
  if ('DropStmt' in node) {
    const stmt = node.DropStmt;
    const objects = (stmt.objects ?? []).map(nameOf);
    if (stmt.concurrent) return concurrently('DROP INDEX');
    if (stmt.removeType === 'OBJECT_TABLE') {
      return objects
        .map((o) => (o.includes('.') ? o : `public.${o}`))
        .filter((o) => !context.isNewTable(o))
        .map((o) => ({ rule: 'drop-table' as const, message: `drops table ${o} and all its data` }));
    }
    if (stmt.removeType === 'OBJECT_TYPE') {
      return [{ rule: 'drop-type', message: `drops type ${objects.join(', ')}` }];
    }
    return [];
  }
  if ('ReindexStmt' in node) return isConcurrentReindex(node.ReindexStmt.params) ? concurrently('REINDEX') : [];
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
  if ('AlterTableStmt' in node) return alterTableViolations(node.AlterTableStmt, context);
  if ('TruncateStmt' in node) {
    const tables = (node.TruncateStmt.relations ?? []).flatMap((r) => ('RangeVar' in r ? [qualified(r.RangeVar)] : []));
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

/** Tables a statement creates (CREATE TABLE, CREATE TABLE AS). */
export function tablesCreated(node: Node): string[] {
  if ('CreateStmt' in node) return [qualified(node.CreateStmt.relation)];
  if ('CreateTableAsStmt' in node) return [qualified(node.CreateTableAsStmt.into?.rel)];
  return [];
}
