export const id = 950;
export const ids = [950];
export const modules = {

/***/ 92195:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ diffCatalogs)
/* harmony export */ });
/* harmony import */ var _flatten__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(84176);

// Reported in this order, so a report reads from containers down to details.
const ORDER = [
    'schema',
    'extension',
    'enum',
    'sequence',
    'table',
    'column',
    'constraint',
    'index',
    'rls',
    'policy',
    'trigger',
    'view',
    'materialized-view',
];
/**
 * What changed from `from` to `to`: `added` objects exist only in `to`, `removed` only in `from`. An object whose
 * schema or table was itself added or removed is not listed again: the parent's entry covers it.
 */
function diffCatalogs(from, to, options = {}) {
    const before = (0,_flatten__WEBPACK_IMPORTED_MODULE_0__/* .flattenCatalog */ .qI)(from);
    const after = (0,_flatten__WEBPACK_IMPORTED_MODULE_0__/* .flattenCatalog */ .qI)(to);
    const ignored = compileIgnore(options.ignore ?? []);
    const differences = [];
    const gone = new Set();
    const born = new Set();
    const containers = ['schema', 'table', 'view', 'materialized-view'];
    for (const [key, o] of before)
        if (!after.has(key) && containers.includes(o.objectType))
            gone.add(o.object);
    for (const [key, o] of after)
        if (!before.has(key) && containers.includes(o.objectType))
            born.add(o.object);
    for (const [key, expected] of before) {
        if (ignored(expected))
            continue;
        const actual = after.get(key);
        if (!actual) {
            if (expected.parent && gone.has(expected.parent))
                continue;
            differences.push(difference('removed', expected, { from: expected.definition }));
        }
        else if ((actual.compare ?? actual.definition) !== (expected.compare ?? expected.definition)) {
            const aspects = changedParts(expected, actual);
            differences.push(difference('changed', expected, { from: expected.definition, to: actual.definition, aspects }));
        }
    }
    for (const [key, actual] of after) {
        if (before.has(key) || ignored(actual))
            continue;
        if (actual.parent && born.has(actual.parent))
            continue;
        differences.push(difference('added', actual, { to: actual.definition }));
    }
    return differences.sort((a, b) => ORDER.indexOf(a.objectType) - ORDER.indexOf(b.objectType) ||
        (a.table ?? a.object).localeCompare(b.table ?? b.object) ||
        a.object.localeCompare(b.object));
}
function difference(change, o, rest) {
    return {
        change,
        objectType: o.objectType,
        object: o.object,
        ...(o.table ? { table: o.table } : {}),
        ...rest,
    };
}
function changedParts(a, b) {
    const names = new Set([...Object.keys(a.parts), ...Object.keys(b.parts)]);
    const changed = [...names].filter((n) => (a.parts[n] ?? '') !== (b.parts[n] ?? ''));
    return changed.length ? changed : ['definition'];
}
function compileIgnore(patterns) {
    const regexes = patterns
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => new RegExp(`^${p
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`));
    if (regexes.length === 0)
        return () => false;
    return (o) => regexes.some((r) => r.test(o.object) || (o.table !== undefined && r.test(o.table)));
}



/***/ }),

