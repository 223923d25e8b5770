export const id = 7;
export const ids = [7];
export const modules = {

/***/ 92195:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ diffCatalogs)
/* harmony export */ });
/* harmony import */ var _flatten__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(84176);
/* harmony import */ var _versions__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7853);


// Reported in this order, so a report reads from containers down to details.
const ORDER = [
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
function diffCatalogs(from, to, options = {}) {
    const [aligned, other] = (0,_versions__WEBPACK_IMPORTED_MODULE_1__/* .alignVersions */ .B)(from, to);
    const before = (0,_flatten__WEBPACK_IMPORTED_MODULE_0__/* .flattenCatalog */ .qI)(aligned);
    const after = (0,_flatten__WEBPACK_IMPORTED_MODULE_0__/* .flattenCatalog */ .qI)(other);
    const ignored = compileIgnore(options.ignore ?? []);
    const differences = [];
    const gone = new Set([...before.keys()].filter((key) => !after.has(key)));
    const born = new Set([...after.keys()].filter((key) => !before.has(key)));
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
        ...(o.subject ? { subject: o.subject } : {}),
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
    const names = (o) => [o.object, o.table, o.subject].filter((n) => n !== undefined);
    return (o) => regexes.some((r) => names(o).some((name) => r.test(name)));
}



/***/ }),

/***/ 84176:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AB: () => (/* reexport safe */ _names__WEBPACK_IMPORTED_MODULE_7__.AB),
/* harmony export */   T5: () => (/* binding */ objectKey),
/* harmony export */   i5: () => (/* reexport safe */ _names__WEBPACK_IMPORTED_MODULE_7__.i5),
/* harmony export */   qI: () => (/* binding */ flattenCatalog)
/* harmony export */ });
/* unused harmony exports columnText, policyText */
/* harmony import */ var _kinds_collations__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(16476);
/* harmony import */ var _kinds_comments__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(87734);
/* harmony import */ var _kinds_functions__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(14767);
/* harmony import */ var _kinds_grants__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(20011);
/* harmony import */ var _kinds_owners__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(21156);
/* harmony import */ var _kinds_types__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(33403);
/* harmony import */ var _kinds_views__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(23104);
/* harmony import */ var _names__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(88486);









function objectKey(o) {
    return `${o.objectType}:${o.object}`;
}
/** Every object of a catalog, keyed by objectKey. */
function flattenCatalog(catalog) {
    const out = new Map();
    const add = (o) => out.set(objectKey(o), o);
    for (const schema of catalog.schemas)
        add({ objectType: 'schema', object: schema, definition: 'schema', parts: {}, sql: { name: (0,_names__WEBPACK_IMPORTED_MODULE_7__/* .quoteName */ .AB)(schema) } });
    for (const e of catalog.extensions) {
        add({
            objectType: 'extension',
            object: e.name,
            parent: `schema:${e.schema}`,
            definition: `extension ${e.name}${e.versionPinned ? ` version ${e.version}` : ''} in schema ${e.schema}`,
            parts: { schema: e.schema, ...(e.versionPinned ? { version: e.version } : {}) },
            sql: { name: `"${e.name.replace(/"/g, '""')}"` },
        });
    }
    for (const t of catalog.tables)
        flattenTable(t, add);
    for (const e of catalog.enums) {
        add({
            objectType: 'enum',
            object: `${e.schema}.${e.name}`,
            parent: `schema:${e.schema}`,
            definition: `ENUM (${e.values.map(literal).join(', ')})`,
            parts: { values: e.values.map(literal).join(', ') },
            sql: { name: (0,_names__WEBPACK_IMPORTED_MODULE_7__/* .qualified */ .LX)(e.schema, e.name) },
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
            parent: `schema:${v.schema}`,
            definition: v.definition,
            parts: { query: v.definition },
            sql: { name: (0,_names__WEBPACK_IMPORTED_MODULE_7__/* .qualified */ .LX)(v.schema, v.name) },
        });
        for (const i of v.indexes ?? []) {
            add({
                objectType: 'index',
                object: `${i.schema}.${i.name}`,
                table: name,
                parent: `materialized-view:${name}`,
                definition: i.definition,
                parts: { definition: i.definition },
                sql: { name: (0,_names__WEBPACK_IMPORTED_MODULE_7__/* .qualified */ .LX)(i.schema, i.name), table: (0,_names__WEBPACK_IMPORTED_MODULE_7__/* .qualified */ .LX)(v.schema, v.name) },
            });
        }
        if (!v.materialized)
            add((0,_kinds_views__WEBPACK_IMPORTED_MODULE_6__/* .viewOptionsObject */ .jz)(v));
        for (const tr of v.triggers)
            add(triggerObject(name, `view:${name}`, (0,_names__WEBPACK_IMPORTED_MODULE_7__/* .qualified */ .LX)(v.schema, v.name), tr));
    }
    for (const f of catalog.functions)
        add((0,_kinds_functions__WEBPACK_IMPORTED_MODULE_2__/* .functionObject */ .Y)(f));
    for (const d of catalog.domains)
        add((0,_kinds_types__WEBPACK_IMPORTED_MODULE_5__/* .domainObject */ .Gx)(d));
    for (const t of catalog.compositeTypes)
        add((0,_kinds_types__WEBPACK_IMPORTED_MODULE_5__/* .compositeTypeObject */ .x$)(t));
    for (const t of catalog.rangeTypes)
        add((0,_kinds_types__WEBPACK_IMPORTED_MODULE_5__/* .rangeTypeObject */ .J8)(t));
    for (const c of catalog.collations)
        add((0,_kinds_collations__WEBPACK_IMPORTED_MODULE_0__/* .collationObject */ .V)(c));
    for (const g of catalog.grants)
        add((0,_kinds_grants__WEBPACK_IMPORTED_MODULE_3__/* .grantObject */ .C)(g));
    for (const c of catalog.comments)
        add((0,_kinds_comments__WEBPACK_IMPORTED_MODULE_1__/* .commentObject */ .Z)(c));
    for (const o of catalog.owners)
        add((0,_kinds_owners__WEBPACK_IMPORTED_MODULE_4__/* .ownerObject */ .$E)(o));
    return out;
}
function flattenTable(t, add) {
    const table = `${t.schema}.${t.name}`;
    const tableSql = (0,_names__WEBPACK_IMPORTED_MODULE_7__/* .qualified */ .LX)(t.schema, t.name);
    const child = (name) => ({ sql: { name: (0,_names__WEBPACK_IMPORTED_MODULE_7__/* .quoteName */ .AB)(name), table: tableSql } });
    const tableParts = tablePartsOf(t);
    add({
        objectType: 'table',
        object: table,
        parent: `schema:${t.schema}`,
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
            parent: `table:${table}`,
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
            parent: `table:${table}`,
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
            parent: `table:${table}`,
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
            parent: `table:${table}`,
            definition: i.definition,
            parts: { definition: i.definition },
            sql: { name: (0,_names__WEBPACK_IMPORTED_MODULE_7__/* .qualified */ .LX)(i.schema, i.name), table: tableSql },
        });
    }
    for (const p of t.policies) {
        add({
            objectType: 'policy',
            object: `${table}.${p.name}`,
            table,
            parent: `table:${table}`,
            definition: policyText(table, p),
            parts: policyParts(p),
            ...child(p.name),
        });
    }
    for (const tr of t.triggers)
        add(triggerObject(table, `table:${table}`, tableSql, tr));
}
function tablePartsOf(t) {
    const parts = { kind: t.kind };
    if (t.partitionKey)
        parts['partition key'] = t.partitionKey;
    if (t.partitionOf)
        parts['partition of'] = `${t.partitionOf} ${t.partitionBound ?? ''}`.trim();
    if (t.inherits?.length)
        parts.inherits = t.inherits.join(', ');
    if (t.replicaIdentity)
        parts['replica identity'] = t.replicaIdentity;
    if (t.unlogged)
        parts.persistence = 'UNLOGGED';
    return parts;
}
function triggerObject(table, parent, tableSql, tr) {
    return {
        objectType: 'trigger',
        object: `${table}.${tr.name}`,
        table,
        parent,
        definition: tr.enabled ? tr.definition : `${tr.definition} (disabled)`,
        parts: { definition: tr.definition, enabled: String(tr.enabled) },
        sql: { name: (0,_names__WEBPACK_IMPORTED_MODULE_7__/* .quoteName */ .AB)(tr.name), table: tableSql },
    };
}
function columnText(c) {
    const words = [c.type];
    if (c.collation)
        words.push(`COLLATE "${c.collation}"`);
    if (c.identity)
        words.push(`GENERATED ${c.identity} AS IDENTITY${c.identityOptions ? ` (${c.identityOptions})` : ''}`);
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
        'identity options': c.identityOptions ?? '',
        generated: c.generated ? `${c.generated} ${c.generatedKind}` : '',
        collation: c.collation ?? '',
    };
}
function createTableText(t) {
    const lines = [
        ...t.columns.map((c) => `${(0,_names__WEBPACK_IMPORTED_MODULE_7__/* .quoteName */ .AB)(c.name)} ${columnText(c)}`),
        ...t.constraints.map((c) => `CONSTRAINT ${(0,_names__WEBPACK_IMPORTED_MODULE_7__/* .quoteName */ .AB)(c.name)} ${c.definition}`),
    ];
    let text = `CREATE TABLE ${(0,_names__WEBPACK_IMPORTED_MODULE_7__/* .qualified */ .LX)(t.schema, t.name)} (${lines.join(', ')})`;
    if (t.partitionOf)
        text = `CREATE TABLE ${(0,_names__WEBPACK_IMPORTED_MODULE_7__/* .qualified */ .LX)(t.schema, t.name)} PARTITION OF ${t.partitionOf} ${t.partitionBound}`;
    if (t.inherits?.length)
        text += ` INHERITS (${t.inherits.map(_names__WEBPACK_IMPORTED_MODULE_7__/* .qualifiedText */ .i5).join(', ')})`;
    if (t.partitionKey)
        text += ` PARTITION BY ${t.partitionKey}`;
    if (t.unlogged)
        text = text.replace('CREATE TABLE', 'CREATE UNLOGGED TABLE');
    if (t.replicaIdentity)
        text += `; ALTER TABLE ${(0,_names__WEBPACK_IMPORTED_MODULE_7__/* .qualified */ .LX)(t.schema, t.name)} REPLICA IDENTITY ${t.replicaIdentity}`;
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
    let text = `CREATE POLICY ${(0,_names__WEBPACK_IMPORTED_MODULE_7__/* .quoteName */ .AB)(p.name)} ON ${(0,_names__WEBPACK_IMPORTED_MODULE_7__/* .qualifiedText */ .i5)(table)} AS ${p.permissive ? 'PERMISSIVE' : 'RESTRICTIVE'} FOR ${p.command} TO ${p.roles.join(', ')}`;
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
        parent: `schema:${s.schema}`,
        definition,
        parts,
        sql: { name: (0,_names__WEBPACK_IMPORTED_MODULE_7__/* .qualified */ .LX)(s.schema, s.name) },
    };
}
function literal(value) {
    return `'${value.replace(/'/g, "''")}'`;
}


/***/ }),

/***/ 33014:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  q: () => (/* binding */ introspect)
});

// EXTERNAL MODULE: ./actions/lib/catalog/normalise.ts
var normalise = __webpack_require__(5360);
// EXTERNAL MODULE: ./actions/lib/catalog/kinds/collations.ts
var collations = __webpack_require__(16476);
// EXTERNAL MODULE: ./actions/lib/catalog/kinds/comments.ts
var comments = __webpack_require__(87734);
// EXTERNAL MODULE: ./actions/lib/catalog/kinds/functions.ts
var functions = __webpack_require__(14767);
// EXTERNAL MODULE: ./actions/lib/catalog/kinds/grants.ts
var grants = __webpack_require__(20011);
// EXTERNAL MODULE: ./actions/lib/catalog/kinds/owners.ts
var owners = __webpack_require__(21156);
// EXTERNAL MODULE: ./actions/lib/catalog/kinds/query.ts
var query = __webpack_require__(6962);
;// CONCATENATED MODULE: ./actions/lib/catalog/kinds/tables.ts

