import type { CatalogObject } from '../flatten';
import { qualified } from '../names';
import type { TriggerInfo, ViewInfo } from '../model';
import { collapseWhitespace } from '../normalise';
import { IN_SCHEMAS, type CatalogQuery } from './query';

/** security_invoker, security_barrier and check_option (WITH ... CHECK OPTION) of views, by `schema.view`. */
export async function readViewOptions(q: CatalogQuery): Promise<Map<string, string[]>> {
  const rows = await q(`SELECT n.nspname || '.' || c.relname AS view, c.reloptions::text[] AS options
           FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind = 'v' AND c.reloptions IS NOT NULL AND ${IN_SCHEMAS('n.nspname')}`);
  return new Map(rows.map((r) => [String(r.view), (r.options as string[]).slice().sort()]));
}

/** Triggers on views (INSTEAD OF), by `schema.view`. */
export async function readViewTriggers(q: CatalogQuery): Promise<Map<string, TriggerInfo[]>> {
  const rows = await q(`SELECT n.nspname || '.' || c.relname AS view, t.tgname AS name,
                pg_catalog.pg_get_triggerdef(t.oid, false) AS definition, t.tgenabled <> 'D' AS enabled
           FROM pg_catalog.pg_trigger t
           JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind = 'v' AND NOT t.tgisinternal AND ${IN_SCHEMAS('n.nspname')}
          ORDER BY 1, 2`);
  const triggers = new Map<string, TriggerInfo[]>();
  for (const r of rows) {
    const list = triggers.get(String(r.view)) ?? [];
    list.push({
      name: String(r.name),
      definition: collapseWhitespace(String(r.definition)),
      enabled: Boolean(r.enabled),
    });
    triggers.set(String(r.view), list);
  }
  return triggers;
}

/** A (non-materialized) view's options as an object of its own, so its query keeps being compared (and reconciled) alone. */
export function viewOptionsObject(v: ViewInfo): CatalogObject {
  const name = qualified(v.schema, v.name);
  const definition = v.options.length ? `WITH (${v.options.join(', ')})` : '(no options)';
  return {
    objectType: 'view-options',
    object: `${v.schema}.${v.name}`,
    table: `${v.schema}.${v.name}`,
    parent: `view:${v.schema}.${v.name}`,
    definition,
    parts: { options: v.options.join(', ') },
    sql: { name },
    fix: {
      change: [
        `ALTER VIEW ${name} RESET (check_option, security_barrier, security_invoker);`,
        v.options.length ? `ALTER VIEW ${name} SET (${v.options.join(', ')});` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    },
  };
}