/***/ 84176:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AB: () => (/* binding */ quoteName),
/* harmony export */   T5: () => (/* binding */ objectKey),
/* harmony export */   qI: () => (/* binding */ flattenCatalog)
/* harmony export */ });
/* unused harmony exports columnText, policyText, qualified, qualifiedText */
function objectKey(o) {
    return `${o.objectType}:${o.object}`;
}
/** Every object of a catalog, keyed by objectKey. */
function flattenCatalog(catalog) {
    const out = new Map();
    const add = (o) => out.set(objectKey(o), o);
    for (const schema of catalog.schemas)
        add({ objectType: 'schema', object: schema, definition: 'schema', parts: {}, sql: { name: quoteName(schema) } });
    for (const e of catalog.extensions) {
        add({
            objectType: 'extension',
            object: e.name,
            parent: e.schema,
            definition: `extension ${e.name} in schema ${e.schema}`,
            parts: { schema: e.schema },
            sql: { name: `"${e.name.replace(/"/g, '""')}"` },
        });
    }
    for (const t of catalog.tables)
        flattenTable(t, add);
    for (const e of catalog.enums) {
        add({
            objectType: 'enum',
            object: `${e.schema}.${e.name}`,
            parent: e.schema,
            definition: `ENUM (${e.values.map(literal).join(', ')})`,
            parts: { values: e.values.map(literal).join(', ') },
            sql: { name: qualified(e.schema, e.name) },
            enumValues: e.values,
        });
    }
    for (const s of catalog.sequences)
        add(sequenceObject(s));
    for (const v of catalog.views) {
        const name = `${v.schema}.${v.name}`;
        add({
            objectType: v.materialized ? 'materialized-view' : 'view',
            object: name,
            parent: v.schema,
            definition: v.definition,
            parts: { query: v.definition },
            sql: { name: qualified(v.schema, v.name) },
        });
        for (const i of v.indexes ?? []) {
            add({
                objectType: 'index',
                object: `${i.schema}.${i.name}`,
                table: name,
                parent: name,
                definition: i.definition,
                parts: { definition: i.definition },
                sql: { name: qualified(i.schema, i.name), table: qualified(v.schema, v.name) },
            });
        }
    }
    return out;
}
function flattenTable(t, add) {
    const table = `${t.schema}.${t.name}`;
    const tableSql = qualified(t.schema, t.name);
    const child = (name) => ({ sql: { name: quoteName(name), table: tableSql } });
    const tableParts = { kind: t.kind };
    if (t.partitionKey)
        tableParts['partition key'] = t.partitionKey;
    if (t.partitionOf)
        tableParts['partition of'] = `${t.partitionOf} ${t.partitionBound ?? ''}`.trim();
    add({
        objectType: 'table',
        object: table,
        parent: t.schema,
        definition: createTableText(t),
        // The table's own definition is its kind and partitioning; its columns etc. are compared one by one.
        compare: JSON.stringify(tableParts),
        parts: tableParts,
        sql: { name: tableSql, table: tableSql },
    });
    const rls = `${t.rowLevelSecurity ? 'enabled' : 'disabled'}${t.forceRowLevelSecurity ? ', forced' : ''}`;
    if (t.rowLevelSecurity || t.forceRowLevelSecurity) {
        add({
            objectType: 'rls',
            object: table,
            table,
            parent: table,
            definition: `row level security ${rls}`,
            parts: { enabled: String(t.rowLevelSecurity), forced: String(t.forceRowLevelSecurity) },
            sql: { name: tableSql, table: tableSql },
        });
    }
    for (const c of t.columns) {
        add({
            objectType: 'column',
            object: `${table}.${c.name}`,
            table,
            parent: table,
            definition: columnText(c),
            parts: columnParts(c),
            ...child(c.name),
        });
    }
    for (const c of t.constraints) {
        add({
            objectType: 'constraint',
            object: `${table}.${c.name}`,
            table,
            parent: table,
            definition: c.definition,
            parts: { definition: c.definition },
            ...child(c.name),
        });
    }
    for (const i of t.indexes) {
        add({
            objectType: 'index',
            object: `${i.schema}.${i.name}`,
            table,
            parent: table,
            definition: i.definition,
            parts: { definition: i.definition },
            sql: { name: qualified(i.schema, i.name), table: tableSql },
        });
    }
    for (const p of t.policies) {
        add({
            objectType: 'policy',
            object: `${table}.${p.name}`,
            table,
            parent: table,
            definition: policyText(table, p),
            parts: policyParts(p),
            ...child(p.name),
        });
    }
    for (const tr of t.triggers) {
        add({
            objectType: 'trigger',
            object: `${table}.${tr.name}`,
            table,
            parent: table,
            definition: tr.enabled ? tr.definition : `${tr.definition} (disabled)`,
            parts: { definition: tr.definition, enabled: String(tr.enabled) },
            ...child(tr.name),
        });
    }
}
function columnText(c) {
    const words = [c.type];
    if (c.collation)
        words.push(`COLLATE "${c.collation}"`);
    if (c.identity)
        words.push(`GENERATED ${c.identity} AS IDENTITY`);
    if (c.generated)
        words.push(`GENERATED ALWAYS AS (${c.generated}) ${c.generatedKind ?? 'STORED'}`);
    if (c.notNull)
        words.push('NOT NULL');
    if (c.default !== undefined)
        words.push(`DEFAULT ${c.default}`);
    return words.join(' ');
}
function columnParts(c) {
    return {
        type: c.type,
        'not null': String(c.notNull),
        default: c.default ?? '',
        identity: c.identity ?? '',
        generated: c.generated ? `${c.generated} ${c.generatedKind}` : '',
        collation: c.collation ?? '',
    };
}
function createTableText(t) {
    const lines = [
        ...t.columns.map((c) => `${quoteName(c.name)} ${columnText(c)}`),
        ...t.constraints.map((c) => `CONSTRAINT ${quoteName(c.name)} ${c.definition}`),
    ];
    let text = `CREATE TABLE ${qualified(t.schema, t.name)} (${lines.join(', ')})`;
    if (t.partitionOf)
        text = `CREATE TABLE ${qualified(t.schema, t.name)} PARTITION OF ${t.partitionOf} ${t.partitionBound}`;
    if (t.partitionKey)
        text += ` PARTITION BY ${t.partitionKey}`;
    return text;
}
function policyParts(p) {
    return {
        as: p.permissive ? 'PERMISSIVE' : 'RESTRICTIVE',
        for: p.command,
        to: p.roles.join(', '),
        using: p.using ?? '',
        'with check': p.withCheck ?? '',
    };
}
function policyText(table, p) {
    let text = `CREATE POLICY ${quoteName(p.name)} ON ${qualifiedText(table)} AS ${p.permissive ? 'PERMISSIVE' : 'RESTRICTIVE'} FOR ${p.command} TO ${p.roles.join(', ')}`;
    if (p.using)
        text += ` USING (${p.using})`;
    if (p.withCheck)
        text += ` WITH CHECK (${p.withCheck})`;
    return text;
}
function sequenceObject(s) {
    const parts = {
        type: s.dataType,
        start: s.start,
        increment: s.increment,
        minvalue: s.min,
        maxvalue: s.max,
        cache: s.cache,
        cycle: String(s.cycle),
        'owned by': s.ownedBy ?? '',
    };
    const definition = `AS ${s.dataType} INCREMENT BY ${s.increment} MINVALUE ${s.min} MAXVALUE ${s.max} START WITH ${s.start} ` +
        `CACHE ${s.cache}${s.cycle ? ' CYCLE' : ''}${s.ownedBy ? ` OWNED BY ${s.ownedBy}` : ''}`;
    return {
        objectType: 'sequence',
        object: `${s.schema}.${s.name}`,
        parent: s.schema,
        definition,
        parts,
        sql: { name: qualified(s.schema, s.name) },
    };
}
/** Double-quotes an identifier only when PostgreSQL would need it (keeps reports readable). */
function quoteName(name) {
    return /^[a-z_][a-z0-9_$]*$/.test(name) && !RESERVED.has(name) ? name : `"${name.replace(/"/g, '""')}"`;
}
// PostgreSQL's reserved key words (appendix C): these must be quoted even when lower case.
const RESERVED = new Set(('all analyse analyze and any array as asc asymmetric authorization binary both case cast check collate collation ' +
    'column concurrently constraint create cross current_catalog current_date current_role current_schema ' +
    'current_time current_timestamp current_user default deferrable desc distinct do else end except false fetch ' +
    'for foreign freeze from full grant group having ilike in initially inner intersect into is isnull join lateral ' +
    'leading left like limit localtime localtimestamp natural not notnull null offset on only or order outer ' +
    'overlaps placing primary references returning right select session_user similar some symmetric system_user ' +
    'table tablesample then to trailing true union unique user using variadic verbose when where window with').split(' '));
function qualified(schema, name) {
    return `${quoteName(schema)}.${quoteName(name)}`;
}
/** `schema.table` as stored in our names (split on the first dot) → quoted SQL. */
function qualifiedText(name) {
    const dot = name.indexOf('.');
    return dot < 0 ? quoteName(name) : qualified(name.slice(0, dot), name.slice(dot + 1));
}
function literal(value) {
    return `'${value.replace(/'/g, "''")}'`;
}


/***/ }),

/***/ 6123:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ introspect)
/* harmony export */ });
/* harmony import */ var _normalise__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5360);

// Objects created by an extension belong to the extension, not to the migrations (e.g. postgis's spatial_ref_sys).
const NOT_FROM_EXTENSION = (classTable, oid) => `NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = '${classTable}'::pg_catalog.regclass
     AND d.objid = ${oid} AND d.deptype = 'e')`;