/** INHERITS parents (partitions are not inheritance here), REPLICA IDENTITY and UNLOGGED, by `schema.table`. */
async function readTableOptions(q) {
    const rows = await q(`SELECT n.nspname || '.' || c.relname AS table, c.relpersistence = 'u' AS unlogged,
                c.relreplident::text AS replident,
                (SELECT ic.relname FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
                  WHERE i.indrelid = c.oid AND i.indisreplident) AS replica_index,
                (SELECT pg_catalog.json_agg(pn.nspname || '.' || p.relname ORDER BY i.inhseqno)
                   FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
                   JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
                  WHERE i.inhrelid = c.oid AND NOT c.relispartition)::text AS inherits
           FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind IN ('r', 'p') AND ${(0,query/* IN_SCHEMAS */.XL)('n.nspname')}
            AND (c.relpersistence = 'u' OR c.relreplident <> 'd'
                 OR EXISTS (SELECT 1 FROM pg_catalog.pg_inherits i WHERE i.inhrelid = c.oid AND NOT c.relispartition))`);
    const options = new Map();
    for (const r of rows) {
        const replica = REPLICA_IDENTITY[String(r.replident)];
        options.set(String(r.table), {
            ...(r.inherits ? { inherits: JSON.parse(String(r.inherits)) } : {}),
            ...(replica
                ? { replicaIdentity: replica === 'USING INDEX' ? `USING INDEX ${String(r.replica_index)}` : replica }
                : {}),
            ...(r.unlogged ? { unlogged: true } : {}),
        });
    }
    return options;
}
const REPLICA_IDENTITY = { f: 'FULL', n: 'NOTHING', i: 'USING INDEX' };
/**
 * The options of each identity column's sequence that differ from the defaults CREATE ... AS IDENTITY picks for
 * its type, by `schema.table.column`, e.g. `START WITH 5 INCREMENT BY 2`.
 */
async function readIdentityOptions(q) {
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
            AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND ${(0,query/* IN_SCHEMAS */.XL)('tn.nspname')}`);
    const options = new Map();
    for (const r of rows) {
        const ascending = !String(r.increment).startsWith('-');
        // A descending sequence runs from -1 down to the type's minimum, which is -(max + 1).
        const typeMin = String(-BigInt(String(r.type_max)) - 1n);
        const defaults = ascending ? { min: '1', max: String(r.type_max) } : { min: typeMin, max: '-1' };
        const words = [];
        if (r.start !== (ascending ? r.min : r.max))
            words.push(`START WITH ${String(r.start)}`);
        if (r.increment !== '1')
            words.push(`INCREMENT BY ${String(r.increment)}`);
        if (r.min !== defaults.min)
            words.push(`MINVALUE ${String(r.min)}`);
        if (r.max !== defaults.max)
            words.push(`MAXVALUE ${String(r.max)}`);
        if (r.cache !== '1')
            words.push(`CACHE ${String(r.cache)}`);
        if (r.cycle)
            words.push('CYCLE');
        if (words.length)
            options.set(String(r.column), words.join(' '));
    }
    return options;
}

// EXTERNAL MODULE: ./actions/lib/catalog/kinds/types.ts
var types = __webpack_require__(33403);
// EXTERNAL MODULE: ./actions/lib/catalog/kinds/views.ts
var kinds_views = __webpack_require__(23104);
;// CONCATENATED MODULE: ./actions/lib/catalog/kinds/index.ts








/** The kinds of objects that live outside tables and views. */
async function readObjectKinds(q, options, excludedTables) {
    return {
        functions: await (0,functions/* readFunctions */.y)(q),
        domains: await (0,types/* readDomains */._f)(q),
        compositeTypes: await (0,types/* readCompositeTypes */.Vm)(q),
        rangeTypes: await (0,types/* readRangeTypes */.xR)(q),
        collations: await (0,collations/* readCollations */.F)(q),
        grants: await (0,grants/* readGrants */.o)(q, options.roles ?? [], excludedTables),
        comments: await (0,comments/* readComments */.T)(q, excludedTables),
        owners: options.owners ? await (0,owners/* readOwners */.hC)(q, excludedTables) : [],
    };
}
/** Adds what tables, their columns and views carry beyond their definition: options, inheritance, triggers. */
async function readRelationOptions(q, tables, views) {
    for (const [name, options] of await readTableOptions(q)) {
        const table = tables.get(name);
        if (table)
            Object.assign(table, options);
    }
    const identity = await readIdentityOptions(q);
    for (const [name, table] of tables) {
        for (const column of table.columns) {
            const options = identity.get(`${name}.${column.name}`);
            if (options && column.identity)
                column.identityOptions = options;
        }
    }
    const viewOptions = await (0,kinds_views/* readViewOptions */.u1)(q);
    const viewTriggers = await (0,kinds_views/* readViewTriggers */.Hv)(q);
    for (const view of views) {
        view.options = viewOptions.get(`${view.schema}.${view.name}`) ?? [];
        view.triggers = viewTriggers.get(`${view.schema}.${view.name}`) ?? [];
    }
}

;// CONCATENATED MODULE: ./actions/lib/catalog/introspect.ts



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
    const excluded = new Set(options.excludeTables ?? []);
    const q = (0,query/* catalogQuery */.MT)(client, schemas);
    const tables = await readTables(q, excluded);
    const views = await readViews(q);
    await readIndexes(q, tables, views);
    await readRelationOptions(q, tables, views);
    return {
        serverVersion,
        schemas,
        extensions: await readExtensions(q, new Set(options.pinnedExtensions ?? [])),
        tables: [...tables.values()],
        enums: await readEnums(q),
        sequences: await readSequences(q, excluded),
        views,
        ...(await readObjectKinds(q, options, excluded)),
    };
}
/** Tables with their columns, constraints, policies and triggers, by `schema.name`. */
async function readTables(q, excluded) {
    const tableRows = await q(`SELECT n.nspname AS schema, c.relname AS name, c.relkind AS kind, c.relrowsecurity AS rls,
                c.relforcerowsecurity AS force_rls,
                CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key,
                CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
                (SELECT pn.nspname || '.' || p.relname FROM pg_catalog.pg_inherits i
                   JOIN pg_catalog.pg_class p ON p.oid = i.inhparent JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
                  WHERE i.inhrelid = c.oid AND c.relispartition) AS partition_of
           FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind IN ('r', 'p') AND ${(0,query/* IN_SCHEMAS */.XL)('n.nspname')} AND ${(0,query/* NOT_FROM_EXTENSION */.hg)('pg_catalog.pg_class', 'c.oid')}
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
          WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND ${(0,query/* IN_SCHEMAS */.XL)('n.nspname')}
          ORDER BY 1, 2, a.attnum`);
    // contype 'n' (PostgreSQL 18 records NOT NULL as constraints) is left out: nullability is the column's
    // attnotnull on every version, so it is compared there.;
    const constraintRows = await q(`SELECT n.nspname AS schema, c.relname AS table, con.conname AS name, con.contype AS kind,
                pg_catalog.pg_get_constraintdef(con.oid, true) AS definition
           FROM pg_catalog.pg_constraint con
           JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE con.contype IN ('p', 'u', 'c', 'f', 'x') AND c.relkind IN ('r', 'p') AND ${(0,query/* IN_SCHEMAS */.XL)('n.nspname')}
          ORDER BY 1, 2, 3`);
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
          WHERE ${(0,query/* IN_SCHEMAS */.XL)('n.nspname')}
          ORDER BY 1, 2, 3`);
    // Internal triggers implement foreign keys; triggers cloned onto partitions come from their parent's.;
    const triggerRows = await q(`SELECT n.nspname AS schema, c.relname AS table, t.tgname AS name,
                pg_catalog.pg_get_triggerdef(t.oid, false) AS definition, t.tgenabled <> 'D' AS enabled
           FROM pg_catalog.pg_trigger t
           JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND ${(0,query/* IN_SCHEMAS */.XL)('n.nspname')}
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
            ...(r.partition_key ? { partitionKey: (0,normalise/* collapseWhitespace */.DK)(String(r.partition_key)) } : {}),
            ...(r.partition_of ? { partitionOf: String(r.partition_of) } : {}),
            ...(r.partition_bound ? { partitionBound: (0,normalise/* collapseWhitespace */.DK)(String(r.partition_bound)) } : {}),
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
            definition: (0,normalise/* collapseWhitespace */.DK)(String(r.definition)),
            enabled: Boolean(r.enabled),
        });
    }
    return tables;
}
async function readViews(q) {
    return (await q(`SELECT n.nspname AS schema, c.relname AS name, c.relkind = 'm' AS materialized,
                    pg_catalog.pg_get_viewdef(c.oid, true) AS definition
               FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              WHERE c.relkind IN ('v', 'm') AND ${(0,query/* IN_SCHEMAS */.XL)('n.nspname')}
                AND ${(0,query/* NOT_FROM_EXTENSION */.hg)('pg_catalog.pg_class', 'c.oid')}
              ORDER BY 1, 2`)).map((r) => ({
        schema: String(r.schema),
        name: String(r.name),
        materialized: Boolean(r.materialized),
        definition: (0,normalise/* normaliseView */.mW)(String(r.definition)),
        ...(r.materialized ? { indexes: [] } : {}),
        options: [],
        triggers: [],
    }));
}
/** Indexes, onto their table or materialized view. */
async function readIndexes(q, tables, views) {
    // Indexes that implement a primary key, unique or exclusion constraint are that constraint: compared there.;
    const indexRows = await q(`SELECT n.nspname AS schema, t.relname AS table, ic.relname AS name,
                pg_catalog.pg_get_indexdef(i.indexrelid) AS definition
           FROM pg_catalog.pg_index i
           JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
           JOIN pg_catalog.pg_class t ON t.oid = i.indrelid
           JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
          WHERE t.relkind IN ('r', 'p', 'm') AND ${(0,query/* IN_SCHEMAS */.XL)('n.nspname')}
            AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = i.indexrelid
                              AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))
          ORDER BY 1, 3`);
    const owner = (r) => tables.get(`${r.schema}.${r.table}`);
    const viewsByName = new Map(views.map((v) => [`${v.schema}.${v.name}`, v]));
    for (const r of indexRows) {
        const index = {
            schema: String(r.schema),
            name: String(r.name),
            definition: (0,normalise/* collapseWhitespace */.DK)(String(r.definition)),
        };
        const table = owner(r);
        if (table)
            table.indexes.push(index);
        else
            viewsByName.get(`${r.schema}.${r.table}`)?.indexes?.push(index);
    }
}
async function readEnums(q) {
    return (await q(`SELECT n.nspname AS schema, t.typname AS name,
                    COALESCE((SELECT pg_catalog.json_agg(e.enumlabel ORDER BY e.enumsortorder)
                                FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid), '[]')::text AS labels
               FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
              WHERE t.typtype = 'e' AND ${(0,query/* IN_SCHEMAS */.XL)('n.nspname')} AND ${(0,query/* NOT_FROM_EXTENSION */.hg)('pg_catalog.pg_type', 't.oid')}
              ORDER BY 1, 2`)).map((r) => ({ schema: String(r.schema), name: String(r.name), values: JSON.parse(String(r.labels)) }));
}
async function readSequences(q, excluded) {
    // Identity sequences (deptype 'i') are part of their column's identity; serial sequences (deptype 'a') are
    // objects of their own, owned by the column.
    return (await q(`SELECT n.nspname AS schema, c.relname AS name, pg_catalog.format_type(s.seqtypid, NULL) AS data_type,
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
              WHERE ${(0,query/* IN_SCHEMAS */.XL)('n.nspname')} AND ${(0,query/* NOT_FROM_EXTENSION */.hg)('pg_catalog.pg_class', 'c.oid')}
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
}
async function readExtensions(q, pinned) {
    // plpgsql is installed in every database by PostgreSQL itself.
    return (await q(`SELECT e.extname AS name, n.nspname AS schema, e.extversion AS version
               FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
              WHERE e.extname <> 'plpgsql' AND ${(0,query/* IN_SCHEMAS */.XL)('n.nspname')}
              ORDER BY 1`)).map((r) => ({
        name: String(r.name),
        schema: String(r.schema),
        version: String(r.version),
        ...(pinned.has(String(r.name)) ? { versionPinned: true } : {}),
    }));
}
async function readSchemas(client, options) {
    const rows = await client.query(`SELECT n.nspname AS name FROM pg_catalog.pg_namespace n
      WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
        AND ${(0,query/* NOT_FROM_EXTENSION */.hg)('pg_catalog.pg_namespace', 'n.oid')}
      ORDER BY 1`);
    const wanted = options.schemas?.length ? new Set(options.schemas) : undefined;
    const skipped = new Set(options.excludeSchemas ?? []);
    return rows.map((r) => r.name).filter((name) => (!wanted || wanted.has(name)) && !skipped.has(name));
}
function column(r) {
    const info = {
        name: String(r.name),
        type: (0,normalise/* collapseWhitespace */.DK)(String(r.type)),
        notNull: Boolean(r.not_null),
    };
    const generated = r.generated === 's' || r.generated === 'v';
    if (r.default_expr && !generated)
        info.default = (0,normalise/* collapseWhitespace */.DK)(String(r.default_expr));
    if (r.identity === 'a')
        info.identity = 'ALWAYS';
    if (r.identity === 'd')
        info.identity = 'BY DEFAULT';
    if (generated) {
        info.generated = (0,normalise/* collapseWhitespace */.DK)(String(r.default_expr ?? ''));
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
        definition: (0,normalise/* collapseWhitespace */.DK)(String(r.definition)),
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
        ...(r.using_expr ? { using: (0,normalise/* collapseWhitespace */.DK)(String(r.using_expr)) } : {}),
        ...(r.check_expr ? { withCheck: (0,normalise/* collapseWhitespace */.DK)(String(r.check_expr)) } : {}),
    };
}


