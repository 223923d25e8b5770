import { flattenCatalog, objectKey, type CatalogObject } from './flatten';
import type { Catalog, Difference, ObjectType } from './model';
import { alignVersions } from './versions';

export interface DiffOptions {
  /**
   * Glob patterns on the qualified object name (`*` = any run of characters, `?` = one). An object is ignored when a
   * pattern matches its name, its owning table's, or (grants, comments, owners) the name of the object it is about,
   * so `public.audit_*` ignores those tables and everything on them.
   */
  ignore?: string[];
}

// Reported in this order, so a report reads from containers down to details.
const ORDER: ObjectType[] = [
  'schema',
  'extension',
  'collation',
  'enum',
  'domain',
  'composite-type',
  'range-type',
  'sequence',
  'function',
  'procedure',
  'table',
  'column',
  'constraint',
  'index',
  'rls',
  'policy',
  'trigger',
  'view',
  'view-options',
  'materialized-view',
  'grant',
  'comment',
  'owner',
];

/**
 * What changed from `from` to `to`: `added` objects exist only in `to`, `removed` only in `from`. An object whose
 * schema or table was itself added or removed is not listed again: the parent's entry covers it.
 */
export function diffCatalogs(from: Catalog, to: Catalog, options: DiffOptions = {}): Difference[] {
  const [aligned, other] = alignVersions(from, to);
  const before = flattenCatalog(aligned);
  const after = flattenCatalog(other);
  const ignored = compileIgnore(options.ignore ?? []);
  const differences: Difference[] = [];
  const gone = new Set([...before.keys()].filter((key) => !after.has(key)));
  const born = new Set([...after.keys()].filter((key) => !before.has(key)));

  for (const [key, expected] of before) {
    if (ignored(expected)) continue;
    const actual = after.get(key);
    if (!actual) {
      if (expected.parent && gone.has(expected.parent)) continue;
      differences.push(difference('removed', expected, { from: expected.definition }));
    } else if ((actual.compare ?? actual.definition) !== (expected.compare ?? expected.definition)) {
      const aspects = changedParts(expected, actual);
      differences.push(difference('changed', expected, { from: expected.definition, to: actual.definition, aspects }));
    }
  }
  for (const [key, actual] of after) {
    if (before.has(key) || ignored(actual)) continue;
    if (actual.parent && born.has(actual.parent)) continue;
    differences.push(difference('added', actual, { to: actual.definition }));
  }
  return differences.sort(
    (a, b) =>
      ORDER.indexOf(a.objectType) - ORDER.indexOf(b.objectType) ||
      (a.table ?? a.object).localeCompare(b.table ?? b.object) ||
      a.object.localeCompare(b.object),
  );
}

function difference(
  change: Difference['change'],
  o: CatalogObject,
  rest: Pick<Difference, 'from' | 'to' | 'aspects'>,
): Difference {
  return {
    change,
    objectType: o.objectType,
    object: o.object,
    ...(o.table ? { table: o.table } : {}),
    ...(o.subject ? { subject: o.subject } : {}),
    ...rest,
  };
}

function changedParts(a: CatalogObject, b: CatalogObject): string[] {
  const names = new Set([...Object.keys(a.parts), ...Object.keys(b.parts)]);
  const changed = [...names].filter((n) => (a.parts[n] ?? '') !== (b.parts[n] ?? ''));
  return changed.length ? changed : ['definition'];
}

function compileIgnore(patterns: string[]): (o: CatalogObject) => boolean {
  const regexes = patterns
    .map((p) => p.trim())
    .filter(Boolean)
    .map(
      (p) =>
        new RegExp(
          `^${p
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '.*')
            .replace(/\?/g, '.')}$`,
        ),
    );
  if (regexes.length === 0) return () => false;
  const names = (o: CatalogObject) => [o.object, o.table, o.subject].filter((n): n is string => n !== undefined);
  return (o) => regexes.some((r) => names(o).some((name) => r.test(name)));
}

export { objectKey };