const IN_SCHEMAS = (column) => `${column} IN (SELECT pg_catalog.jsonb_array_elements_text($1::jsonb))`;
/**
 * Reads a database's structure. The same queries run on a real server and on PGlite; every text PostgreSQL renders
 * is produced with search_path = pg_catalog, so user objects are always schema-qualified whatever the session's
 * search_path, and then normalised so that catalogs from PostgreSQL 14 to 18 compare equal when the schemas are.
 */
async function introspect(client, options = {}) {
    const [settings] = await client.query(`SELECT pg_catalog.current_setting('search_path') AS search_path,
            pg_catalog.current_setting('server_version_num') AS version`);
    await client.query(`SELECT pg_catalog.set_config('search_path', 'pg_catalog', false)`);
    try {
        return await read(client, options, Number(settings?.version));
    }
    finally {
        await client.query(`SELECT pg_catalog.set_config('search_path', $1, false)`, [settings?.search_path ?? '']);
    }
}
async function read(client, options, serverVersion) {
    const schemas = await readSchemas(client, options);
    const param = [JSON.stringify(schemas)];
    const excluded = new Set(options.excludeTables ?? []);
    const q = (sql) => client.query(sql, param);
    const tableRows = await q(`SELECT n.nspname AS schema, c.relname AS name, c.relkind AS kind, c.relrowsecurity AS rls,
                c.relforcerowsecurity AS force_rls,
                CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key,
                CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
                (SELECT pn.nspname || '.' || p.relname FROM pg_catalog.pg_inherits i
                   JOIN pg_catalog.pg_class p ON p.oid = i.inhparent JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
                  WHERE i.inhrelid = c.oid AND c.relispartition) AS partition_of
           FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind IN ('r', 'p') AND ${IN_SCHEMAS('n.nspname')} AND ${NOT_FROM_EXTENSION('pg_catalog.pg_class', 'c.oid')}
          ORDER BY 1, 2`);
    const columnRows = await q(`SELECT n.nspname AS schema, c.relname AS table, a.attname AS name,
                pg_catalog.format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
                pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS default_expr, a.attidentity AS identity,
                a.attgenerated AS generated,
                CASE WHEN a.attcollation <> t.typcollation THEN co.collname END AS collation
           FROM pg_catalog.pg_attribute a
           JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
           JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
           LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
           LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
          WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND ${IN_SCHEMAS('n.nspname')}
          ORDER BY 1, 2, a.attnum`);
    // contype 'n' (PostgreSQL 18 records NOT NULL as constraints) is left out: nullability is the column's
    // attnotnull on every version, so it is compared there.;
    const constraintRows = await q(`SELECT n.nspname AS schema, c.relname AS table, con.conname AS name, con.contype AS kind,
                pg_catalog.pg_get_constraintdef(con.oid, true) AS definition
           FROM pg_catalog.pg_constraint con
           JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE con.contype IN ('p', 'u', 'c', 'f', 'x') AND c.relkind IN ('r', 'p') AND ${IN_SCHEMAS('n.nspname')}
          ORDER BY 1, 2, 3`);
    // Indexes that implement a primary key, unique or exclusion constraint are that constraint: compared there.;
    const indexRows = await q(`SELECT n.nspname AS schema, t.relname AS table, ic.relname AS name,
                pg_catalog.pg_get_indexdef(i.indexrelid) AS definition
           FROM pg_catalog.pg_index i
           JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
           JOIN pg_catalog.pg_class t ON t.oid = i.indrelid
           JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
          WHERE t.relkind IN ('r', 'p', 'm') AND ${IN_SCHEMAS('n.nspname')}
            AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = i.indexrelid
                              AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))
          ORDER BY 1, 3`);
    const policyRows = await q(`SELECT n.nspname AS schema, c.relname AS table, p.polname AS name, p.polpermissive AS permissive,
                p.polcmd AS command,
                COALESCE((SELECT pg_catalog.json_agg(r.name ORDER BY r.name) FROM (
                   SELECT CASE WHEN role = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(role)::text END AS name
                     FROM pg_catalog.unnest(p.polroles) AS role) r), '[]')::text AS roles,
                pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS using_expr,
                pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS check_expr
           FROM pg_catalog.pg_policy p
           JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE ${IN_SCHEMAS('n.nspname')}
          ORDER BY 1, 2, 3`);
    // Internal triggers implement foreign keys; triggers cloned onto partitions come from their parent's.;
    const triggerRows = await q(`SELECT n.nspname AS schema, c.relname AS table, t.tgname AS name,
                pg_catalog.pg_get_triggerdef(t.oid, false) AS definition, t.tgenabled <> 'D' AS enabled
           FROM pg_catalog.pg_trigger t
           JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND ${IN_SCHEMAS('n.nspname')}
          ORDER BY 1, 2, 3`);
    const tables = new Map();
    for (const r of tableRows) {
        const key = `${r.schema}.${r.name}`;
        if (excluded.has(key))
            continue;
        tables.set(key, {
            schema: String(r.schema),
            name: String(r.name),
            kind: r.kind === 'p' ? 'partitioned' : 'table',
            ...(r.partition_key ? { partitionKey: (0,_normalise__WEBPACK_IMPORTED_MODULE_0__/* .normaliseExpression */ .JN)(String(r.partition_key)) } : {}),
            ...(r.partition_of ? { partitionOf: String(r.partition_of) } : {}),
            ...(r.partition_bound ? { partitionBound: (0,_normalise__WEBPACK_IMPORTED_MODULE_0__/* .normaliseExpression */ .JN)(String(r.partition_bound)) } : {}),
            rowLevelSecurity: Boolean(r.rls),
            forceRowLevelSecurity: Boolean(r.force_rls),
            columns: [],
            constraints: [],
            indexes: [],
            policies: [],
            triggers: [],
        });
    }
    const owner = (r) => tables.get(`${r.schema}.${r.table}`);
    for (const r of columnRows)
        owner(r)?.columns.push(column(r));
    for (const r of constraintRows)
        owner(r)?.constraints.push(constraint(r));
    for (const r of policyRows)
        owner(r)?.policies.push(policy(r));
    for (const r of triggerRows) {
        owner(r)?.triggers.push({
            name: String(r.name),
            definition: (0,_normalise__WEBPACK_IMPORTED_MODULE_0__/* .normaliseTrigger */ .zo)(String(r.definition)),
            enabled: Boolean(r.enabled),
        });
    }
    const views = (await q(`SELECT n.nspname AS schema, c.relname AS name, c.relkind = 'm' AS materialized,
                    pg_catalog.pg_get_viewdef(c.oid, true) AS definition
               FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              WHERE c.relkind IN ('v', 'm') AND ${IN_SCHEMAS('n.nspname')}
                AND ${NOT_FROM_EXTENSION('pg_catalog.pg_class', 'c.oid')}
              ORDER BY 1, 2`)).map((r) => ({
        schema: String(r.schema),
        name: String(r.name),
        materialized: Boolean(r.materialized),
        definition: (0,_normalise__WEBPACK_IMPORTED_MODULE_0__/* .normaliseView */ .mW)(String(r.definition)),
        ...(r.materialized ? { indexes: [] } : {}),
    }));
    const viewsByName = new Map(views.map((v) => [`${v.schema}.${v.name}`, v]));
    for (const r of indexRows) {
        const index = { schema: String(r.schema), name: String(r.name), definition: (0,_normalise__WEBPACK_IMPORTED_MODULE_0__/* .normaliseIndex */ .P_)(String(r.definition)) };
        const table = owner(r);
        if (table)
            table.indexes.push(index);
        else
            viewsByName.get(`${r.schema}.${r.table}`)?.indexes?.push(index);
    }
    const enums = (await q(`SELECT n.nspname AS schema, t.typname AS name,
                    COALESCE((SELECT pg_catalog.json_agg(e.enumlabel ORDER BY e.enumsortorder)
                                FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid), '[]')::text AS labels
               FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
              WHERE t.typtype = 'e' AND ${IN_SCHEMAS('n.nspname')} AND ${NOT_FROM_EXTENSION('pg_catalog.pg_type', 't.oid')}
              ORDER BY 1, 2`)).map((r) => ({ schema: String(r.schema), name: String(r.name), values: JSON.parse(String(r.labels)) }));
    // Identity sequences (deptype 'i') are part of their column's identity; serial sequences (deptype 'a') are
    // objects of their own, owned by the column.
    const sequences = (await q(`SELECT n.nspname AS schema, c.relname AS name, pg_catalog.format_type(s.seqtypid, NULL) AS data_type,
                    s.seqstart::text AS start, s.seqincrement::text AS increment, s.seqmin::text AS min,
                    s.seqmax::text AS max, s.seqcache::text AS cache, s.seqcycle AS cycle,
                    (SELECT tn.nspname || '.' || tc.relname || '.' || ta.attname
                       FROM pg_catalog.pg_depend d
                       JOIN pg_catalog.pg_class tc ON tc.oid = d.refobjid
                       JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
                       JOIN pg_catalog.pg_attribute ta ON ta.attrelid = d.refobjid AND ta.attnum = d.refobjsubid
                      WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid
                        AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype = 'a'
                      LIMIT 1) AS owned_by
               FROM pg_catalog.pg_sequence s
               JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
               JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              WHERE ${IN_SCHEMAS('n.nspname')} AND ${NOT_FROM_EXTENSION('pg_catalog.pg_class', 'c.oid')}
                AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                                  AND d.objid = c.oid AND d.deptype = 'i')
              ORDER BY 1, 2`))
        .filter((r) => !r.owned_by || !excluded.has(String(r.owned_by).split('.').slice(0, 2).join('.')))
        .map((r) => ({
        schema: String(r.schema),
        name: String(r.name),
        dataType: String(r.data_type),
        start: String(r.start),
        increment: String(r.increment),
        min: String(r.min),
        max: String(r.max),
        cache: String(r.cache),
        cycle: Boolean(r.cycle),
        ...(r.owned_by ? { ownedBy: String(r.owned_by) } : {}),
    }));
    // plpgsql is installed in every database by PostgreSQL itself.
    const extensions = (await q(`SELECT e.extname AS name, n.nspname AS schema, e.extversion AS version
               FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
              WHERE e.extname <> 'plpgsql' AND ${IN_SCHEMAS('n.nspname')}
              ORDER BY 1`)).map((r) => ({ name: String(r.name), schema: String(r.schema), version: String(r.version) }));
    return {
        serverVersion,
        schemas,
        extensions,
        tables: [...tables.values()],
        enums,
        sequences,
        views,
    };
}
async function readSchemas(client, options) {
    const rows = await client.query(`SELECT n.nspname AS name FROM pg_catalog.pg_namespace n
      WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
        AND ${NOT_FROM_EXTENSION('pg_catalog.pg_namespace', 'n.oid')}
      ORDER BY 1`);
    const wanted = options.schemas?.length ? new Set(options.schemas) : undefined;
    const skipped = new Set(options.excludeSchemas ?? []);
    return rows.map((r) => r.name).filter((name) => (!wanted || wanted.has(name)) && !skipped.has(name));
}
function column(r) {
    const info = { name: String(r.name), type: (0,_normalise__WEBPACK_IMPORTED_MODULE_0__/* .normaliseType */ .Ln)(String(r.type)), notNull: Boolean(r.not_null) };
    const generated = r.generated === 's' || r.generated === 'v';
    if (r.default_expr && !generated)
        info.default = (0,_normalise__WEBPACK_IMPORTED_MODULE_0__/* .normaliseExpression */ .JN)(String(r.default_expr));
    if (r.identity === 'a')
        info.identity = 'ALWAYS';
    if (r.identity === 'd')
        info.identity = 'BY DEFAULT';
    if (generated) {
        info.generated = (0,_normalise__WEBPACK_IMPORTED_MODULE_0__/* .normaliseExpression */ .JN)(String(r.default_expr ?? ''));
        info.generatedKind = r.generated === 'v' ? 'VIRTUAL' : 'STORED';
    }
    if (r.collation)
        info.collation = String(r.collation);
    return info;
}
const CONSTRAINT_KINDS = {
    p: 'primary-key',
    u: 'unique',
    c: 'check',
    f: 'foreign-key',
    x: 'exclusion',
};
function constraint(r) {
    return {
        name: String(r.name),
        kind: CONSTRAINT_KINDS[String(r.kind)] ?? 'check',
        definition: (0,_normalise__WEBPACK_IMPORTED_MODULE_0__/* .normaliseConstraint */ ._L)(String(r.definition)),
    };
}
const POLICY_COMMANDS = {
    r: 'SELECT',
    a: 'INSERT',
    w: 'UPDATE',
    d: 'DELETE',
    '*': 'ALL',
};
function policy(r) {
    return {
        name: String(r.name),
        permissive: Boolean(r.permissive),
        command: POLICY_COMMANDS[String(r.command)] ?? 'ALL',
        roles: JSON.parse(String(r.roles)),
        ...(r.using_expr ? { using: (0,_normalise__WEBPACK_IMPORTED_MODULE_0__/* .normaliseExpression */ .JN)(String(r.using_expr)) } : {}),
        ...(r.check_expr ? { withCheck: (0,_normalise__WEBPACK_IMPORTED_MODULE_0__/* .normaliseExpression */ .JN)(String(r.check_expr)) } : {}),
    };
}


