import type { TableInfo } from '../model';
import { IN_SCHEMAS, type CatalogQuery } from './query';

type TableOptions = Pick<TableInfo, 'inherits' | 'replicaIdentity' | 'unlogged'>;

/** INHERITS parents (partitions are not inheritance here), REPLICA IDENTITY and UNLOGGED, by `schema.table`. */
export async function readTableOptions(q: CatalogQuery): Promise<Map<string, TableOptions>> {
  const rows = await q(`SELECT n.nspname || '.' || c.relname AS table, c.relpersistence = 'u' AS unlogged,
                c.relreplident::text AS replident,
                (SELECT ic.relname FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
                  WHERE i.indrelid = c.oid AND i.indisreplident) AS replica_index,
                (SELECT pg_catalog.json_agg(pn.nspname || '.' || p.relname ORDER BY i.inhseqno)
                   FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
                   JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
                  WHERE i.inhrelid = c.oid AND NOT c.relispartition)::text AS inherits
           FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind IN ('r', 'p') AND ${IN_SCHEMAS('n.nspname')}
            AND (c.relpersistence = 'u' OR c.relreplident <> 'd'
                 OR EXISTS (SELECT 1 FROM pg_catalog.pg_inherits i WHERE i.inhrelid = c.oid AND NOT c.relispartition))`);
  const options = new Map<string, TableOptions>();
  for (const r of rows) {
    const replica = REPLICA_IDENTITY[String(r.replident)];
    options.set(String(r.table), {
      ...(r.inherits ? { inherits: JSON.parse(String(r.inherits)) as string[] } : {}),
      ...(replica
        ? { replicaIdentity: replica === 'USING INDEX' ? `USING INDEX ${String(r.replica_index)}` : replica }
        : {}),
      ...(r.unlogged ? { unlogged: true } : {}),
    });
  }
  return options;
}

const REPLICA_IDENTITY: Record<string, string> = { f: 'FULL', n: 'NOTHING', i: 'USING INDEX' };

/**
 * The options of each identity column's sequence that differ from the defaults CREATE ... AS IDENTITY picks for
 * its type, by `schema.table.column`, e.g. `START WITH 5 INCREMENT BY 2`.
 */
export async function readIdentityOptions(q: CatalogQuery): Promise<Map<string, string>> {
  const rows = await q(`SELECT tn.nspname || '.' || t.relname || '.' || a.attname AS column,
                s.seqstart::text AS start, s.seqincrement::text AS increment, s.seqmin::text AS min,
                s.seqmax::text AS max, s.seqcache::text AS cache, s.seqcycle AS cycle,
                CASE s.seqtypid WHEN 'pg_catalog.int2'::pg_catalog.regtype THEN 32767
                  WHEN 'pg_catalog.int4'::pg_catalog.regtype THEN 2147483647
                  ELSE 9223372036854775807 END::text AS type_max
           FROM pg_catalog.pg_depend d
           JOIN pg_catalog.pg_sequence s ON s.seqrelid = d.objid
           JOIN pg_catalog.pg_class t ON t.oid = d.refobjid
           JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
           JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
          WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype = 'i'
            AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND ${IN_SCHEMAS('tn.nspname')}`);
  const options = new Map<string, string>();
  for (const r of rows) {
    const ascending = !String(r.increment).startsWith('-');
    // A descending sequence runs from -1 down to the type's minimum, which is -(max + 1).
    const typeMin = String(-BigInt(String(r.type_max)) - 1n);
    const defaults = ascending ? { min: '1', max: String(r.type_max) } : { min: typeMin, max: '-1' };
    const words: string[] = [];
    if (r.start !== (ascending ? r.min : r.max)) words.push(`START WITH ${String(r.start)}`);
    if (r.increment !== '1') words.push(`INCREMENT BY ${String(r.increment)}`);
    if (r.min !== defaults.min) words.push(`MINVALUE ${String(r.min)}`);
    if (r.max !== defaults.max) words.push(`MAXVALUE ${String(r.max)}`);
    if (r.cache !== '1') words.push(`CACHE ${String(r.cache)}`);
    if (r.cycle) words.push('CYCLE');
    if (words.length) options.set(String(r.column), words.join(' '));
  }
  return options;
}