/***/ }),

/***/ 16476:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ readCollations),
/* harmony export */   V: () => (/* binding */ collationObject)
/* harmony export */ });
/* harmony import */ var _names__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(88486);
/* harmony import */ var _query__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6962);


const PROVIDERS = { c: 'libc', i: 'icu', b: 'builtin', d: 'default' };
/**
 * Collation objects. The locale column is `colliculocale` in PostgreSQL 15-16 and `colllocale` from 17, so the row is
 * read whole (to_jsonb) and the version's column picked; `collversion` is the OS library's version, never compared.
 */
async function readCollations(q) {
    const rows = await q(`SELECT n.nspname AS schema, pg_catalog.to_jsonb(c.*)::text AS collation
           FROM pg_catalog.pg_collation c JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace
          WHERE ${(0,_query__WEBPACK_IMPORTED_MODULE_1__/* .IN_SCHEMAS */ .XL)('n.nspname')} AND ${(0,_query__WEBPACK_IMPORTED_MODULE_1__/* .NOT_FROM_EXTENSION */ .hg)('pg_catalog.pg_collation', 'c.oid')}
          ORDER BY 1, c.collname`);
    return rows.map((r) => {
        const c = JSON.parse(String(r.collation));
        return {
            schema: String(r.schema),
            name: String(c.collname),
            provider: PROVIDERS[String(c.collprovider)] ?? 'libc',
            collate: String(c.collcollate ?? ''),
            ctype: String(c.collctype ?? ''),
            locale: String(c.colllocale ?? c.colliculocale ?? ''),
            deterministic: c.collisdeterministic !== false,
            ...(c.collicurules ? { rules: String(c.collicurules) } : {}),
        };
    });
}
function collationObject(c) {
    const name = (0,_names__WEBPACK_IMPORTED_MODULE_0__/* .qualified */ .LX)(c.schema, c.name);
    const parts = {
        provider: c.provider,
        lc_collate: c.collate,
        lc_ctype: c.ctype,
        locale: c.locale,
        deterministic: String(c.deterministic),
        rules: c.rules ?? '',
    };
    const options = [`provider = ${c.provider}`];
    if (c.locale)
        options.push(`locale = '${c.locale}'`);
    if (c.collate)
        options.push(`lc_collate = '${c.collate}'`);
    if (c.ctype)
        options.push(`lc_ctype = '${c.ctype}'`);
    if (!c.deterministic)
        options.push('deterministic = false');
    if (c.rules)
        options.push(`rules = '${c.rules.replace(/'/g, "''")}'`);
    const definition = `(${options.join(', ')})`;
    return {
        objectType: 'collation',
        object: `${c.schema}.${c.name}`,
        parent: `schema:${c.schema}`,
        definition,
        parts,
        sql: { name },
        fix: {
            create: `CREATE COLLATION ${name} ${definition};`,
            drop: `DROP COLLATION ${name};`,
            // ALTER COLLATION cannot change a locale; DROP fails while columns use it (then recreate those too).
            change: `DROP COLLATION ${name};\nCREATE COLLATION ${name} ${definition};`,
        },
    };
}


/***/ }),

/***/ 87734:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ readComments),
/* harmony export */   Z: () => (/* binding */ commentObject)
/* harmony export */ });
/* harmony import */ var _query__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6962);

// The table a commented object belongs to: itself (tables, views), or its relation (columns, indexes, constraints,
// triggers, policies). Extensions' comments come with the extension, and its objects' with it too.
const RELATION_OF = `CASE d.classoid
    WHEN 'pg_catalog.pg_class'::pg_catalog.regclass THEN
      COALESCE((SELECT i.indrelid FROM pg_catalog.pg_index i WHERE i.indexrelid = d.objoid), d.objoid)
    WHEN 'pg_catalog.pg_constraint'::pg_catalog.regclass THEN
      (SELECT NULLIF(c.conrelid, 0) FROM pg_catalog.pg_constraint c WHERE c.oid = d.objoid)
    WHEN 'pg_catalog.pg_trigger'::pg_catalog.regclass THEN (SELECT t.tgrelid FROM pg_catalog.pg_trigger t WHERE t.oid = d.objoid)
    WHEN 'pg_catalog.pg_policy'::pg_catalog.regclass THEN (SELECT p.polrelid FROM pg_catalog.pg_policy p WHERE p.oid = d.objoid)
  END`;
// objectKey (see flatten.ts) of the object a comment is on, for those compared as objects of their own.
const OBJECT_OF = `CASE d.classoid
    WHEN 'pg_catalog.pg_proc'::pg_catalog.regclass THEN
      (SELECT CASE WHEN p.prokind = 'p' THEN 'procedure:' ELSE 'function:' END || n.nspname || '.' || p.proname || '('
              || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')'
         FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE p.oid = d.objoid)
    WHEN 'pg_catalog.pg_type'::pg_catalog.regclass THEN
      (SELECT CASE t.typtype WHEN 'd' THEN 'domain:' WHEN 'e' THEN 'enum:' WHEN 'r' THEN 'range-type:'
                ELSE 'composite-type:' END || n.nspname || '.' || t.typname
         FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE t.oid = d.objoid)
    WHEN 'pg_catalog.pg_collation'::pg_catalog.regclass THEN
      (SELECT 'collation:' || n.nspname || '.' || c.collname
         FROM pg_catalog.pg_collation c JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace WHERE c.oid = d.objoid)
    WHEN 'pg_catalog.pg_namespace'::pg_catalog.regclass THEN
      (SELECT 'schema:' || n.nspname FROM pg_catalog.pg_namespace n WHERE n.oid = d.objoid)
  END`;
async function readComments(q, excludedTables) {
    const rows = await q(`SELECT o.type, o.identity, d.description AS text, ${OBJECT_OF} AS object,
                r.relkind::text AS relkind, r.schema || '.' || r.name AS table,
                CASE WHEN d.objsubid > 0 THEN (SELECT a.attname FROM pg_catalog.pg_attribute a
                   WHERE a.attrelid = d.objoid AND a.attnum = d.objsubid) END AS column
           FROM (SELECT * FROM pg_catalog.pg_description
                  -- initdb's objects (below FirstNormalObjectId) are never compared, but thousands of its functions
                  -- have comments: skipped before pg_identify_object runs for each. Schema public is initdb's too.
                  WHERE objoid >= 16384 OR classoid = 'pg_catalog.pg_namespace'::pg_catalog.regclass) d,
                LATERAL pg_catalog.pg_identify_object(d.classoid, d.objoid, d.objsubid) o
           LEFT JOIN LATERAL (SELECT n.nspname AS schema, c.relname AS name, c.relkind FROM pg_catalog.pg_class c
                   JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = ${RELATION_OF}) r ON true
          WHERE o.type <> 'extension' AND (${(0,_query__WEBPACK_IMPORTED_MODULE_0__/* .IN_SCHEMAS */ .XL)('o.schema')} OR (o.type = 'schema' AND ${(0,_query__WEBPACK_IMPORTED_MODULE_0__/* .IN_SCHEMAS */ .XL)('o.identity')}))
            AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = d.classoid AND e.objid = d.objoid
                              AND e.deptype IN ('e', 'i'))
          ORDER BY 1, 2`);
    return rows
        .filter((r) => !r.table || !excludedTables.has(String(r.table)))
        .map((r) => ({
        on: String(r.type),
        target: String(r.identity),
        ...(r.table ? { table: String(r.table) } : {}),
        parent: parentKey(r),
        text: String(r.text),
    }));
}
const RELATION_TYPES = { v: 'view', m: 'materialized-view', S: 'sequence', i: 'index' };
function parentKey(r) {
    if (r.object)
        return String(r.object);
    if (!r.table)
        return undefined;
    const type = RELATION_TYPES[String(r.relkind)] ?? 'table';
    if (r.column && type === 'table')
        return `column:${String(r.table)}.${String(r.column)}`;
    return `${type}:${String(r.table)}`;
}
function commentObject(c) {
    const on = `${sqlType(c.on)} ${c.target.replace(/ on (?=[^ ]+$)/, c.on === 'domain constraint' ? ' ON DOMAIN ' : ' ON ')}`;
    // A function is named as drift-check names it (with its argument names, as its grants are), not as PostgreSQL's
    // object identity does (argument types only).
    const routine = /^(function|procedure):/.exec(c.parent ?? '');
    const subject = routine && c.parent ? c.parent.slice(routine[0].length) : c.target;
    return {
        objectType: 'comment',
        object: `${c.on} ${subject}`,
        subject,
        ...(c.table ? { table: c.table } : {}),
        ...(c.parent ? { parent: c.parent } : {}),
        definition: c.text,
        parts: { text: c.text },
        sql: { name: on },
        fix: {
            create: `COMMENT ON ${on} IS ${literal(c.text)};`,
            drop: `COMMENT ON ${on} IS NULL;`,
            change: `COMMENT ON ${on} IS ${literal(c.text)};`,
        },
    };
}
function sqlType(type) {
    if (type.endsWith(' column'))
        return 'COLUMN';
    if (type.endsWith(' constraint'))
        return 'CONSTRAINT';
    if (type === 'composite type' || type === 'enum')
        return 'TYPE';
    return type.toUpperCase();
}
function literal(value) {
    return `'${value.replace(/'/g, "''")}'`;
}


/***/ }),

/***/ 14767:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ functionObject),
/* harmony export */   y: () => (/* binding */ readFunctions)
/* harmony export */ });
/* harmony import */ var _names__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(88486);
/* harmony import */ var _normalise__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5360);
/* harmony import */ var _query__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6962);