/***/ }),

/***/ 5360:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JN: () => (/* binding */ normaliseExpression),
/* harmony export */   Ln: () => (/* binding */ normaliseType),
/* harmony export */   P_: () => (/* binding */ normaliseIndex),
/* harmony export */   _L: () => (/* binding */ normaliseConstraint),
/* harmony export */   mW: () => (/* binding */ normaliseView),
/* harmony export */   zo: () => (/* binding */ normaliseTrigger)
/* harmony export */ });
/* unused harmony exports collapseWhitespace, unqualifySingleRelation */
/**
 * PostgreSQL renders the same object with slightly different text from one major version to the next (PGlite is
 * PostgreSQL 18; production often runs 14-17). These functions rewrite only those version-dependent spellings, so a
 * real difference in an object still shows up as a difference in its text.
 */
/** Whitespace outside quoted text is layout, never meaning. */
function collapseWhitespace(text) {
    let out = '';
    let quote;
    let pendingSpace = false;
    for (const ch of text.trim()) {
        if (quote) {
            out += ch;
            if (ch === quote)
                quote = undefined;
            continue;
        }
        if (/\s/.test(ch)) {
            pendingSpace = true;
            continue;
        }
        if (pendingSpace) {
            // No space after "(" or before ")" / ",": versions differ in where they break lines inside lists.
            if (out.length && !out.endsWith('(') && ch !== ')' && ch !== ',')
                out += ' ';
            pendingSpace = false;
        }
        if (ch === "'" || ch === '"')
            quote = ch;
        out += ch;
    }
    return out;
}
function normaliseExpression(text) {
    return collapseWhitespace(text);
}
function normaliseType(text) {
    return collapseWhitespace(text);
}
function normaliseConstraint(text) {
    return collapseWhitespace(text);
}
function normaliseIndex(text) {
    return collapseWhitespace(text);
}
function normaliseTrigger(text) {
    return collapseWhitespace(text);
}
function normaliseView(text) {
    // pg_get_viewdef ends with ';' and pretty-prints with version-dependent indentation.
    return unqualifySingleRelation(collapseWhitespace(text).replace(/;$/, ''));
}
/**
 * PostgreSQL 16 stopped qualifying column names in a view that reads one relation (`SELECT id FROM public.users`
 * where 15 printed `SELECT users.id FROM public.users`). For a query over exactly one relation (no join, no
 * subquery, no second FROM item) the qualifier cannot change the meaning, so the older spelling is rewritten into the
 * newer one. Anything more complex keeps its qualifiers, which both versions print.
 */
