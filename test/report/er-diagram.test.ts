// The ER diagram of a change, in-process on hand-made catalogs: the table limit, neighbours as stubs, readable types.
import { describe, expect, it } from 'vitest';
import type { Catalog, Difference, TableInfo } from '../../actions/lib/catalog';
import { readableType, renderErDiagram } from '../../actions/schema-check/changes';
import { renderReport } from './render.js';
import { catalogOf } from '../support/catalog';

function table(name: string, references?: string): TableInfo {
  return {
    schema: 'public',
    name,
    kind: 'table',
    rowLevelSecurity: false,
    forceRowLevelSecurity: false,
    columns: [
      { name: 'id', type: 'integer', notNull: true },
      { name: 'created_at', type: 'timestamp(3) with time zone', notNull: true },
      ...(references ? [{ name: `${references}_id`, type: 'integer', notNull: true }] : []),
    ],
    constraints: [
      { name: `${name}_pkey`, kind: 'primary-key', definition: 'PRIMARY KEY (id)' },
      ...(references
        ? [
            {
              name: `${name}_${references}_fk`,
              kind: 'foreign-key' as const,
              definition: `FOREIGN KEY (${references}_id) REFERENCES public.${references}(id)`,
            },
          ]
        : []),
    ],
    indexes: [],
    policies: [],
    triggers: [],
  };
}

const catalog = (tables: TableInfo[]): Catalog => catalogOf({ serverVersion: 150000, tables });
const added = (name: string): Difference => ({ change: 'added', objectType: 'table', object: `public.${name}` });
const entities = (diagram: string) => diagram.split('\n').filter((line) => /^ {2}\w+\["/.test(line));

describe('ER diagram', () => {
  it('draws at most 15 tables and lists the rest', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `t${String(i).padStart(2, '0')}`);
    const after = catalog(names.map((n) => table(n)));
    const markdown = renderErDiagram(catalog([]), after, names.map(added));
    const { diagrams } = await renderReport(markdown);
    expect(entities(diagrams[0]!)).toHaveLength(15);
    expect(markdown).toMatch(/25 more changed table\(s\), not drawn: `t\d\d`/);
  });

  it('draws unchanged tables joined to a changed one as stubs, and leaves the others out', async () => {
    const before = catalog([table('users'), table('teams'), table('audit')]);
    const after = catalog([table('users'), table('teams'), table('audit'), table('posts', 'users')]);
    const { diagrams } = await renderReport(renderErDiagram(before, after, [added('posts')]));
    const diagram = diagrams[0]!;
    expect(entities(diagram)).toEqual(['  posts["posts (added)"] {', '  users["users (unchanged)"]']);
    expect(diagram).toContain('users ||--o{ posts : "posts_users_fk"');
    expect(diagram).toContain('timestamptz(3) created_at');
  });

  it('uses the names people write for types', () => {
    expect(readableType('timestamp with time zone')).toBe('timestamptz');
    expect(readableType('character varying(255)')).toBe('varchar(255)');
    expect(readableType('public.order_status')).toBe('order_status');
    expect(readableType('auth.role')).toBe('auth.role');
    expect(readableType('double precision[]')).toBe('float8[]');
  });
});