const VOLATILITY = { i: 'IMMUTABLE', s: 'STABLE', v: 'VOLATILE' };
const PARALLEL = { s: 'SAFE', r: 'RESTRICTED', u: 'UNSAFE' };
/** Functions and procedures the migrations own (not an extension's, not a type's constructors, not aggregates). */
async function readFunctions(q) {
    const rows = await q(`SELECT n.nspname AS schema, p.proname AS name, p.prokind AS kind,
                pg_catalog.pg_get_function_identity_arguments(p.oid) AS arguments,
                pg_catalog.pg_get_function_arguments(p.oid) AS signature,
                pg_catalog.pg_get_function_result(p.oid) AS returns, l.lanname AS language,
                p.provolatile AS volatility, p.proisstrict AS strict, p.prosecdef AS security_definer,
                p.proleakproof AS leakproof, p.proparallel AS parallel, p.procost::text AS cost, p.prorows::text AS rows,
                COALESCE(p.proconfig, '{}')::text[] AS settings,
                pg_catalog.pg_get_function_sqlbody(p.oid) IS NOT NULL AS atomic,
                COALESCE(pg_catalog.pg_get_function_sqlbody(p.oid), p.prosrc) AS body
           FROM pg_catalog.pg_proc p
           JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
           JOIN pg_catalog.pg_language l ON l.oid = p.prolang
          WHERE p.prokind IN ('f', 'p') AND ${(0,_query__WEBPACK_IMPORTED_MODULE_1__/* .IN_SCHEMAS */ .XL)('n.nspname')}
            AND ${(0,_query__WEBPACK_IMPORTED_MODULE_1__/* .NOT_INTERNAL */ .KT)('pg_catalog.pg_proc', 'p.oid')}
          ORDER BY 1, 2, 4`);
    return rows.map((r) => ({
        schema: String(r.schema),
        name: String(r.name),
        kind: r.kind === 'p' ? 'procedure' : 'function',
        arguments: String(r.arguments),
        signature: (0,_normalise__WEBPACK_IMPORTED_MODULE_2__/* .collapseWhitespace */ .DK)(String(r.signature)),
        ...(r.returns ? { returns: (0,_normalise__WEBPACK_IMPORTED_MODULE_2__/* .collapseWhitespace */ .DK)(String(r.returns)) } : {}),
        language: String(r.language),
        volatility: VOLATILITY[String(r.volatility)] ?? 'VOLATILE',
        strict: Boolean(r.strict),
        securityDefiner: Boolean(r.security_definer),
        leakproof: Boolean(r.leakproof),
        parallel: PARALLEL[String(r.parallel)] ?? 'UNSAFE',
        cost: String(r.cost),
        rows: String(r.rows),
        settings: r.settings.slice().sort(),
        body: r.atomic ? (0,_normalise__WEBPACK_IMPORTED_MODULE_2__/* .collapseWhitespace */ .DK)(String(r.body)) : String(r.body),
        ...(r.atomic ? { atomic: true } : {}),
    }));
}
function functionObject(f) {
    const name = `${(0,_names__WEBPACK_IMPORTED_MODULE_0__/* .qualified */ .LX)(f.schema, f.name)}(${f.arguments})`;
    const parts = {
        arguments: f.signature,
        returns: f.returns ?? '',
        language: f.language,
        volatility: f.volatility,
        strict: String(f.strict),
        'security definer': String(f.securityDefiner),
        leakproof: String(f.leakproof),
        parallel: f.parallel,
        cost: f.cost,
        rows: f.rows,
        settings: f.settings.join(', '),
        body: f.body,
    };
    const definition = createFunctionText(f);
    const keyword = f.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION';
    return {
        objectType: f.kind,
        object: `${f.schema}.${f.name}(${f.arguments})`,
        parent: `schema:${f.schema}`,
        definition,
        // The body is compared as written: its text is the migration's, whatever the version.
        compare: JSON.stringify(parts),
        parts,
        sql: { name },
        fix: { create: `${definition};`, drop: `DROP ${keyword} ${name};`, change: `${definition};` },
    };
}
function createFunctionText(f) {
    const words = [`CREATE OR REPLACE ${f.kind.toUpperCase()} ${(0,_names__WEBPACK_IMPORTED_MODULE_0__/* .qualified */ .LX)(f.schema, f.name)}(${f.signature})`];
    if (f.returns)
        words.push(`RETURNS ${f.returns}`);
    words.push(`LANGUAGE ${f.language}`);
    if (f.kind === 'function') {
        words.push(f.volatility);
        if (f.strict)
            words.push('STRICT');
        if (f.leakproof)
            words.push('LEAKPROOF');
        if (f.parallel !== 'UNSAFE')
            words.push(`PARALLEL ${f.parallel}`);
    }
    if (f.securityDefiner)
        words.push('SECURITY DEFINER');
    if (f.kind === 'function')
        words.push(`COST ${f.cost}`);
    if (f.rows !== '0')
        words.push(`ROWS ${f.rows}`);
    for (const setting of f.settings)
        words.push(`SET ${settingClause(setting)}`);
    words.push(f.atomic ? f.body : `AS ${dollarQuote(f.body)}`);
    return words.join(' ');
}
// Settings whose value is a list (PostgreSQL's GUC_LIST_QUOTE): each element is its own literal.
const LIST_SETTINGS = new Set([
    'search_path',
    'temp_tablespaces',
    'local_preload_libraries',
    'session_preload_libraries',
]);
function settingClause(setting) {
    const eq = setting.indexOf('=');
    const name = setting.slice(0, eq);
    const value = setting.slice(eq + 1);
    const elements = LIST_SETTINGS.has(name) ? value.split(/,\s*/).map((e) => e.replace(/^"(.*)"$/, '$1')) : [value];
    return `${name} TO ${elements.map((e) => `'${e.replace(/'/g, "''")}'`).join(', ')}`;
}
function dollarQuote(body) {
    let tag = '$$';
    for (let i = 0; body.includes(tag); i++)
        tag = `$fn${i}$`;
    return `${tag}${body}${tag}`;
}


/***/ }),

/***/ 20011:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ grantObject),
/* harmony export */   o: () => (/* binding */ readGrants)
/* harmony export */ });
/* harmony import */ var _names__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(88486);
/* harmony import */ var _query__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6962);


// Each query yields one row per (object, grantee, privilege). A NULL ACL means the built-in default (acldefault),
// which is what GRANT and REVOKE start from. The owner's own privileges come with ownership, so they are left out.
const RELATIONS = `SELECT CASE WHEN c.relkind = 'S' THEN 'sequence' ELSE 'table' END AS on, n.nspname AS schema,
        c.relname AS name, NULL::text AS column, NULL::text AS arguments, ${(0,_query__WEBPACK_IMPORTED_MODULE_1__/* .ROLE_NAME */ .VA)('a.grantee')} AS grantee,
        a.privilege_type AS privilege, a.is_grantable AS grantable, c.relkind::text AS relkind
   FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace,
        LATERAL pg_catalog.aclexplode(COALESCE(c.relacl,
          pg_catalog.acldefault(CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::"char", c.relowner))) a
  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND a.grantee <> c.relowner AND ${(0,_query__WEBPACK_IMPORTED_MODULE_1__/* .IN_SCHEMAS */ .XL)('n.nspname')}
    AND ${(0,_query__WEBPACK_IMPORTED_MODULE_1__/* .NOT_FROM_EXTENSION */ .hg)('pg_catalog.pg_class', 'c.oid')}`;
const COLUMNS = `SELECT 'column', n.nspname, c.relname, at.attname, NULL, ${(0,_query__WEBPACK_IMPORTED_MODULE_1__/* .ROLE_NAME */ .VA)('a.grantee')},
        a.privilege_type, a.is_grantable, c.relkind::text
   FROM pg_catalog.pg_attribute at JOIN pg_catalog.pg_class c ON c.oid = at.attrelid
   JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace, LATERAL pg_catalog.aclexplode(at.attacl) a
  WHERE at.attacl IS NOT NULL AND NOT at.attisdropped AND a.grantee <> c.relowner AND ${(0,_query__WEBPACK_IMPORTED_MODULE_1__/* .IN_SCHEMAS */ .XL)('n.nspname')}`;
const SCHEMAS = `SELECT 'schema', s.nspname, NULL, NULL, NULL, ${(0,_query__WEBPACK_IMPORTED_MODULE_1__/* .ROLE_NAME */ .VA)('a.grantee')}, a.privilege_type, a.is_grantable,
        NULL
   FROM pg_catalog.pg_namespace s,
        LATERAL pg_catalog.aclexplode(COALESCE(s.nspacl, pg_catalog.acldefault('n', s.nspowner))) a
  WHERE a.grantee <> s.nspowner AND ${(0,_query__WEBPACK_IMPORTED_MODULE_1__/* .IN_SCHEMAS */ .XL)('s.nspname')}`;
const FUNCTIONS = `SELECT CASE WHEN p.prokind = 'p' THEN 'procedure' ELSE 'function' END, n.nspname, p.proname, NULL,
        pg_catalog.pg_get_function_identity_arguments(p.oid), ${(0,_query__WEBPACK_IMPORTED_MODULE_1__/* .ROLE_NAME */ .VA)('a.grantee')}, a.privilege_type, a.is_grantable,
        NULL
   FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace,
        LATERAL pg_catalog.aclexplode(COALESCE(p.proacl, pg_catalog.acldefault('f', p.proowner))) a
  WHERE p.prokind IN ('f', 'p') AND a.grantee <> p.proowner AND ${(0,_query__WEBPACK_IMPORTED_MODULE_1__/* .IN_SCHEMAS */ .XL)('n.nspname')}
    AND ${(0,_query__WEBPACK_IMPORTED_MODULE_1__/* .NOT_INTERNAL */ .KT)('pg_catalog.pg_proc', 'p.oid')}`;
/** The privileges `roles` hold on the objects in the schemas read, one entry per object and grantee. */
async function readGrants(q, roles, excludedTables) {
    if (roles.length === 0)
        return [];
    const wanted = new Set(roles);
    const rows = await q(`${RELATIONS} UNION ALL ${COLUMNS} UNION ALL ${SCHEMAS} UNION ALL ${FUNCTIONS} ORDER BY 2, 3, 4, 5, 6, 7`);
    const grants = new Map();
    for (const r of rows) {
        if (!wanted.has(String(r.grantee)))
            continue;
        const grant = grantFor(r);
        if (grant.table && excludedTables.has(grant.table))
            continue;
        const key = `${grant.on} ${grant.target} ${grant.grantee}`;
        const entry = grants.get(key) ?? grants.set(key, grant).get(key);
        entry?.privileges.push(`${String(r.privilege)}${r.grantable ? ' WITH GRANT OPTION' : ''}`);
    }
    for (const g of grants.values())
        g.privileges.sort();
    return [...grants.values()];
}
function grantFor(r) {
    const on = String(r.on);
    const schema = String(r.schema);
    const base = { on, grantee: String(r.grantee), privileges: [] };
    if (on === 'schema')
        return { ...base, target: schema, targetSql: `SCHEMA ${(0,_names__WEBPACK_IMPORTED_MODULE_0__/* .quoteName */ .AB)(schema)}`, parent: `schema:${schema}` };
    const name = String(r.name);
    if (on === 'function' || on === 'procedure') {
        const args = String(r.arguments);
        const target = `${schema}.${name}(${args})`;
        return {
            ...base,
            target,
            targetSql: `${on.toUpperCase()} ${(0,_names__WEBPACK_IMPORTED_MODULE_0__/* .qualified */ .LX)(schema, name)}(${args})`,
            parent: `${on}:${target}`,
        };
    }
    const table = `${schema}.${name}`;
    const type = RELATION_TYPES[String(r.relkind)] ?? 'table';
    const relation = { table, targetSql: `${on === 'sequence' ? 'SEQUENCE' : 'TABLE'} ${(0,_names__WEBPACK_IMPORTED_MODULE_0__/* .qualified */ .LX)(schema, name)}` };
    if (on !== 'column')
        return { ...base, ...relation, target: table, parent: `${type}:${table}` };
    const target = `${table}.${String(r.column)}`;
    const parent = type === 'table' ? `column:${target}` : `${type}:${table}`;
    return { ...base, ...relation, target, columnSql: (0,_names__WEBPACK_IMPORTED_MODULE_0__/* .quoteName */ .AB)(String(r.column)), parent };
}
const RELATION_TYPES = { v: 'view', m: 'materialized-view', S: 'sequence' };
function grantObject(g) {
    const grantee = g.grantee === 'public' ? 'PUBLIC' : (0,_names__WEBPACK_IMPORTED_MODULE_0__/* .quoteName */ .AB)(g.grantee);
    const privileges = g.privileges.join(', ');
    return {
        objectType: 'grant',
        object: `${g.on} ${g.target} to ${g.grantee}`,
        subject: g.target,
        ...(g.table ? { table: g.table } : {}),
        parent: g.parent,
        definition: privileges,
        parts: { privileges },
        sql: { name: g.targetSql },
        fix: {
            create: grantStatements(g, grantee),
            drop: revokeStatement(g, grantee),
            change: `${revokeStatement(g, grantee)}\n${grantStatements(g, grantee)}`,
        },
    };
}
function grantStatements(g, grantee) {
    const plain = g.privileges.filter((p) => !p.endsWith(' WITH GRANT OPTION'));
    const grantable = g.privileges.filter((p) => p.endsWith(' WITH GRANT OPTION')).map((p) => p.split(' ')[0] ?? p);
    const list = (privileges) => privileges.map((p) => (g.columnSql ? `${p} (${g.columnSql})` : p)).join(', ');
    return [
        plain.length ? `GRANT ${list(plain)} ON ${g.targetSql} TO ${grantee};` : '',
        grantable.length ? `GRANT ${list(grantable)} ON ${g.targetSql} TO ${grantee} WITH GRANT OPTION;` : '',
    ]
        .filter(Boolean)
        .join('\n');
}
function revokeStatement(g, grantee) {
    return `REVOKE ${g.columnSql ? `ALL (${g.columnSql})` : 'ALL'} ON ${g.targetSql} FROM ${grantee};`;
}