function unqualifySingleRelation(query) {
    const bare = outsideQuotes(query);
    if ((bare.match(/\bFROM\b/g) ?? []).length !== 1 ||
        /\bJOIN\b|\(\s*SELECT\b|\bUNION\b|\bINTERSECT\b|\bEXCEPT\b/.test(bare)) {
        return query;
    }
    const from = /\bFROM\s+((?:[a-z_][a-z0-9_$]*|"(?:[^"]|"")+")(?:\.(?:[a-z_][a-z0-9_$]*|"(?:[^"]|"")+"))?)(?:\s+(?!WHERE\b|GROUP\b|ORDER\b|HAVING\b|LIMIT\b|OFFSET\b|WINDOW\b|FOR\b)([a-z_][a-z0-9_$]*|"(?:[^"]|"")+"))?\s*(,)?/.exec(query);
    if (!from || from[3])
        return query;
    const relation = from[1] ?? '';
    const qualifier = from[2] ?? relation.slice(relation.lastIndexOf('.') + 1);
    const escaped = qualifier.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`(^|[^a-zA-Z0-9_$".])${escaped}\\.(?=[a-z_"])`, 'g');
    // Rewrite only outside string literals; the FROM item itself keeps its schema.
    return mapOutsideQuotes(query, (segment) => segment.replace(pattern, '$1')).replace(new RegExp(`\\bFROM\\s+${relation.slice(relation.lastIndexOf('.') + 1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`), `FROM ${relation}`);
}
/** The text with quoted parts blanked out, for searching key words. */
function outsideQuotes(text) {
    return mapOutsideQuotes(text, (s) => s, (q) => ' '.repeat(q.length));
}
function mapOutsideQuotes(text, outside, inside = (s) => s) {
    return text
        .split(/('(?:[^']|'')*')/)
        .map((part, i) => (i % 2 === 1 ? inside(part) : outside(part)))
        .join('');
}


/***/ }),

/***/ 1067:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ replayMigrations)
/* harmony export */ });
/* unused harmony export objectsCreatedBy */
/* harmony import */ var _db_client__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(92314);
/* harmony import */ var _db_pglite__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82212);
/* harmony import */ var _migrations_executor__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8109);
/* harmony import */ var _migrations_extensions__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(42978);




const MISSING_ROLE = /role "([^"]+)" does not exist/;
/** A folder that needs more skips than this is not one an absent extension explains. */
const MAX_UNREPLAYED = 100;
/**
 * Builds the schema that exactly these migrations produce, in an embedded PostgreSQL (PGlite), through the same
 * executor as a deploy (one transaction per migration, so one that needs a fix is retried alone). PGlite loads
 * extensions only at start-up, so the ones the migrations create are loaded first; roles the migrations grant to or
 * create policies for exist on the server, not in the files, so a missing one is created and the migration retried.
 * When PGlite lacks an extension (postgis), each statement that fails is skipped and named, so the rest is compared.
 */
