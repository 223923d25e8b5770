import type { AlterTableCmd, AlterTableStmt, Constraint } from 'libpg-query';
import { addColumnViolations, columnStyleViolations, timestampStyle } from './columns';
import type { RuleContext } from './context';
import type { Violation } from './rules';
import { constraintsOf, qualified, typeParts } from './sql-tree';
import { isSafeWidening } from './widening';

export function alterTableViolations(stmt: AlterTableStmt, context: RuleContext): Violation[] {
  if (stmt.objtype && stmt.objtype !== 'OBJECT_TABLE') return [];
  const table = qualified(stmt.relation);
  const isNew = context.isNewTable(table);
  const out: Violation[] = [];
  for (const node of stmt.cmds ?? []) {
    if (!('AlterTableCmd' in node)) continue;
    const cmd = node.AlterTableCmd;
    if (!isNew) out.push(...alterCommandViolations(cmd, table, context));
    if (context.style) out.push(...alterStyleViolations(cmd, table));
  }
  return out;
}

function alterStyleViolations(cmd: AlterTableCmd, table: string): Violation[] {
  const def = cmd.def && 'ColumnDef' in cmd.def ? cmd.def.ColumnDef : undefined;
  if (!def) return [];
  if (cmd.subtype === 'AT_AddColumn') {
    const primaryKey = constraintsOf(def).some((c) => c.contype === 'CONSTR_PRIMARY');
    return columnStyleViolations(def, table, primaryKey);
  }
  if (cmd.subtype === 'AT_AlterColumnType') return timestampStyle(def.typeName, `${table}.${cmd.name ?? '?'}`);
  return [];
}

/** Rules for one ALTER TABLE command on a table that existed before the change. */
function alterCommandViolations(cmd: AlterTableCmd, table: string, context: RuleContext): Violation[] {
  const column = `${table}.${cmd.name ?? ''}`;
  switch (cmd.subtype) {
    case 'AT_DropColumn':
      return [
        { rule: 'drop-column', message: `drops column ${column}; running code that still selects or writes it breaks` },
      ];
    case 'AT_AlterColumnType':
      return typeChangeViolations(cmd, table, context);
    case 'AT_AddColumn': {
      const def = cmd.def && 'ColumnDef' in cmd.def ? cmd.def.ColumnDef : undefined;
      return def ? addColumnViolations(def, table) : [];
    }
    case 'AT_SetNotNull':
      if (context.hasNotNullProof(table, cmd.name ?? '')) return [];
      return [
        {
          rule: 'set-not-null',
          message: `sets ${column} NOT NULL, scanning the whole table under an ACCESS EXCLUSIVE lock (no validated CHECK (${cmd.name} IS NOT NULL) proves it beforehand)`,
        },
      ];
    case 'AT_DropNotNull':
      return [
        {
          rule: 'drop-not-null',
          message: `drops NOT NULL from ${column}; running code may rely on it never being NULL`,
        },
      ];
    case 'AT_ColumnDefault':
      if (cmd.def) return [];
      return [
        {
          rule: 'drop-default',
          message: `drops the default of ${column}; running code that inserts without it gets NULL (or a NOT NULL error)`,
        },
      ];
    case 'AT_AddConstraint': {
      const constraint = cmd.def && 'Constraint' in cmd.def ? cmd.def.Constraint : undefined;
      return constraint ? addConstraintViolations(constraint, table) : [];
    }
    case 'AT_ValidateConstraint': {
      const added = context.notValidAdded(table, cmd.name ?? '');
      if (!added) return [];
      return [
        {
          rule: 'validate-in-same-deploy',
          message: `validates ${cmd.name} in the same deploy that adds it NOT VALID (${added}): in Drizzle's single transaction the lock taken there is still held while this scans ${table}`,
        },
      ];
    }
    default:
      return [];
  }
}

function typeChangeViolations(cmd: AlterTableCmd, table: string, context: RuleContext): Violation[] {
  const def = cmd.def && 'ColumnDef' in cmd.def ? cmd.def.ColumnDef : undefined;
  const column = cmd.name ?? '';
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

function addConstraintViolations(constraint: Constraint, table: string): Violation[] {
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
  if ((constraint.contype === 'CONSTR_UNIQUE' || constraint.contype === 'CONSTR_PRIMARY') && !constraint.indexname) {
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