/***/ }),

/***/ 21156:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $E: () => (/* binding */ ownerObject),
/* harmony export */   LW: () => (/* binding */ ownedBy),
/* harmony export */   hC: () => (/* binding */ readOwners)
/* harmony export */ });
/* harmony import */ var _query__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6962);

// Sequences owned by a column (serial, identity) follow their table's owner, so only the table's is compared.
const OWNERS = `SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence'
              WHEN 'f' THEN 'foreign table' ELSE 'table' END AS on, n.nspname || '.' || c.relname AS target,
              pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname) AS target_sql,
              pg_catalog.pg_get_userbyid(c.relowner)::text AS owner
         FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND ${(0,_query__WEBPACK_IMPORTED_MODULE_0__/* .IN_SCHEMAS */ .XL)('n.nspname')}
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                            AND d.objid = c.oid AND d.deptype IN ('e', 'i', 'a'))
    UNION ALL
       SELECT CASE WHEN p.prokind = 'p' THEN 'procedure' ELSE 'function' END,
              n.nspname || '.' || p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')',
              pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(p.proname) || '('
                || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')',
              pg_catalog.pg_get_userbyid(p.proowner)::text
         FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
        WHERE p.prokind IN ('f', 'p') AND ${(0,_query__WEBPACK_IMPORTED_MODULE_0__/* .IN_SCHEMAS */ .XL)('n.nspname')} AND ${(0,_query__WEBPACK_IMPORTED_MODULE_0__/* .NOT_INTERNAL */ .KT)('pg_catalog.pg_proc', 'p.oid')}
    UNION ALL
       SELECT CASE WHEN t.typtype = 'd' THEN 'domain' ELSE 'type' END, n.nspname || '.' || t.typname,
              pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(t.typname),
              pg_catalog.pg_get_userbyid(t.typowner)::text
         FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        WHERE (t.typtype IN ('d', 'e', 'r')
               OR (t.typtype = 'c' AND (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid) = 'c'))
          AND ${(0,_query__WEBPACK_IMPORTED_MODULE_0__/* .IN_SCHEMAS */ .XL)('n.nspname')} AND ${(0,_query__WEBPACK_IMPORTED_MODULE_0__/* .NOT_INTERNAL */ .KT)('pg_catalog.pg_type', 't.oid')}
    UNION ALL
       SELECT 'schema', s.nspname, pg_catalog.quote_ident(s.nspname), pg_catalog.pg_get_userbyid(s.nspowner)::text
         FROM pg_catalog.pg_namespace s WHERE ${(0,_query__WEBPACK_IMPORTED_MODULE_0__/* .IN_SCHEMAS */ .XL)('s.nspname')}
    ORDER BY 1, 2`;
async function readOwners(q, excludedTables) {
    const rows = await q(OWNERS);
    return rows
        .filter((r) => !excludedTables.has(String(r.target)))
        .map((r) => ({
        on: String(r.on),
        target: String(r.target),
        targetSql: `${String(r.on).toUpperCase()} ${String(r.target_sql)}`,
        owner: String(r.owner),
    }));
}
/**
 * The owners a database built by `sessionUser` would have if `role` had run the same migrations: objects the
 * migrations do not give away (ALTER ... OWNER TO) belong to whoever runs them, which differs between environments.
 */
function ownedBy(catalog, sessionUser, role) {
    return {
        ...catalog,
        owners: catalog.owners.map((o) => (o.owner === sessionUser ? { ...o, owner: role } : o)),
    };
}
const PARENT_TYPES = { 'materialized view': 'materialized-view', 'foreign table': 'table' };
function ownerObject(o) {
    const type = PARENT_TYPES[o.on] ?? (o.on === 'type' ? undefined : o.on);
    return {
        objectType: 'owner',
        object: `${o.on} ${o.target}`,
        subject: o.target,
        ...(['table', 'view', 'materialized view'].includes(o.on) ? { table: o.target } : {}),
        ...(type ? { parent: `${type}:${o.target}` } : {}),
        definition: o.owner,
        parts: { owner: o.owner },
        sql: { name: o.targetSql },
        fix: { change: `ALTER ${o.targetSql} OWNER TO ${o.owner};` },
    };
}


/***/ }),

/***/ 6962:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KT: () => (/* binding */ NOT_INTERNAL),
/* harmony export */   MT: () => (/* binding */ catalogQuery),
/* harmony export */   VA: () => (/* binding */ ROLE_NAME),
/* harmony export */   XL: () => (/* binding */ IN_SCHEMAS),
/* harmony export */   hg: () => (/* binding */ NOT_FROM_EXTENSION)
/* harmony export */ });
function catalogQuery(client, schemas) {
    const param = [JSON.stringify(schemas)];
    return (sql) => client.query(sql, param);
}
// Objects created by an extension belong to the extension, not to the migrations (e.g. postgis's spatial_ref_sys).
const NOT_FROM_EXTENSION = (classTable, oid) => `NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = '${classTable}'::pg_catalog.regclass
     AND d.objid = ${oid} AND d.deptype = 'e')`;
// Objects PostgreSQL creates as part of another (a range type's constructors, an identity sequence) are that object.
const NOT_INTERNAL = (classTable, oid) => `NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = '${classTable}'::pg_catalog.regclass
     AND d.objid = ${oid} AND d.deptype IN ('e', 'i'))`;
const IN_SCHEMAS = (column) => `${column} IN (SELECT pg_catalog.jsonb_array_elements_text($1::jsonb))`;
/** A role name as PostgreSQL stores grantees: 0 is PUBLIC. */
const ROLE_NAME = (oid) => `CASE WHEN ${oid} = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(${oid})::text END`;


/***/ }),

/***/ 33403:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gx: () => (/* binding */ domainObject),
/* harmony export */   J8: () => (/* binding */ rangeTypeObject),
/* harmony export */   Vm: () => (/* binding */ readCompositeTypes),
/* harmony export */   _f: () => (/* binding */ readDomains),
/* harmony export */   uW: () => (/* binding */ compositeTypeChange),
/* harmony export */   x$: () => (/* binding */ compositeTypeObject),
/* harmony export */   xR: () => (/* binding */ readRangeTypes),
/* harmony export */   zx: () => (/* binding */ domainChange)
/* harmony export */ });
/* harmony import */ var _names__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(88486);
/* harmony import */ var _normalise__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5360);
/* harmony import */ var _query__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6962);



const USER_TYPES = (typtype) => `FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
  WHERE t.typtype = '${typtype}' AND ${(0,_query__WEBPACK_IMPORTED_MODULE_1__/* .IN_SCHEMAS */ .XL)('n.nspname')} AND ${(0,_query__WEBPACK_IMPORTED_MODULE_1__/* .NOT_FROM_EXTENSION */ .hg)('pg_catalog.pg_type', 't.oid')}`;