async function replayMigrations(migrations, options) {
    const { extensions, unavailable } = await (0,_db_pglite__WEBPACK_IMPORTED_MODULE_0__/* .resolveEmbeddedExtensions */ .nS)((0,_migrations_extensions__WEBPACK_IMPORTED_MODULE_2__/* .extensionsCreatedBy */ .u)(migrations.map((m) => m.sql)));
    const client = await (0,_db_pglite__WEBPACK_IMPORTED_MODULE_0__/* .openEmbedded */ .fc)({ extensions });
    const unreplayed = [];
    try {
        let pending = migrations;
        let ledgerExists = false;
        for (;;) {
            const result = await (0,_migrations_executor__WEBPACK_IMPORTED_MODULE_1__/* .execute */ .g7)(client, { location: options.ledger, layout: options.layout, exists: ledgerExists }, (0,_migrations_executor__WEBPACK_IMPORTED_MODULE_1__/* .plan */ .et)(pending, 'each').batches ?? [], { recover: (_step, error) => createMissingRole(client, error) });
            ledgerExists ||= result.committed.length > 0;
            if (!result.failure)
                return { client, unavailable, unreplayed };
            const { error } = result.failure;
            if (!unavailable.length || !(error instanceof _migrations_executor__WEBPACK_IMPORTED_MODULE_1__/* .MigrationFailedError */ .Yv) || unreplayed.length >= MAX_UNREPLAYED)
                throw explain(error, unavailable);
            unreplayed.push(describeUnreplayed(error));
            // The failing migration was rolled back: replay it again without that statement, then the rest.
            const failed = error.migration;
            const without = { ...failed, chunks: failed.chunks.filter((c) => c !== error.chunk) };
            pending = [without, ...pending.slice(pending.indexOf(failed) + 1)];
        }
    }
    catch (error) {
        await client.close();
        throw error;
    }
}
function describeUnreplayed(error) {
    const text = error.chunk.sql
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('--'));
    const first = text[0] ?? '';
    return {
        migration: error.migration,
        line: error.line,
        statement: first.length > 120 ? `${first.slice(0, 117)}...` : first,
        reason: error.postgres.message,
        objects: objectsCreatedBy(error.chunk.sql),
    };
}
const NAME = String.raw `(?:"[^"]+"|[\w$]+)`;
const QUALIFIED = String.raw `(${NAME}(?:\s*\.\s*${NAME})?)`;
const CREATES = [
    {
        pattern: new RegExp(String.raw `create\s+extension\s+(?:if\s+not\s+exists\s+)?(${NAME})`, 'gi'),
        objects: (m) => [unquote(m[1])],
    },
    {
        pattern: new RegExp(String.raw `create\s+(?:unlogged\s+)?table\s+(?:if\s+not\s+exists\s+)?${QUALIFIED}`, 'gi'),
        // A serial column's sequence is named after the table.
        objects: (m) => [qualify(m[1]), `${qualify(m[1])}_*_seq`],
    },
    {
        pattern: new RegExp(String.raw `create\s+(?:or\s+replace\s+)?(?:materialized\s+)?view\s+(?:if\s+not\s+exists\s+)?${QUALIFIED}`, 'gi'),
        objects: (m) => [qualify(m[1])],
    },
    {
        pattern: new RegExp(String.raw `create\s+(?:unique\s+)?index\s+(?:concurrently\s+)?(?:if\s+not\s+exists\s+)?(${NAME})\s+on\s+(?:only\s+)?${QUALIFIED}`, 'gi'),
        objects: (m) => [`${schemaOf(m[2])}.${unquote(m[1])}`],
    },
    {
        pattern: new RegExp(String.raw `alter\s+table\s+(?:if\s+exists\s+)?(?:only\s+)?${QUALIFIED}\s+add\s+(?:column\s+)?(?:if\s+not\s+exists\s+)?(${NAME})`, 'gi'),
        objects: (m) => (/^constraint$/i.test(m[2]) ? [`${qualify(m[1])}.*`] : [`${qualify(m[1])}.${unquote(m[2])}`]),
    },
    {
        pattern: new RegExp(String.raw `create\s+(?:or\s+replace\s+)?trigger\s+(${NAME})\s+[\s\S]*?\bon\s+${QUALIFIED}`, 'gi'),
        objects: (m) => [`${qualify(m[2])}.${unquote(m[1])}`],
    },
];
/** What a statement creates, as drift-check names objects; a best effort that only narrows the comparison. */
function objectsCreatedBy(sql) {
    const bare = sql.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
    const names = CREATES.flatMap(({ pattern, objects }) => [...bare.matchAll(pattern)].flatMap(objects));
    return [...new Set(names)];
}
function unquote(name) {
    return name.startsWith('"') ? name.slice(1, -1) : name.toLowerCase();
}
function qualify(name) {
    const parts = name.split(/\s*\.\s*(?=(?:[^"]*"[^"]*")*[^"]*$)/).map(unquote);
    return parts.length > 1 ? parts.join('.') : `public.${parts[0]}`;
}
function schemaOf(table) {
    return qualify(table).split('.')[0];
}
async function createMissingRole(client, error) {
    const role = MISSING_ROLE.exec(error.postgres.message)?.[1];
    if (!role)
        return false;
    await client.exec(`CREATE ROLE ${(0,_db_client__WEBPACK_IMPORTED_MODULE_3__/* .quoteIdent */ .v)(role)}`);
    return true;
}
function explain(error, unavailable) {
    if (!(error instanceof Error))
        return error;
    const missing = unavailable.find((name) => error.message.includes(`"${name}"`));
    if (!missing)
        return error;
    return new Error(`${error.message} The embedded PostgreSQL (PGlite) does not ship the extension "${missing}", so the migrations that use it cannot be replayed for comparison.`, { cause: error });
}


/***/ }),

/***/ 82212:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fc: () => (/* binding */ openEmbedded),
/* harmony export */   nS: () => (/* binding */ resolveEmbeddedExtensions)
/* harmony export */ });
/* unused harmony exports loadPGliteModule, PGliteClient, EXTENSION_PACKAGES, embeddedExtensionNames, PREINITIALISED_DATA_DIR */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_3__);




/**
 * The vendored copy: dist/pglite/ next to the bundle, or, from sources (tests, tsx), the repository's committed
 * dist/pglite/ (the same PGlite version, copied by the build), so both boot the same way from the prepared data dir.
 */
