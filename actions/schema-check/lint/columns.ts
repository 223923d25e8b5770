import type { ColumnDef, Constraint, CreateStmt, Node, TypeName } from 'libpg-query';
import type { Violation } from './rules';
import { constraintsOf, isSerial, nameOf, qualified, typeParts, objectsIn } from './sql-tree';

/**
 * Built-in functions PostgreSQL marks volatile that show up as column defaults. A default calling one is computed per
 * row, so adding the column rewrites the table; stable ones (now(), current_timestamp) are evaluated once.
 */
const VOLATILE_FUNCTIONS = new Set([
  'gen_random_uuid',
  'gen_random_bytes',
  'uuid_generate_v1',
  'uuid_generate_v1mc',
  'uuid_generate_v4',
  'uuidv4',
  'uuidv7',
  'random',
  'random_normal',
  'clock_timestamp',
  'timeofday',
  'nextval',
]);

function volatileCall(expression: Node | undefined): string | undefined {
  for (const node of objectsIn(expression)) {
    const call = node.FuncCall as { funcname?: Node[] } | undefined;
    const name = call?.funcname?.map(nameOf).pop();
    if (name && VOLATILE_FUNCTIONS.has(name.toLowerCase())) return name;
  }
  return undefined;
}

const has = (constraints: Constraint[], type: Constraint['contype']) => constraints.some((c) => c.contype === type);

/** Why adding this column rewrites the table, if it does. */
function rewriteReason(column: ColumnDef, constraints: Constraint[]): string | undefined {
  if (isSerial(column.typeName)) return `its type ${typeParts(column.typeName).name} fills every row from a sequence`;
  if (has(constraints, 'CONSTR_IDENTITY')) return 'an identity column fills every row from a sequence';
  const volatile = volatileCall(constraints.find((c) => c.contype === 'CONSTR_DEFAULT')?.raw_expr);
  return volatile ? `its default ${volatile}() is volatile, so it is computed for every row` : undefined;
}

/** Rules for a column added to a table that existed before the change. */
export function addColumnViolations(column: ColumnDef, table: string): Violation[] {
  const constraints = constraintsOf(column);
  const name = `${table}.${column.colname ?? '?'}`;
  const out: Violation[] = [];
  const notNull = column.is_not_null || has(constraints, 'CONSTR_NOTNULL') || has(constraints, 'CONSTR_PRIMARY');
  const filled =
    isSerial(column.typeName) ||
    ['CONSTR_DEFAULT', 'CONSTR_IDENTITY', 'CONSTR_GENERATED'].some((t) => has(constraints, t as Constraint['contype']));
  if (notNull && !filled) {
    out.push({
      rule: 'add-not-null-column-without-default',
      message: `adds NOT NULL column ${name} without a default; it fails on any environment where ${table} has rows`,
    });
  }
  const rewrite = rewriteReason(column, constraints);
  if (rewrite) {
    out.push({
      rule: 'add-column-volatile-default',
      message: `adds column ${name}, and ${rewrite}: ${table} is rewritten under an ACCESS EXCLUSIVE lock`,
    });
  }
  if (constraints.some((c) => c.contype === 'CONSTR_GENERATED' && c.generated_kind === 's')) {
    out.push({
      rule: 'add-column-stored-generated',
      message: `adds STORED generated column ${name}, computed for every existing row: ${table} is rewritten under an ACCESS EXCLUSIVE lock`,
    });
  }
  for (const constraint of constraints) out.push(...inlineConstraintViolations(constraint, name, table));
  return out;
}

/** A constraint written inside ADD COLUMN does what its ADD CONSTRAINT form does, and cannot be NOT VALID. */
function inlineConstraintViolations(constraint: Constraint, column: string, table: string): Violation[] {
  switch (constraint.contype) {
    case 'CONSTR_FOREIGN':
      return [
        {
          rule: 'add-foreign-key-without-not-valid',
          message: `adds column ${column} with an inline REFERENCES ${qualified(constraint.pktable)}: the foreign key is validated at once while ${table} and ${qualified(constraint.pktable)} are locked`,
        },
      ];
    case 'CONSTR_CHECK':
      return [
        {
          rule: 'add-check-without-not-valid',
          message: `adds column ${column} with an inline CHECK: the whole table is scanned under lock`,
        },
      ];
    case 'CONSTR_UNIQUE':
    case 'CONSTR_PRIMARY':
      return [
        {
          rule: 'add-unique-constraint',
          message: `adds column ${column} with an inline ${constraint.contype === 'CONSTR_UNIQUE' ? 'UNIQUE' : 'PRIMARY KEY'}, building its index while writes to ${table} are blocked`,
        },
      ];
    default:
      return [];
  }
}

const SMALL_INTEGERS = new Set(['int2', 'int4', 'smallint', 'integer', 'serial', 'serial2', 'serial4', 'smallserial']);

/** The opt-in style rules for one column definition, on any table. */
export function columnStyleViolations(column: ColumnDef, table: string, primaryKey: boolean): Violation[] {
  const name = `${table}.${column.colname ?? '?'}`;
  const type = typeParts(column.typeName).name.toLowerCase();
  const out: Violation[] = [...timestampStyle(column.typeName, name)];
  if (isSerial(column.typeName)) {
    out.push({
      rule: 'prefer-identity',
      message: `column ${name} is ${type}; an identity column is the standard form`,
    });
  }
  if (primaryKey && SMALL_INTEGERS.has(type)) {
    out.push({
      rule: 'prefer-bigint-primary-key',
      message: `primary key ${name} is ${type}, which runs out at ${type.includes('2') || type.startsWith('small') ? '32 767' : 'about 2.1 billion'}`,
    });
  }
  return out;
}

export function timestampStyle(type: TypeName | undefined, column: string): Violation[] {
  if (typeParts(type).name.toLowerCase() !== 'timestamp') return [];
  return [{ rule: 'prefer-timestamptz', message: `column ${column} is timestamp without time zone` }];
}

/** Style rules over a CREATE TABLE: every column, with the single-column primary key known. */
export function createTableStyleViolations(stmt: CreateStmt): Violation[] {
  const table = qualified(stmt.relation);
  const elements = stmt.tableElts ?? [];
  const tableKeys = elements.flatMap((e) =>
    'Constraint' in e && e.Constraint.contype === 'CONSTR_PRIMARY' ? [(e.Constraint.keys ?? []).map(nameOf)] : [],
  );
  const singleKey = tableKeys.length === 1 && tableKeys[0]!.length === 1 ? tableKeys[0]![0] : undefined;
  return elements.flatMap((e) => {
    if (!('ColumnDef' in e)) return [];
    const column = e.ColumnDef;
    const primaryKey = column.colname === singleKey || has(constraintsOf(column), 'CONSTR_PRIMARY');
    return columnStyleViolations(column, table, primaryKey);
  });
}