// Only CHECK constraints: PostgreSQL 17+ also records a domain's NOT NULL as a constraint, which typnotnull covers.
async function readDomains(q) {
    const rows = await q(`SELECT n.nspname AS schema, t.typname AS name,
                pg_catalog.format_type(t.typbasetype, t.typtypmod) AS type, t.typnotnull AS not_null,
                t.typdefault AS default_expr,
                (SELECT co.collname FROM pg_catalog.pg_collation co WHERE co.oid = t.typcollation
                   AND t.typcollation <> (SELECT b.typcollation FROM pg_catalog.pg_type b WHERE b.oid = t.typbasetype)) AS collation,
                COALESCE((SELECT pg_catalog.json_agg(pg_catalog.json_build_array(c.conname, pg_catalog.pg_get_constraintdef(c.oid, true)) ORDER BY c.conname)
                   FROM pg_catalog.pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c'), '[]')::text AS checks
           ${USER_TYPES('d')} ORDER BY 1, 2`);
    return rows.map((r) => ({
        schema: String(r.schema),
        name: String(r.name),
        type: (0,_normalise__WEBPACK_IMPORTED_MODULE_2__/* .collapseWhitespace */ .DK)(String(r.type)),
        notNull: Boolean(r.not_null),
        ...(r.default_expr != null ? { default: (0,_normalise__WEBPACK_IMPORTED_MODULE_2__/* .collapseWhitespace */ .DK)(String(r.default_expr)) } : {}),
        ...(r.collation ? { collation: String(r.collation) } : {}),
        checks: JSON.parse(String(r.checks)).map(([name, definition]) => ({
            name,
            definition: (0,_normalise__WEBPACK_IMPORTED_MODULE_2__/* .collapseWhitespace */ .DK)(definition),
        })),
    }));
}
function domainObject(d) {
    const name = (0,_names__WEBPACK_IMPORTED_MODULE_0__/* .qualified */ .LX)(d.schema, d.name);
    const parts = {
        type: d.type,
        collation: d.collation ?? '',
        'not null': String(d.notNull),
        default: d.default ?? '',
    };
    for (const c of d.checks)
        parts[`check ${c.name}`] = c.definition;
    const words = [`AS ${d.type}`];
    if (d.collation)
        words.push(`COLLATE "${d.collation}"`);
    if (d.default !== undefined)
        words.push(`DEFAULT ${d.default}`);
    if (d.notNull)
        words.push('NOT NULL');
    for (const c of d.checks)
        words.push(`CONSTRAINT ${(0,_names__WEBPACK_IMPORTED_MODULE_0__/* .quoteName */ .AB)(c.name)} ${c.definition}`);
    const definition = words.join(' ');
    return {
        objectType: 'domain',
        object: `${d.schema}.${d.name}`,
        parent: `schema:${d.schema}`,
        definition,
        parts,
        sql: { name },
        fix: { create: `CREATE DOMAIN ${name} ${definition};`, drop: `DROP DOMAIN ${name};` },
    };
}
/** The ALTER DOMAIN statements that turn `actual` into `expected`. */
function domainChange(name, expected, actual) {
    const e = expected.parts;
    const a = actual.parts;
    if (e.type !== a.type || e.collation !== a.collation)
        return `-- the base type differs: recreate the domain as: CREATE DOMAIN ${name} ${expected.definition};`;
    const lines = [];
    if (e.default !== a.default)
        lines.push(`ALTER DOMAIN ${name} ${e.default ? `SET DEFAULT ${e.default}` : 'DROP DEFAULT'};`);
    if (e['not null'] !== a['not null'])
        lines.push(`ALTER DOMAIN ${name} ${e['not null'] === 'true' ? 'SET' : 'DROP'} NOT NULL;`);
    const checks = new Set([...Object.keys(e), ...Object.keys(a)].filter((k) => k.startsWith('check ')));
    for (const key of checks) {
        if (e[key] === a[key])
            continue;
        const constraint = (0,_names__WEBPACK_IMPORTED_MODULE_0__/* .quoteName */ .AB)(key.slice('check '.length));
        if (a[key] !== undefined)
            lines.push(`ALTER DOMAIN ${name} DROP CONSTRAINT ${constraint};`);
        if (e[key] !== undefined)
            lines.push(`ALTER DOMAIN ${name} ADD CONSTRAINT ${constraint} ${e[key]};`);
    }
    return lines.join('\n');
}
async function readCompositeTypes(q) {
    const rows = await q(`SELECT n.nspname AS schema, t.typname AS name,
                COALESCE((SELECT pg_catalog.json_agg(pg_catalog.json_build_array(a.attname,
                            pg_catalog.format_type(a.atttypid, a.atttypmod),
                            CASE WHEN a.attcollation <> at.typcollation THEN co.collname END) ORDER BY a.attnum)
                   FROM pg_catalog.pg_attribute a
                   JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
                   LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
                  WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped), '[]')::text AS attributes
           ${USER_TYPES('c')}
            AND (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid) = 'c'
          ORDER BY 1, 2`);
    return rows.map((r) => ({
        schema: String(r.schema),
        name: String(r.name),
        attributes: JSON.parse(String(r.attributes)).map(([name, type, collation]) => ({ name, type: (0,_normalise__WEBPACK_IMPORTED_MODULE_2__/* .collapseWhitespace */ .DK)(type), ...(collation ? { collation } : {}) })),
    }));
}
function compositeTypeObject(t) {
    const name = (0,_names__WEBPACK_IMPORTED_MODULE_0__/* .qualified */ .LX)(t.schema, t.name);
    const attributes = t.attributes.map((a) => `${(0,_names__WEBPACK_IMPORTED_MODULE_0__/* .quoteName */ .AB)(a.name)} ${a.type}${a.collation ? ` COLLATE "${a.collation}"` : ''}`);
    const definition = `AS (${attributes.join(', ')})`;
    const parts = { order: t.attributes.map((a) => (0,_names__WEBPACK_IMPORTED_MODULE_0__/* .quoteName */ .AB)(a.name)).join(', ') };
    t.attributes.forEach((a, i) => (parts[`attribute ${a.name}`] = (attributes[i] ?? '').slice((0,_names__WEBPACK_IMPORTED_MODULE_0__/* .quoteName */ .AB)(a.name).length + 1)));
    return {
        objectType: 'composite-type',
        object: `${t.schema}.${t.name}`,
        parent: `schema:${t.schema}`,
        definition,
        parts,
        sql: { name },
        fix: { create: `CREATE TYPE ${name} ${definition};`, drop: `DROP TYPE ${name};` },
    };
}
/** ALTER TYPE ... ADD / DROP / ALTER ATTRIBUTE statements that turn `actual` into `expected`. */
function compositeTypeChange(name, expected, actual) {
    const attributes = (o) => new Map(Object.entries(o.parts)
        .filter(([k]) => k.startsWith('attribute '))
        .map(([k, v]) => [(0,_names__WEBPACK_IMPORTED_MODULE_0__/* .quoteName */ .AB)(k.slice('attribute '.length)), v]));
    const want = attributes(expected);
    const have = attributes(actual);
    const lines = [];
    for (const [attribute] of have)
        if (!want.has(attribute))
            lines.push(`ALTER TYPE ${name} DROP ATTRIBUTE ${attribute};`);
    for (const [attribute, type] of want) {
        if (!have.has(attribute))
            lines.push(`ALTER TYPE ${name} ADD ATTRIBUTE ${attribute} ${type};`);
        else if (have.get(attribute) !== type)
            lines.push(`ALTER TYPE ${name} ALTER ATTRIBUTE ${attribute} SET DATA TYPE ${type};`);
    }
    const order = [...want.keys()].filter((a) => have.has(a));
    if (order.join() !== [...have.keys()].filter((a) => want.has(a)).join())
        lines.push(`-- the attribute order differs: recreate the type as CREATE TYPE ${name} ${expected.definition};`);
    return lines.join('\n');
}
// A range's operator class, canonical and subtype_diff functions are shown only when given (not the defaults).
async function readRangeTypes(q) {
    const rows = await q(`SELECT n.nspname AS schema, t.typname AS name,
                pg_catalog.format_type(r.rngsubtype, NULL) AS subtype,
                CASE WHEN NOT oc.opcdefault THEN ocn.nspname || '.' || oc.opcname END AS subtype_opclass,
                CASE WHEN r.rngcollation <> 0 AND r.rngcollation <> st.typcollation THEN co.collname END AS collation,
                NULLIF(r.rngcanonical::text, '-') AS canonical, NULLIF(r.rngsubdiff::text, '-') AS subtype_diff,
                pg_catalog.format_type(r.rngmultitypid, NULL) AS multirange_type_name
           FROM pg_catalog.pg_range r
           JOIN pg_catalog.pg_type t ON t.oid = r.rngtypid
           JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
           JOIN pg_catalog.pg_type st ON st.oid = r.rngsubtype
           JOIN pg_catalog.pg_opclass oc ON oc.oid = r.rngsubopc
           JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace
           LEFT JOIN pg_catalog.pg_collation co ON co.oid = r.rngcollation
          WHERE ${(0,_query__WEBPACK_IMPORTED_MODULE_1__/* .IN_SCHEMAS */ .XL)('n.nspname')} AND ${(0,_query__WEBPACK_IMPORTED_MODULE_1__/* .NOT_FROM_EXTENSION */ .hg)('pg_catalog.pg_type', 't.oid')}
          ORDER BY 1, 2`);
    return rows.map((r) => {
        const options = {};
        for (const key of ['subtype_opclass', 'collation', 'canonical', 'subtype_diff', 'multirange_type_name'])
            if (r[key])
                options[key] = String(r[key]);
        return { schema: String(r.schema), name: String(r.name), subtype: String(r.subtype), options };
    });
}
function rangeTypeObject(t) {
    const name = (0,_names__WEBPACK_IMPORTED_MODULE_0__/* .qualified */ .LX)(t.schema, t.name);
    const parts = { subtype: t.subtype, ...t.options };
    const definition = `AS RANGE (${Object.entries(parts)
        .map(([k, v]) => `${k} = ${k === 'collation' ? `"${v}"` : v}`)
        .join(', ')})`;
    return {
        objectType: 'range-type',
        object: `${t.schema}.${t.name}`,
        parent: `schema:${t.schema}`,
        definition,
        parts,
        sql: { name },
        fix: { create: `CREATE TYPE ${name} ${definition};`, drop: `DROP TYPE ${name};` },
    };
}


/***/ }),

/***/ 23104:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hv: () => (/* binding */ readViewTriggers),
/* harmony export */   jz: () => (/* binding */ viewOptionsObject),
/* harmony export */   u1: () => (/* binding */ readViewOptions)
/* harmony export */ });
/* harmony import */ var _names__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(88486);
/* harmony import */ var _normalise__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5360);
/* harmony import */ var _query__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6962);



/** security_invoker, security_barrier and check_option (WITH ... CHECK OPTION) of views, by `schema.view`. */
async function readViewOptions(q) {
    const rows = await q(`SELECT n.nspname || '.' || c.relname AS view, c.reloptions::text[] AS options
           FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind = 'v' AND c.reloptions IS NOT NULL AND ${(0,_query__WEBPACK_IMPORTED_MODULE_1__/* .IN_SCHEMAS */ .XL)('n.nspname')}`);
    return new Map(rows.map((r) => [String(r.view), r.options.slice().sort()]));
}
/** Triggers on views (INSTEAD OF), by `schema.view`. */
async function readViewTriggers(q) {
    const rows = await q(`SELECT n.nspname || '.' || c.relname AS view, t.tgname AS name,
                pg_catalog.pg_get_triggerdef(t.oid, false) AS definition, t.tgenabled <> 'D' AS enabled
           FROM pg_catalog.pg_trigger t
           JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind = 'v' AND NOT t.tgisinternal AND ${(0,_query__WEBPACK_IMPORTED_MODULE_1__/* .IN_SCHEMAS */ .XL)('n.nspname')}
          ORDER BY 1, 2`);
    const triggers = new Map();
    for (const r of rows) {
        const list = triggers.get(String(r.view)) ?? [];
        list.push({
            name: String(r.name),
            definition: (0,_normalise__WEBPACK_IMPORTED_MODULE_2__/* .collapseWhitespace */ .DK)(String(r.definition)),
            enabled: Boolean(r.enabled),
        });
        triggers.set(String(r.view), list);
    }
    return triggers;
}
/** A (non-materialized) view's options as an object of its own, so its query keeps being compared (and reconciled) alone. */
function viewOptionsObject(v) {
    const name = (0,_names__WEBPACK_IMPORTED_MODULE_0__/* .qualified */ .LX)(v.schema, v.name);
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


/***/ }),

/***/ 88486:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AB: () => (/* binding */ quoteName),
/* harmony export */   LX: () => (/* binding */ qualified),
/* harmony export */   i5: () => (/* binding */ qualifiedText)
/* harmony export */ });
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


/***/ }),

/***/ 5360:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DK: () => (/* binding */ collapseWhitespace),
/* harmony export */   mW: () => (/* binding */ normaliseView)
/* harmony export */ });
/* unused harmony export unqualifySingleRelation */
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
/* harmony export */   UN: () => (/* binding */ replayOnServer),
/* harmony export */   fM: () => (/* binding */ replayMigrations)
/* harmony export */ });
/* unused harmony export objectsCreatedBy */
/* harmony import */ var _db_client__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(92314);
/* harmony import */ var _db_pglite__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(44248);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32863);
/* harmony import */ var _migrations_executor__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8109);
/* harmony import */ var _migrations_extensions__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(42978);
/* harmony import */ var _roles__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8279);






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
    const { extensions, unavailable } = await (0,_db_pglite__WEBPACK_IMPORTED_MODULE_0__/* .resolveEmbeddedExtensions */ .nS)((0,_migrations_extensions__WEBPACK_IMPORTED_MODULE_4__/* .extensionsCreatedBy */ .u)(migrations.map((m) => m.sql)));
    const client = await (0,_db_pglite__WEBPACK_IMPORTED_MODULE_0__/* .openEmbedded */ .fc)({ extensions });
    try {
        // On a real server the roles exist before any migration runs; the recovery below catches names the scan misses.
        await (0,_roles__WEBPACK_IMPORTED_MODULE_3__/* .createRoles */ .Q)(client, (0,_roles__WEBPACK_IMPORTED_MODULE_3__/* .rolesMentioned */ .d)(migrations.map((m) => m.sql)));
        const unreplayed = await replayInto(client, migrations, options, {
            unavailable,
            recover: (error) => createMissingRole(client, error),
        });
        return { client, unavailable, unreplayed };
    }
    catch (error) {
        await client.close();
        throw error;
    }
}
/**
 * Replays the migrations into a database of a real server (scratch.ts made it), through the same executor. Roles
 * are the server's, shared by all its databases, so a missing one is not created here: the replay stops and says
 * which role the scratch server needs.
 */
