// The drift report stays readable and within GitHub's limits, and its suggested SQL does what it says.
import { describe, expect, it } from 'vitest';
import { diffCatalogs, flattenCatalog, objectKey, type Catalog } from '../../actions/lib/catalog';
import { suggestSql } from '../../actions/drift-check/fix';
import { renderDriftReport, type DriftFinding } from '../../actions/drift-check/report';
import { catalogOf } from '../support/catalog';

const catalog = catalogOf;

function fixes(from: Catalog, to: Catalog): string[] {
  const want = flattenCatalog(from);
  const have = flattenCatalog(to);
  return diffCatalogs(from, to).map((d) => suggestSql(d, want.get(objectKey(d)), have.get(objectKey(d))));
}

describe('suggested SQL', () => {
  it('adds missing enum values in their place and says when values cannot be removed', () => {
    const expected = catalog({ enums: [{ schema: 'public', name: 'status', values: ['a', 'b', 'c'] }] });
    expect(fixes(expected, catalog({ enums: [{ schema: 'public', name: 'status', values: ['a', 'c'] }] }))).toEqual([
      "ALTER TYPE public.status ADD VALUE 'b' BEFORE 'c';",
    ]);
    const [extra] = fixes(
      expected,
      catalog({ enums: [{ schema: 'public', name: 'status', values: ['a', 'b', 'c', 'x'] }] }),
    );
    expect(extra).toContain("PostgreSQL cannot drop or reorder enum values (extra: 'x')");
  });

  it('quotes names that need it', () => {
    const table = (columns: Catalog['tables'][number]['columns']): Catalog =>
      catalog({
        tables: [
          {
            schema: 'public',
            name: 'User',
            kind: 'table',
            rowLevelSecurity: false,
            forceRowLevelSecurity: false,
            columns,
            constraints: [],
            indexes: [],
            policies: [],
            triggers: [],
          },
        ],
      });
    const before = table([{ name: 'order', type: 'integer', notNull: true, default: '0' }]);
    const after = table([{ name: 'order', type: 'bigint', notNull: false }]);
    expect(fixes(before, after)).toEqual([
      [
        'ALTER TABLE public."User" ALTER COLUMN "order" TYPE integer USING "order"::integer;',
        'ALTER TABLE public."User" ALTER COLUMN "order" SET DEFAULT 0;',
        'ALTER TABLE public."User" ALTER COLUMN "order" SET NOT NULL;',
      ].join('\n'),
    ]);
  });
});

describe('report size', () => {
  it('stays under the 65,536-character issue limit with thousands of differences, pointing to report-json', () => {
    const findings: DriftFinding[] = Array.from({ length: 3000 }, (_, i) => ({
      change: 'added',
      objectType: 'index',
      object: `public.idx_${i}`,
      table: `public.table_${i % 300}`,
      to: `CREATE INDEX idx_${i} ON public.table_${i % 300} USING btree (${'column_name, '.repeat(20)}id)`,
      sql: `DROP INDEX public.idx_${i};`,
    }));
    const markdown = renderDriftReport({
      environment: 'production',
      drift: true,
      set: { layout: 'journal', dir: '/x/drizzle', displayDir: 'drizzle', migrations: [], problems: [] },
      ledger: { schema: 'drizzle', table: '__drizzle_migrations' },
      state: { applied: [], pending: [], problems: [] },
      findings,
      schemas: ['public'],
      ignore: [],
      versions: { live: '15.20', expected: '18.6', replayedInto: 'embedded' },
    });
    expect(markdown.length).toBeLessThan(65_536);
    expect(markdown).toMatch(/…and \d+ more difference\(s\), listed in the `report-json` file/);
    expect(markdown).toContain('more difference(s) is in report-json');
    expect(markdown).toContain('3000 difference(s)');
  });
});

describe('report order', () => {
  it('puts the differences that hurt first: a missing constraint before an index, a comment last', () => {
    const findings: DriftFinding[] = [
      { change: 'changed', objectType: 'comment', object: 'public.notes', subject: 'public.notes', sql: '' },
      { change: 'added', objectType: 'index', object: 'public.extra_idx', table: 'public.events', sql: '' },
      {
        change: 'removed',
        objectType: 'constraint',
        object: 'public.orders.orders_user_fk',
        table: 'public.orders',
        sql: '',
      },
    ];
    const markdown = renderDriftReport({
      environment: 'production',
      drift: true,
      set: { layout: 'journal', dir: '/x/drizzle', displayDir: 'drizzle', migrations: [], problems: [] },
      ledger: { schema: 'drizzle', table: '__drizzle_migrations' },
      state: { applied: [], pending: [], problems: [] },
      findings,
      schemas: ['public'],
      ignore: [],
      versions: { live: '15.20', expected: '18.6', replayedInto: 'embedded' },
    });
    expect(markdown.startsWith('## Schema drift: production\n\n❌')).toBe(true);
    const at = (owner: string) => markdown.indexOf(`#### \`${owner}\``);
    expect(at('public.orders')).toBeGreaterThan(-1);
    expect(at('public.orders')).toBeLessThan(at('public.events'));
    expect(at('public.events')).toBeLessThan(at('public.notes'));
  });
});
