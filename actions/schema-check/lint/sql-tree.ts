import type { ColumnDef, Constraint, Node, RangeVar, TypeName } from 'libpg-query';

/** `schema.table` of a relation, `public` when unqualified (Drizzle's default search path). */
export function qualified(relation: RangeVar | undefined): string {
  return `${relation?.schemaname ?? 'public'}.${relation?.relname ?? '?'}`;
}

/** `schema.name` of a dotted name (`mood`, `public.mood`), `public` when unqualified. */
export function qualifiedName(name: string): string {
  return name.includes('.') ? name : `public.${name}`;
}

export function nameOf(node: Node): string {
  if ('String' in node) return node.String.sval ?? '';
  if ('TypeName' in node) return (node.TypeName.names ?? []).map(nameOf).join('.');
  if ('List' in node) return (node.List.items ?? []).map(nameOf).join('.');
  return '?';
}

export function constraintsOf(column: ColumnDef): Constraint[] {
  return (column.constraints ?? []).flatMap((c) => ('Constraint' in c ? [c.Constraint] : []));
}

/** The type's base name (without `pg_catalog.`) and numeric modifiers, e.g. varchar [50]. */
export function typeParts(type: TypeName | undefined): { name: string; mods: number[] } {
  const names = (type?.names ?? []).map(nameOf);
  const mods = (type?.typmods ?? []).map((m) => ('A_Const' in m ? Number(m.A_Const.ival?.ival ?? 0) : NaN));
  return { name: names[names.length - 1] ?? '', mods };
}

export function isSerial(type: TypeName | undefined): boolean {
  return /^(small|big)?serial[248]?$/i.test(typeParts(type).name);
}

/** The column a `CHECK` expression proves NOT NULL: `col IS NOT NULL`, alone or as one term of an AND. */
export function notNullColumns(expression: Node | undefined): string[] {
  if (!expression) return [];
  if ('NullTest' in expression) {
    const { arg, nulltesttype } = expression.NullTest;
    if (nulltesttype !== 'IS_NOT_NULL' || !arg || !('ColumnRef' in arg)) return [];
    const fields = arg.ColumnRef.fields ?? [];
    const last = fields[fields.length - 1];
    return last && 'String' in last ? [last.String.sval ?? ''] : [];
  }
  if ('BoolExpr' in expression && expression.BoolExpr.boolop === 'AND_EXPR') {
    return (expression.BoolExpr.args ?? []).flatMap(notNullColumns);
  }
  return [];
}

/** Every object in a tree, parents before children, for rules that look for a kind of node anywhere in it. */
export function objectsIn(value: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const visit = (item: unknown): void => {
    if (Array.isArray(item)) {
      for (const element of item) visit(element);
    } else if (item && typeof item === 'object') {
      found.push(item as Record<string, unknown>);
      for (const key in item) visit((item as Record<string, unknown>)[key]);
    }
  };
  visit(value);
  return found;
}