async function replayOnServer(client, migrations, options) {
    try {
        await replayInto(client, migrations, options, { unavailable: [], recover: async () => false });
    }
    catch (error) {
        const role = error instanceof _migrations_executor__WEBPACK_IMPORTED_MODULE_2__/* .MigrationFailedError */ .Yv ? MISSING_ROLE.exec(error.postgres.message)?.[1] : undefined;
        if (!role)
            throw error;
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${error instanceof Error ? error.message : String(error)} The scratch server has no role "${role}" (roles belong to the server, not to a database): create it there, or point scratch-database-url at the live database's server.`);
    }
}
async function replayInto(client, migrations, options, rules) {
    const { unavailable } = rules;
    const unreplayed = [];
    const { signal } = options;
    let pending = migrations;
    let ledgerExists = false;
    for (;;) {
        const result = await (0,_migrations_executor__WEBPACK_IMPORTED_MODULE_2__/* .execute */ .g7)(client, { location: options.ledger, layout: options.layout, exists: ledgerExists }, (0,_migrations_executor__WEBPACK_IMPORTED_MODULE_2__/* .plan */ .et)(pending, 'each').batches ?? [], {
            recover: (_step, error) => rules.recover(error),
            ...(signal ? { checkpoint: () => (signal.aborted ? throwCancelled(signal) : undefined) } : {}),
        });
        ledgerExists ||= result.committed.length > 0;
        if (!result.failure)
            return unreplayed;
        // A cancel interrupts the running statement: its error is the cancel's, not the migration's.
        if (signal?.aborted)
            throw (0,_errors__WEBPACK_IMPORTED_MODULE_1__/* .cancellation */ .WN)(signal);
        const { error } = result.failure;
        if (!unavailable.length || !(error instanceof _migrations_executor__WEBPACK_IMPORTED_MODULE_2__/* .MigrationFailedError */ .Yv) || unreplayed.length >= MAX_UNREPLAYED)
            throw explain(error, unavailable);
        unreplayed.push(describeUnreplayed(error));
        // The failing migration was rolled back: replay it again without that statement, then the rest.
        const failed = error.migration;
        const without = { ...failed, chunks: failed.chunks.filter((c) => c !== error.chunk) };
        pending = [without, ...pending.slice(pending.indexOf(failed) + 1)];
    }
}
function throwCancelled(signal) {
    throw (0,_errors__WEBPACK_IMPORTED_MODULE_1__/* .cancellation */ .WN)(signal);
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
    await client.exec(`CREATE ROLE ${(0,_db_client__WEBPACK_IMPORTED_MODULE_5__/* .quoteIdent */ .v)(role)}`);
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

/***/ 8279:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ createRoles),
/* harmony export */   d: () => (/* binding */ rolesMentioned)
/* harmony export */ });
/* harmony import */ var _db_client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92314);

const ROLE = String.raw `(?:"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)`;
const LIST = String.raw `${ROLE}(?:\s*,\s*${ROLE})*`;
const MENTIONS = [
    new RegExp(String.raw `\bgrant\b[^;]*?\bto\s+(${LIST})`, 'gi'),
    new RegExp(String.raw `\brevoke\b[^;]*?\bfrom\s+(${LIST})`, 'gi'),
    new RegExp(String.raw `\bcreate\s+(?:role|user|group)\s+(?:if\s+not\s+exists\s+)?(${ROLE})`, 'gi'),
    new RegExp(String.raw `\bcreate\s+policy\b[^;]*?\bto\s+(${LIST})`, 'gi'),
    new RegExp(String.raw `\bowner\s+to\s+(${ROLE})`, 'gi'),
    new RegExp(String.raw `\bin\s+schema\b[^;]*?\b(?:to|from)\s+(${LIST})`, 'gi'),
];
// Words that stand for a role without naming one.
const NOT_ROLES = new Set(['current_user', 'session_user', 'current_role']);
/**
 * Roles that the SQL grants to, revokes from, creates, gives objects to or writes policies for, in order of first
 * appearance (unquoted names lower-cased, `public` for PUBLIC). Their privileges are what drift-check compares:
 * other roles' (a hosting platform's, say) are the server's business, not the migrations'.
 */
function rolesMentioned(sqls) {
    const roles = new Set();
    for (const sql of sqls) {
        const text = sql.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
        for (const pattern of MENTIONS) {
            for (const match of text.matchAll(pattern)) {
                for (const name of (match[1] ?? '').match(new RegExp(ROLE, 'gi')) ?? [])
                    roles.add(roleName(name));
            }
        }
    }
    for (const word of NOT_ROLES)
        roles.delete(word);
    return [...roles];
}
function roleName(text) {
    return text.startsWith('"') ? text.slice(1, -1).replace(/""/g, '"') : text.toLowerCase();
}
/**
 * Creates the roles that do not exist yet (never `public`), so GRANT and CREATE POLICY statements naming them run.
 * For replay: `createRoles(client, rolesMentioned(migrations.map((m) => m.sql)))` before the first migration.
 */
async function createRoles(client, roles) {
    const wanted = roles.filter((r) => r !== 'public');
    if (wanted.length === 0)
        return;
    const existing = await client.query(`SELECT rolname AS name FROM pg_catalog.pg_roles WHERE rolname IN (SELECT pg_catalog.jsonb_array_elements_text($1::jsonb))`, [JSON.stringify(wanted)]);
    const have = new Set(existing.map((r) => r.name));
    for (const role of wanted)
        if (!have.has(role))
            await client.exec(`CREATE ROLE ${(0,_db_client__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdent */ .v)(role)}`);
}


/***/ }),

/***/ 96436:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  x: () => (/* binding */ migrationScope)
});

;// CONCATENATED MODULE: ./actions/lib/catalog/kinds/extensions.ts
const PINS = /\b(?:create\s+extension\s+(?:if\s+not\s+exists\s+)?("[^"]+"|[a-z0-9_-]+)[^;]*?\bversion\s+('[^']*'|"[^"]*"|[a-z0-9_.-]+)|alter\s+extension\s+("[^"]+"|[a-z0-9_-]+)\s+update\s+to\s+('[^']*'|"[^"]*"|[a-z0-9_.-]+))/gi;
/**
 * Extensions whose version the migrations name (`CREATE EXTENSION ... VERSION '1.6'`, `ALTER EXTENSION ... UPDATE
 * TO '1.6'`), lower-cased. Only those versions are compared: otherwise the version installed is whatever the
 * server ships, which legitimately differs between PostgreSQL builds.
 */
function extensionsPinnedBy(sqls) {
    const names = new Set();
    for (const sql of sqls) {
        const withoutComments = sql.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
        for (const m of withoutComments.matchAll(PINS))
            names.add(unquote(m[1] ?? m[3] ?? ''));
    }
    names.delete('');
    return [...names];
}
function unquote(name) {
    return name.startsWith('"') ? name.slice(1, -1) : name.toLowerCase();
}

// EXTERNAL MODULE: ./actions/lib/catalog/roles.ts
var roles = __webpack_require__(8279);
;// CONCATENATED MODULE: ./actions/lib/catalog/scope.ts


/**
 * What the migrations themselves decide, and so what a comparison against them may hold them to: the privileges of
 * the roles they mention, and the versions of the extensions they pin.
 */
function migrationScope(sqls) {
    return { roles: (0,roles/* rolesMentioned */.d)(sqls), pinnedExtensions: extensionsPinnedBy(sqls) };
}


/***/ }),

/***/ 7853:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ alignVersions)
/* harmony export */ });
/**
 * Lines two catalogs from different PostgreSQL major versions up where a version's own defaults differ, and only
 * there, so every change a user can make still compares:
 * - PostgreSQL 17 added the MAINTAIN table privilege, which GRANT ALL includes from 17 on: against a 15 or 16 server
 *   it is left out on both sides.
 * - Up to 14, every database's `public` schema let PUBLIC create objects (15 revoked that default): on the older
 *   side, that CREATE is the server's default, not the migrations'.
 */
function alignVersions(a, b) {
    if (!a.serverVersion || !b.serverVersion)
        return [a, b];
    const oldest = Math.min(a.serverVersion, b.serverVersion);
    const newest = Math.max(a.serverVersion, b.serverVersion);
    const align = (c) => {
        let grants = c.grants;
        if (oldest < 170000 && newest >= 170000)
            grants = grants.map((g) => without(g, 'MAINTAIN'));
        if (c.serverVersion < 150000 && newest >= 150000)
            grants = grants.map(withoutPre15PublicCreate);
        return grants === c.grants ? c : { ...c, grants: grants.filter((g) => g.privileges.length > 0) };
    };
    return [align(a), align(b)];
}
function without(g, privilege) {
    return { ...g, privileges: g.privileges.filter((p) => p.split(' ')[0] !== privilege) };
}
function withoutPre15PublicCreate(g) {
    return g.on === 'schema' && g.target === 'public' && g.grantee === 'public' ? without(g, 'CREATE') : g;
}


/***/ }),

/***/ 44248:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  l8: () => (/* binding */ embeddedIdentity),
  fc: () => (/* binding */ openEmbedded),
  PH: () => (/* binding */ preparePGlite),
  nS: () => (/* binding */ resolveEmbeddedExtensions)
});

// UNUSED EXPORTS: EXTENSION_PACKAGES, PGliteClient, PREINITIALISED_DATA_DIR, embeddedExtensionNames, loadPGliteModule

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(78877);
;// CONCATENATED MODULE: ./actions/lib/db/wasm.ts

/**
 * V8 compiles WebAssembly quickly first (Liftoff) and then, on background threads, again with its optimising compiler
 * (TurboFan) for the functions that run often. PGlite is one 9 MB module that a check runs for a few seconds: the
 * optimising compiles cost more CPU than they save, and memory. Measured on drift-check with 186 migrations on a
 * 2-core machine: about half the wall time and 90 MiB less peak memory with Liftoff alone (README, "where the time
 * goes"). The flag is process-wide and holds for modules compiled after this call, so compiledPGlite (pglite.ts) sets it before its first compile.
 */
function preferBaselineWasm() {
    (0,external_node_v8_.setFlagsFromString)('--liftoff-only');
}

// EXTERNAL MODULE: ./actions/lib/db/tar.ts
var tar = __webpack_require__(22986);
;// CONCATENATED MODULE: ./actions/lib/db/pglite.ts








/**
 * The vendored copy: dist/pglite/ next to the bundle, or, from sources (tests, tsx), the repository's committed
 * dist/pglite/ (the same PGlite version, copied by the build), so both boot the same way from the prepared data dir.
 */
function vendoredDir() {
    const here = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
    const candidates = [(0,external_node_path_.join)(here, '..', 'pglite'), (0,external_node_path_.join)(here, '..', '..', '..', 'dist', 'pglite')];
    return candidates.find((dir) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'index.js')));
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
        return (await import(/* webpackIgnore: true */ (0,external_node_url_.pathToFileURL)((0,external_node_path_.join)(vendored, 'index.js')).href));
    return await import(/* webpackIgnore: true */ '@electric-sql/pglite');
}
class PGliteClient {
    raw;
    dataDir;
    kind = 'pglite';
    constructor(raw, 
    /** The data directory on disk, removed on close. */
    dataDir) {
        this.raw = raw;
        this.dataDir = dataDir;
    }
    async query(sql, params = []) {
        const result = await this.raw.query(sql, params);
        return result.rows;
    }
    async exec(sql) {
        // exec() runs the text as one simple-protocol message, so several statements in one chunk work, as with pg.
        await this.raw.exec(sql);
    }
    /**
     * Writes every change to the data directory, which is then a consistent copy to start another database from, as
     * long as nothing runs meanwhile (see state-cache.ts).
     */
    async checkpoint() {
        await this.raw.exec('CHECKPOINT');
        return this.dataDir;
    }
    async close() {
        try {
            if (!this.raw.closed)
                await this.raw.close();
        }
        finally {
            // Waited for: a test worker or job that ends right after close must not leave 40 MB behind.
            await (0,promises_.rm)(this.dataDir, { recursive: true, force: true });
            openDataDirs.delete(this.dataDir);
        }
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
        const file = (0,external_node_path_.join)(pgliteDistDir(), 'contrib', `${contribStem(name)}.js`);
        return (0,external_node_fs_.existsSync)(file) ? file : undefined;
    }
    const vendored = vendoredDir();
    const candidates = [
        ...(vendored ? [(0,external_node_path_.join)(vendored, 'extensions', name, 'index.js')] : []),
        installedPackageFile(packaged.package, 'dist', 'index.js'),
    ];
    return candidates.find((file) => !!file && (0,external_node_fs_.existsSync)(file));
}
/** A file of an installed package, found by walking up from this file as Node's resolution would. */
function installedPackageFile(pkg, ...path) {
    for (let dir = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));; dir = (0,external_node_path_.dirname)(dir)) {
        const candidate = (0,external_node_path_.join)(dir, 'node_modules', ...pkg.split('/'), ...path);
        if ((0,external_node_fs_.existsSync)(candidate))
            return candidate;
        if ((0,external_node_path_.dirname)(dir) === dir)
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
            ? (await import(/* webpackIgnore: true */ (0,external_node_url_.pathToFileURL)(file).href))
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
function preinitialisedArchive() {
    const vendored = vendoredDir();
    const file = vendored && (0,external_node_path_.join)(vendored, PREINITIALISED_DATA_DIR);
    return file && (0,external_node_fs_.existsSync)(file) ? file : undefined;
}
/**
 * What a saved data directory depends on besides what was run in it: the PGlite version (its on-disk format) and the
 * data directory everything started from. A saved state is only reused when this is unchanged.
 */
function embeddedIdentity() {
    const vendored = vendoredDir();
    const stamp = vendored && (0,external_node_path_.join)(vendored, 'pgdata.version');
    const pkg = installedPackageFile('@electric-sql/pglite', 'package.json');
    const pglite = stamp && (0,external_node_fs_.existsSync)(stamp)
        ? (0,external_node_fs_.readFileSync)(stamp, 'utf8').trim()
        : pkg
            ? JSON.parse((0,external_node_fs_.readFileSync)(pkg, 'utf8')).version
            : 'unknown';
    const archive = preinitialisedArchive();
    const dataDir = archive ? (0,external_node_crypto_.createHash)('sha256').update((0,external_node_fs_.readFileSync)(archive)).digest('hex') : 'initdb';
    return { pglite, dataDir };
}
/**
 * PostgreSQL's default 128 MB of shared buffers grow PGlite's wasm memory to 190 MB, the largest part of a check's
 * peak; a check touches a few MB of pages, and evicted pages go to the data directory on disk.
 */
const SHARED_BUFFERS = '8MB';
/** Data directories of this process's open databases, removed even when the process exits without closing them. */
const openDataDirs = new Set();
let exitHookInstalled = false;
function scratchDataDir() {
    if (!exitHookInstalled) {
        exitHookInstalled = true;
        process.on('exit', () => {
            for (const dir of openDataDirs) {
                try {
                    (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
                }
                catch {
                    // Exiting anyway; the folder is in the temporary directory.
                }
            }
        });
    }
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'schema-actions-pglite-'));
    openDataDirs.add(dir);
    return dir;
}
/**
 * Boots an embedded PostgreSQL (PGlite) whose data directory is a scratch folder on disk (PGlite's NodeFS), unpacked
 * from `state`, else from the directory prepared at build time. On disk rather than in PGlite's in-memory file
 * system: the 40 MB directory (16 MB of it a WAL segment, more segments as migrations run) was otherwise held in
 * memory two or three times over while loading, then once for the whole run.
 */