function vendoredDir() {
    const here = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)((0,node_url__WEBPACK_IMPORTED_MODULE_3__.fileURLToPath)(import.meta.url));
    const candidates = [(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(here, '..', 'pglite'), (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(here, '..', '..', '..', 'dist', 'pglite')];
    return candidates.find((dir) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'index.js')));
}
/** The folder holding PGlite's runtime files (index.js, contrib/), vendored or installed. */
function pgliteDistDir() {
    const vendored = vendoredDir();
    if (vendored)
        return vendored;
    // From sources: the installed package.
    const installed = installedPackageFile('@electric-sql/pglite', 'dist');
    if (!installed)
        throw new Error('@electric-sql/pglite is not installed');
    return installed;
}
/**
 * Loads PGlite. The bundle carries PGlite's own files once, in dist/pglite/, next to dist/main/; loading them at run
 * time (instead of bundling them into each action) keeps its 16 MB of wasm and data out of every entry and lets PGlite
 * find its assets exactly where its authors expect them. From sources (tests, tsx) the installed package is used.
 */
async function loadPGliteModule() {
    const vendored = vendoredDir();
    if (vendored)
        return (await import(/* webpackIgnore: true */ (0,node_url__WEBPACK_IMPORTED_MODULE_3__.pathToFileURL)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(vendored, 'index.js')).href));
    return (await import(/* webpackIgnore: true */ '@electric-sql/pglite'));
}
class PGliteClient {
    raw;
    kind = 'pglite';
    constructor(raw) {
        this.raw = raw;
    }
    async query(sql, params = []) {
        const result = await this.raw.query(sql, params);
        return result.rows;
    }
    async exec(sql) {
        // exec() runs the text as one simple-protocol message, so several statements in one chunk work, as with pg.
        await this.raw.exec(sql);
    }
    async close() {
        if (!this.raw.closed)
            await this.raw.close();
    }
}
/** Extensions compiled into PGlite itself: CREATE EXTENSION works without loading anything. */
const BUILT_IN_EXTENSIONS = new Set(['plpgsql']);
/**
 * Extensions PGlite's authors publish as packages of their own rather than in @electric-sql/pglite/contrib. Each
 * package's dist/ holds an index.js exporting the extension and the .tar.gz it loads from beside itself; the build
 * vendors both into dist/pglite/extensions/<extension>/ so the bundle loads them at run time like the contrib ones.
 * Not here: @electric-sql/pglite-postgis, whose newest release (0.2.8, built for PGlite 0.5.8) fails to load in this
 * PGlite (its script cannot load plpgsql.so), so postgis stays "not available in PGlite".
 */
const EXTENSION_PACKAGES = {
    vector: { package: '@electric-sql/pglite-pgvector' },
};
/** The file stem PGlite uses for an extension's module in contrib/ (`uuid-ossp` → `uuid_ossp`). */
function contribStem(extension) {
    return extension.toLowerCase().replace(/-/g, '_');
}
/** Where an extension's module is: PGlite's contrib/, or a package of its own (vendored, else installed). */
function extensionModule(name) {
    const packaged = EXTENSION_PACKAGES[name];
    if (!packaged) {
        const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(pgliteDistDir(), 'contrib', `${contribStem(name)}.js`);
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file) ? file : undefined;
    }
    const vendored = vendoredDir();
    const candidates = [
        ...(vendored ? [(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(vendored, 'extensions', name, 'index.js')] : []),
        installedPackageFile(packaged.package, 'dist', 'index.js'),
    ];
    return candidates.find((file) => !!file && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file));
}
/** A file of an installed package, found by walking up from this file as Node's resolution would. */
function installedPackageFile(pkg, ...path) {
    for (let dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)((0,node_url__WEBPACK_IMPORTED_MODULE_3__.fileURLToPath)(import.meta.url));; dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dir)) {
        const candidate = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'node_modules', ...pkg.split('/'), ...path);
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(candidate))
            return candidate;
        if ((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dir) === dir)
            return undefined;
    }
}
/** Names of the PostgreSQL extensions this PGlite can load (contrib modules, extension packages, built-ins). */
function embeddedExtensionNames() {
    const contrib = join(pgliteDistDir(), 'contrib');
    const stems = existsSync(contrib)
        ? readdirSync(contrib)
            .filter((f) => f.endsWith('.js'))
            .map((f) => f.slice(0, -3))
        : [];
    const packaged = Object.keys(EXTENSION_PACKAGES).filter((name) => extensionModule(name));
    return [...BUILT_IN_EXTENSIONS, ...stems, ...packaged].sort();
}
/** Finds PGlite's module for each extension a migration creates; PGlite needs them when it boots, not later. */
async function resolveEmbeddedExtensions(names) {
    const extensions = {};
    const unavailable = [];
    for (const name of new Set([...names].map((n) => n.toLowerCase()))) {
        if (BUILT_IN_EXTENSIONS.has(name))
            continue;
        const file = extensionModule(name);
        const module = file
            ? (await import(/* webpackIgnore: true */ (0,node_url__WEBPACK_IMPORTED_MODULE_3__.pathToFileURL)(file).href))
            : {};
        const extension = Object.values(module).find((value) => !!value && typeof value === 'object' && 'setup' in value);
        if (extension)
            extensions[contribStem(name)] = extension;
        else
            unavailable.push(name);
    }
    return { extensions, unavailable };
}
/**
 * A data directory initialised at build time (scripts/build.ts), so booting skips initdb: about 0.5 s instead of
 * 2.5 s. Without a dist/ (not built yet) PGlite initialises a fresh one.
 */
const PREINITIALISED_DATA_DIR = 'pgdata.tar.gz';
function preinitialisedDataDir() {
    const vendored = vendoredDir();
    const file = vendored && (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(vendored, PREINITIALISED_DATA_DIR);
    if (!file || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
        return undefined;
    // Node's native gunzip is about twice as fast as PGlite's own (DecompressionStream) on this 40 MB archive.
    return new Blob([(0,node_zlib__WEBPACK_IMPORTED_MODULE_2__.gunzipSync)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file))]);
}
/** Boots an in-memory PostgreSQL (PGlite), from the pre-initialised data directory when there is one. */
async function openEmbedded(options = {}) {
    const { PGlite } = await loadPGliteModule();
    const fresh = options.dataDir !== undefined || options.loadDataDir !== undefined;
    const loadDataDir = fresh ? undefined : preinitialisedDataDir();
    const db = await PGlite.create(loadDataDir ? { ...options, loadDataDir } : options);
    return new PGliteClient(db);
}


/***/ }),

/***/ 93570:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $1: () => (/* binding */ validatePostgresUrl),
/* harmony export */   Mq: () => (/* binding */ connectPostgres)
/* harmony export */ });
/* unused harmony export PostgresClient */
/* harmony import */ var pg__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83849);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(32863);
/* harmony import */ var _secrets__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(19039);