async function openEmbedded(options = {}) {
    const { PGlite } = await loadPGliteModule();
    const dataDir = scratchDataDir();
    try {
        const archive = options.state?.archive ?? preinitialisedArchive();
        // Compiling PGlite's 9 MB of wasm runs on V8's background threads while the data directory is written.
        const [pgliteWasmModule] = await Promise.all([
            compiledPGlite(),
            archive && (0,tar/* extractTar */.n)(archive, dataDir, { sha256: options.state?.sha256 }),
        ]);
        const pgliteOptions = {
            dataDir,
            extensions: options.extensions,
            startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`],
        };
        // Typed through Object.assign: this project's TypeScript lib has no WebAssembly declarations to name its type.
        Object.assign(pgliteOptions, { pgliteWasmModule });
        const db = await PGlite.create(pgliteOptions);
        return new PGliteClient(db, dataDir);
    }
    catch (error) {
        removeDataDir(dataDir);
        throw error;
    }
}
/**
 * Starts importing PGlite and compiling its wasm (on V8's background threads) so that openEmbedded finds them done:
 * for a caller with other work to do first (reading migrations, git). A failure surfaces in openEmbedded.
 */
function preparePGlite() {
    loadPGliteModule().catch(() => undefined);
    compiledPGlite().catch(() => undefined);
}
let compiled;
/** PGlite's wasm, compiled once per process (tests and drift-check boot several databases). */
function compiledPGlite() {
    const wasm = globalThis
        .WebAssembly;
    // Every caller (schema-check, drift-check, status) gets the baseline compiler, set before the first compile.
    if (!compiled)
        preferBaselineWasm();
    compiled ??= Promise.resolve()
        .then(() => (0,promises_.readFile)((0,external_node_path_.join)(pgliteDistDir(), 'pglite.wasm')))
        .then((bytes) => wasm.compile(bytes));
    return compiled;
}
function removeDataDir(dir) {
    (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    openDataDirs.delete(dir);
}


/***/ }),

/***/ 22986:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ packTar),
/* harmony export */   n: () => (/* binding */ extractTar)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_6___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_6__);







/*
 * The data-directory archives (the one prepared at build time, which PGlite's dumpDataDir writes, and the states
 * state-cache.ts saves) hold plain files and folders only, so this reads and writes just that much of tar. node-tar
 * (npm's own) was tried in its place: the same extraction took PGlite's boot from ~0.65 s to ~0.9 s (its per-entry
 * stream machinery on ~700 small files, where this writes 32 files at once), and boot is on every check's path.
 */
const BLOCK = 512;
const GZIP_MAGIC = [0x1f, 0x8b];
/**
 * Unpacks a tar of plain files and folders, gzipped or not (PGlite's dumpDataDir writes one, packTar the other), into
 * `dir`, streaming: the 40 MB data directory never sits in memory whole. With `sha256` the archive's bytes must hash
 * to it, or this throws (after writing what it read: the caller discards `dir`).
 */
async function extractTar(archive, dir, expect = {}) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(dir, { recursive: true });
    const gzipped = isGzip(archive);
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    const sink = new TarSink(archive, dir);
    await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_5__.pipeline)((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(archive), new node_stream__WEBPACK_IMPORTED_MODULE_4__.Transform({
        transform(chunk, _encoding, callback) {
            hash.update(chunk);
            callback(null, chunk);
        },
    }), ...(gzipped ? [(0,node_zlib__WEBPACK_IMPORTED_MODULE_6__.createGunzip)()] : []), sink.writable());
    await sink.finish();
    if (expect.sha256 && hash.digest('hex') !== expect.sha256)
        throw new Error(`${archive} does not match its checksum`);
}
/** Packs the files and folders under `dir` into an uncompressed tar at `file`; returns the archive's sha256. */
async function packTar(dir, file) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    const entries = function* () {
        const walk = function* (relative) {
            const names = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, relative), { withFileTypes: true }).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
            for (const entry of names) {
                const path = relative ? `${relative}/${entry.name}` : entry.name;
                if (entry.isDirectory()) {
                    yield header(path, 0, '5');
                    yield* walk(path);
                }
                else if (entry.isFile()) {
                    const contents = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, path));
                    yield header(path, contents.length, '0');
                    yield contents;
                    const pad = padding(contents.length);
                    if (pad)
                        yield Buffer.alloc(pad);
                }
            }
        };
        yield* walk('');
        yield Buffer.alloc(BLOCK * 2);
    };
    await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_5__.pipeline)(node_stream__WEBPACK_IMPORTED_MODULE_4__.Readable.from(entries()), new node_stream__WEBPACK_IMPORTED_MODULE_4__.Transform({
        transform(chunk, _encoding, callback) {
            hash.update(chunk);
            callback(null, chunk);
        },
    }), (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(file));
    return hash.digest('hex');
}
function isGzip(file) {
    const head = Buffer.alloc(2);
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(file, 'r');
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(fd, head, 0, 2, 0);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
    }
    return head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}
/** A ustar header; names longer than 100 bytes go to the prefix field. */
function header(path, size, type) {
    const block = Buffer.alloc(BLOCK);
    let name = path;
    let prefix = '';
    if (Buffer.byteLength(name) > 100) {
        const cut = path.lastIndexOf('/', path.length - 1);
        prefix = path.slice(0, cut);
        name = path.slice(cut + 1);
        if (Buffer.byteLength(name) > 100 || Buffer.byteLength(prefix) > 155)
            throw new Error(`path too long for tar: ${path}`);
    }
    block.write(name, 0, 100, 'utf8');
    block.write(type === '5' ? '0000755\0' : '0000644\0', 100, 8, 'ascii');
    block.write('0000000\0', 108, 8, 'ascii');
    block.write('0000000\0', 116, 8, 'ascii');
    block.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 12, 'ascii');
    block.write('00000000000\0', 136, 12, 'ascii');
    block.write('        ', 148, 8, 'ascii');
    block.write(type, 156, 1, 'ascii');
    block.write('ustar\0', 257, 6, 'ascii');
    block.write('00', 263, 2, 'ascii');
    block.write(prefix, 345, 155, 'utf8');
    let sum = 0;
    for (const byte of block)
        sum += byte;
    block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
    return block;
}
/** Consumes tar bytes as they arrive and writes each file under `dir`. */
class TarSink {
    archive;
    dir;
    pending = Buffer.alloc(0);
    file;
    skip = 0;
    ended = false;
    writes = [];
    constructor(archive, dir) {
        this.archive = archive;
        this.dir = dir;
    }
    writable() {
        return new node_stream__WEBPACK_IMPORTED_MODULE_4__.Writable({
            write: (chunk, _encoding, callback) => {
                try {
                    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
                    this.consume();
                }
                catch (error) {
                    callback(error);
                    return;
                }
                if (this.writes.length < 32)
                    return callback();
                const batch = this.writes;
                this.writes = [];
                Promise.all(batch).then(() => callback(), callback);
            },
        });
    }
    async finish() {
        await Promise.all(this.writes);
        if (this.file || !this.ended)
            throw new Error(`${this.archive} is truncated`);
    }
    consume() {
        for (;;) {
            if (this.ended)
                return;
            if (this.skip > 0) {
                const n = Math.min(this.skip, this.pending.length);
                this.pending = this.pending.subarray(n);
                this.skip -= n;
                if (this.skip > 0)
                    return;
            }
            const file = this.file;
            if (file) {
                const n = Math.min(file.size - file.received, this.pending.length);
                if (n > 0)
                    file.chunks.push(Buffer.from(this.pending.subarray(0, n)));
                this.pending = this.pending.subarray(n);
                file.received += n;
                if (file.received < file.size)
                    return;
                // Creating a file costs more than its bytes (the directory holds ~700 small ones): several are written at once.
                this.writes.push((0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(file.path, Buffer.concat(file.chunks)));
                this.skip = padding(file.size);
                this.file = undefined;
                continue;
            }
            if (this.pending.length < BLOCK)
                return;
            const block = this.pending.subarray(0, BLOCK);
            this.pending = this.pending.subarray(BLOCK);
            if (block.every((b) => b === 0)) {
                this.ended = true;
                return;
            }
            this.entry(block);
        }
    }
    entry(block) {
        if (!validChecksum(block))
            throw new Error(`${this.archive} is corrupt (bad tar header)`);
        const prefix = field(block, 345, 155);
        const name = prefix ? `${prefix}/${field(block, 0, 100)}` : field(block, 0, 100);
        const size = parseInt(field(block, 124, 12) || '0', 8);
        const type = String.fromCharCode(block[156]);
        const path = inside(this.dir, name);
        if (type === '5') {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(path, { recursive: true });
            this.skip = size + padding(size);
        }
        else if (type === '0' || type === '\0') {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(path), { recursive: true });
            this.file = { path, size, chunks: [], received: 0 };
        }
        else {
            throw new Error(`${this.archive}: unsupported tar entry type '${type}' for ${name}`);
        }
    }
}
function validChecksum(block) {
    const stored = parseInt(field(block, 148, 8), 8);
    let sum = 0;
    for (let i = 0; i < BLOCK; i++)
        sum += i >= 148 && i < 156 ? 0x20 : block[i];
    return sum === stored;
}
function padding(size) {
    return (BLOCK - (size % BLOCK)) % BLOCK;
}
function field(block, offset, length) {
    const bytes = block.subarray(offset, offset + length);
    const end = bytes.indexOf(0);
    return bytes
        .subarray(0, end === -1 ? length : end)
        .toString('utf8')
        .trim();
}
/** The entry's path under `dir`; PGlite writes names with a leading slash, and nothing may land outside `dir`. */
function inside(dir, name) {
    const relative = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.normalize)(name.replace(/^\/+/, ''));
    if (relative === '..' || relative.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_3__.sep}`))
        throw new Error(`tar entry ${name} points outside`);
    return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, relative);
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