// Keep bigint and timestamps as PostgreSQL's text where precision matters (the ledger's created_at is a bigint).
const BIGINT_OID = 20;
/**
 * Connects to a real PostgreSQL server. Every secret in the URL is masked before anything can print it, and the
 * usual failures (refused, unknown host, wrong password, missing database) become one line saying what to fix.
 */
async function connectPostgres(url, options) {
    const inputName = options.inputName ?? 'database-url';
    for (const secret of (0,_secrets__WEBPACK_IMPORTED_MODULE_1__/* .secretsInUrl */ .Ct)(url))
        options.logger.mask(secret);
    validatePostgresUrl(url, inputName);
    const client = new pg__WEBPACK_IMPORTED_MODULE_0__/* ["default"].Client */ .Ay.Client({
        connectionString: url,
        application_name: options.applicationName ?? 'schema-actions',
        connectionTimeoutMillis: options.connectTimeoutMs ?? 15_000,
        types: {
            getTypeParser: (oid, format) => (oid === BIGINT_OID ? (v) => v : pg__WEBPACK_IMPORTED_MODULE_0__/* ["default"].types */ .Ay.types.getTypeParser(oid, format)),
        },
    });
    // A dropped connection must surface as a failed query, not an unhandled 'error' event that kills the process.
    client.on('error', (error) => options.logger.debug(`database connection error: ${error.message}`));
    try {
        await client.connect();
    }
    catch (error) {
        await client.end().catch(() => undefined);
        throw connectionError(error, url, inputName);
    }
    return new PostgresClient(client);
}
/**
 * Fails on anything that is not a complete postgres:// URL (scheme, host, database), before any work starts. The
 * message names the input, never the URL: a malformed URL may hold a password where no parser can find it to mask.
 * A host may also come from `?host=` (a Unix socket directory), as libpq allows.
 */
function validatePostgresUrl(url, inputName = 'database-url') {
    const example = 'write it like postgres://user:password@host:5432/database';
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        // reported below
    }
    if (!parsed || !['postgres:', 'postgresql:'].includes(parsed.protocol)) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${inputName} is not a PostgreSQL URL; ${example}`);
    }
    if (!parsed.hostname && !parsed.searchParams.get('host')) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${inputName} is not a complete PostgreSQL URL: it has no host; ${example}`);
    }
    const database = parsed.pathname.replace(/^\//, '') || parsed.searchParams.get('dbname');
    if (!database) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${inputName} is not a complete PostgreSQL URL: it names no database; ${example}`);
    }
    if (database.includes('/') || /[@:]/.test(decodeURIComponent(database))) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${inputName} is not a valid PostgreSQL URL: its database name is malformed; ${example}`);
    }
}
class PostgresClient {
    raw;
    kind = 'postgres';
    constructor(raw) {
        this.raw = raw;
    }
    async query(sql, params = []) {
        const result = await this.raw.query(sql, params);
        return result.rows;
    }
    async exec(sql) {
        // No parameters: pg uses the simple query protocol, which accepts several statements in one string.
        await this.raw.query(sql);
    }
    /** The backend's process id, used to cancel a running statement from another connection. */
    get processId() {
        return this.raw.processID;
    }
    async close() {
        await this.raw.end().catch(() => undefined);
    }
}
function connectionError(error, url, inputName) {
    const e = error;
    const where = (0,_secrets__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(url);
    let host = '?';
    let user = '?';
    let database = '?';
    try {
        const parsed = new URL(url);
        host = `${parsed.hostname}:${parsed.port || '5432'}`;
        user = decodeURIComponent(parsed.username) || 'postgres';
        database = decodeURIComponent(parsed.pathname.slice(1)) || user;
    }
    catch {
        // handled by the scheme check before connecting
    }
    switch (e.code) {
        case 'ECONNREFUSED':
            return new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`cannot connect to PostgreSQL at ${host}: connection refused; check the host and port in ${inputName} and that the server is running`);
        case 'ENOTFOUND':
        case 'EAI_AGAIN':
            return new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`cannot connect to PostgreSQL: host ${host} not found; check the host name in ${inputName}`);
        case 'ETIMEDOUT':
            return new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`cannot connect to PostgreSQL at ${host}: timed out; check ${inputName} and that the runner can reach the server`);
        case '28P01':
        case '28000':
            return new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`PostgreSQL at ${host} rejected user "${user}": password authentication failed; check the user and password in ${inputName}`);
        case '3D000':
            return new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`database "${database}" does not exist on ${host}; create it or fix the database name in ${inputName}`);
        default:
            if (/timeout/i.test(e.message ?? '')) {
                return new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`cannot connect to PostgreSQL at ${host}: timed out; check ${inputName} and that the runner can reach the server`);
            }
            return new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`cannot connect to ${where}: ${e.message ?? String(error)}; check ${inputName}`);
    }
}


/***/ }),

/***/ 94269:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ codeBlock),
/* harmony export */   Q: () => (/* binding */ markdownTable)
/* harmony export */ });
/** A GitHub-flavoured Markdown table; cell text is escaped so a `|` or newline cannot break the layout. */
function markdownTable(headers, rows) {
    const escape = (cell) => cell.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
    return [
        `| ${headers.map(escape).join(' | ')} |`,
        `| ${headers.map(() => '---').join(' | ')} |`,
        ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
    ].join('\n');
}
function codeBlock(text, language = '') {
    const fence = text.includes('```') ? '````' : '```';
    return `${fence}${language}\n${text.trimEnd()}\n${fence}`;
}


/***/ }),

/***/ 42978:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ extensionsCreatedBy)
/* harmony export */ });
const CREATE_EXTENSION = /\bcreate\s+extension\s+(?:if\s+not\s+exists\s+)?(?:"([^"]+)"|([a-z0-9_-]+))/gi;
/**
 * Extensions that the SQL creates, lower-cased, in order of first appearance. PGlite loads an extension's module
 * only at start-up, so whoever boots one to run migrations must know these first. Comments are skipped, so a
 * commented-out CREATE EXTENSION asks for nothing.
 */
function extensionsCreatedBy(sqls) {
    const names = new Set();
    for (const sql of sqls) {
        const withoutComments = sql.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
        for (const match of withoutComments.matchAll(CREATE_EXTENSION))
            names.add((match[1] ?? match[2] ?? '').toLowerCase());
    }
    names.delete('');
    return [...names];
}


/***/ })

};
