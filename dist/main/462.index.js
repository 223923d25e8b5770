export const id = 462;
export const ids = [462];
export const modules = {

/***/ 11462:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./actions/lib/catalog/diff.ts
var diff = __webpack_require__(92195);
// EXTERNAL MODULE: ./actions/lib/catalog/flatten.ts
var flatten = __webpack_require__(84176);
// EXTERNAL MODULE: ./actions/lib/catalog/kinds/owners.ts
var owners = __webpack_require__(21156);
// EXTERNAL MODULE: ./actions/lib/catalog/scope.ts + 1 modules
var scope = __webpack_require__(96436);
// EXTERNAL MODULE: ./actions/lib/catalog/versions.ts
var versions = __webpack_require__(7853);
// EXTERNAL MODULE: ./actions/lib/catalog/introspect.ts + 2 modules
var introspect = __webpack_require__(33014);
// EXTERNAL MODULE: ./actions/lib/catalog/normalise.ts
var normalise = __webpack_require__(5360);
;// CONCATENATED MODULE: ./actions/lib/catalog/reconcile.ts

/**
 * Drops view differences that are only spelling. PostgreSQL 16 and later print view queries with fewer qualifiers
 * than 14 and 15, by rules that depend on the shape of the query (sub-selects, correlation), so text rules alone
 * cannot line them up. Instead the live definition is rendered again by `renderer`, the server that rendered the
 * expected side (the embedded PostgreSQL): if it then reads exactly as expected, both define the same query.
 */
async function reconcileViewSpelling(differences, renderer) {
    const kept = [];
    for (const d of differences) {
        const isView = d.objectType === 'view' || d.objectType === 'materialized-view';
        if (isView && d.change === 'changed' && d.from !== undefined && d.to !== undefined) {
            const rendered = await renderView(renderer, d.to);
            if (rendered === d.from)
                continue;
        }
        kept.push(d);
    }
    return kept;
}
/** The query as `client` prints it, or undefined when it does not accept it (then the difference stands). */
async function renderView(client, query) {
    await client.exec('BEGIN');
    try {
        // Same search_path as introspect(), so names come out qualified the same way.
        await client.query(`SELECT pg_catalog.set_config('search_path', 'pg_catalog', true)`);
        await client.exec(`CREATE TEMPORARY VIEW schema_actions_view_probe AS ${query}`);
        const [row] = await client.query(`SELECT pg_catalog.pg_get_viewdef('pg_temp.schema_actions_view_probe'::pg_catalog.regclass, true) AS definition`);
        return row ? (0,normalise/* normaliseView */.mW)(row.definition) : undefined;
    }
    catch {
        return undefined;
    }
    finally {
        await client.exec('ROLLBACK');
    }
}

// EXTERNAL MODULE: ./actions/lib/catalog/replay.ts
var catalog_replay = __webpack_require__(1067);
// EXTERNAL MODULE: ./actions/lib/db/postgres.ts
var postgres = __webpack_require__(93570);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./actions/lib/errors.ts
var errors = __webpack_require__(32863);
// EXTERNAL MODULE: ./actions/lib/db/client.ts
var db_client = __webpack_require__(92314);
;// CONCATENATED MODULE: ./actions/lib/db/scratch.ts




async function databaseIdentity(client) {
    const [row] = await client.query(`SELECT pg_catalog.current_database() AS database, pg_catalog.current_setting('port') AS port,
            pg_catalog.pg_postmaster_start_time()::text AS started`);
    return { database: row?.database ?? '', port: row?.port ?? '', started: row?.started ?? '' };
}
const sameIdentity = (a, b) => a.database === b.database && a.port === b.port && a.started === b.started;
/** Databases drift-check creates are named so, so that one left behind by a killed runner is recognisable. */
const SCRATCH_PREFIX = 'schema_actions_scratch_';
/**
 * Checks a scratch server URL before anything connects: a PostgreSQL URL, and not the live database's. Aliases of
 * one host (localhost and 127.0.0.1) are caught after connecting, by createScratchDatabase.
 */
function validateScratchUrl(url, liveUrl, inputName, liveInputName) {
    (0,postgres/* validatePostgresUrl */.$1)(url, inputName);
    if (sameUrlDatabase(url, liveUrl)) {
        throw new errors/* ConfigurationError */.j1(`${inputName} names the same database as ${liveInputName}; point it at another database of a server where drift-check may create a temporary database (e.g. the server's "postgres" database)`);
    }
}
function sameUrlDatabase(a, b) {
    const key = (url) => {
        try {
            const { host, port, database } = (0,postgres/* postgresAddress */.mX)(url);
            return `${host.toLowerCase()}:${port}/${database}`;
        }
        catch {
            return undefined;
        }
    };
    const ka = key(a);
    return ka !== undefined && ka === key(b);
}
/**
 * Creates an empty database (from template0, so nothing of template1 comes along) on the server `url` reaches, and
 * connects to it. Only CREATE DATABASE and, in drop(), DROP DATABASE of that one database run on the server URL's own
 * connection; the URL's database itself is never written to.
 */
async function createScratchDatabase(url, options) {
    const { logger, inputName } = options;
    const admin = await (0,postgres/* connectPostgres */.Mq)(url, { logger, inputName, applicationName: options.applicationName });
    try {
        if (sameIdentity(await databaseIdentity(admin), options.live)) {
            throw new errors/* ConfigurationError */.j1(`${inputName} reaches the same database as database-url; point it at another database of the server (e.g. "postgres"), where drift-check may create a temporary database`);
        }
        const name = `${SCRATCH_PREFIX}${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
        await admin.exec(`CREATE DATABASE ${(0,db_client/* quoteIdent */.v)(name)} TEMPLATE template0`).catch(async (error) => {
            if (error.code !== '42501')
                throw error;
            const [row] = await admin.query('SELECT current_user AS user');
            throw new errors/* ConfigurationError */.j1(`${inputName}: role "${row?.user ?? '?'}" may not create databases; grant it CREATEDB (ALTER ROLE ... CREATEDB) or leave ${inputName} empty to replay into the embedded PostgreSQL`);
        });
        const [version] = await admin.query(`SELECT pg_catalog.current_setting('server_version_num') AS num`);
        const force = Number(version?.num) >= 130000 ? ' WITH (FORCE)' : '';
        let client;
        const dropDatabase = async () => {
            await client?.close();
            try {
                await admin.exec(`DROP DATABASE IF EXISTS ${(0,db_client/* quoteIdent */.v)(name)}${force}`);
            }
            catch (error) {
                logger.warning(`could not drop the temporary database ${name} on the ${inputName} server (${(0,errors/* errorMessage */.gJ)(error)}); drop it by hand`);
            }
        };
        try {
            client = await (0,postgres/* connectPostgres */.Mq)(withDatabase(url, name), {
                logger,
                inputName,
                applicationName: options.applicationName,
            });
            // Only this throw-away database's commits wait less: nothing in it must survive a crash.
            await client.exec('SET synchronous_commit = off');
        }
        catch (error) {
            await dropDatabase();
            throw error;
        }
        const connected = client;
        const cancel = () => void admin.query('SELECT pg_catalog.pg_cancel_backend($1)', [connected.processId]).catch(() => undefined);
        options.signal?.addEventListener('abort', cancel, { once: true });
        return {
            client: connected,
            name,
            drop: async () => {
                options.signal?.removeEventListener('abort', cancel);
                await dropDatabase();
                await admin.close();
            },
        };
    }
    catch (error) {
        await admin.close();
        throw error;
    }
}
function withDatabase(url, database) {
    const parsed = new URL(url);
    parsed.pathname = `/${database}`;
    parsed.searchParams.delete('dbname');
    return parsed.toString();
}

// EXTERNAL MODULE: ./actions/lib/inputs.ts
var inputs = __webpack_require__(87721);
// EXTERNAL MODULE: ./actions/lib/migrations/ledger.ts
var migrations_ledger = __webpack_require__(96605);
// EXTERNAL MODULE: ./actions/lib/migrations/verify.ts
var verify = __webpack_require__(72453);
// EXTERNAL MODULE: ./actions/lib/project.ts
var lib_project = __webpack_require__(92647);
// EXTERNAL MODULE: ./actions/lib/report.ts + 1 modules
var report = __webpack_require__(12530);
// EXTERNAL MODULE: ./actions/lib/catalog/kinds/types.ts
var types = __webpack_require__(33403);
;// CONCATENATED MODULE: ./actions/drift-check/fix.ts


/**
 * SQL that would turn the live object (`actual`) back into what the migrations define (`expected`). It is a
 * suggestion for a reviewer, never run: a drop loses data, and sometimes the right fix is a new migration that
 * records the hot-fix instead.
 */
function suggestSql(d, expected, actual) {
    const o = (expected ?? actual);
    const name = o.sql.name;
    const table = o.sql.table ?? '';
    switch (d.objectType) {
        case 'schema':
            return expected ? `CREATE SCHEMA ${name};` : `DROP SCHEMA ${name}; -- fails if it still holds objects`;
        case 'extension':
            if (!actual)
                return `CREATE EXTENSION IF NOT EXISTS ${name} SCHEMA ${(0,flatten/* quoteName */.AB)(expected?.parts.schema ?? '')};`;
            if (!expected)
                return `DROP EXTENSION ${name};`;
            if (expected.parts.version !== actual.parts.version)
                return `ALTER EXTENSION ${name} UPDATE TO ${literal(expected.parts.version ?? '')};`;
            return `ALTER EXTENSION ${name} SET SCHEMA ${(0,flatten/* quoteName */.AB)(expected.parts.schema ?? '')};`;
        case 'enum':
            if (!actual)
                return `CREATE TYPE ${name} AS ${expected?.definition};`;
            if (!expected)
                return `DROP TYPE ${name};`;
            return enumFix(name, expected.enumValues ?? [], actual.enumValues ?? []);
        case 'sequence':
            if (!expected)
                return `DROP SEQUENCE ${name};`;
            return `${actual ? 'ALTER' : 'CREATE'} SEQUENCE ${name} ${sequenceClauses(expected, !actual)};`;
        case 'table':
            if (!actual)
                return `${expected?.definition};`;
            if (!expected)
                return `DROP TABLE ${name}; -- drops its data`;
            return tableFix(name, expected, actual, d.aspects ?? []);
        case 'column':
            return columnFix(table, expected, actual);
        case 'constraint':
            return [
                actual ? `ALTER TABLE ${table} DROP CONSTRAINT ${name};` : '',
                expected ? `ALTER TABLE ${table} ADD CONSTRAINT ${name} ${expected.definition};` : '',
            ]
                .filter(Boolean)
                .join('\n');
        case 'index':
            return [actual ? `DROP INDEX ${name};` : '', expected ? `${expected.definition};` : '']
                .filter(Boolean)
                .join('\n');
        case 'rls':
            return rlsFix(table, expected, actual);
        case 'policy':
            return [actual ? `DROP POLICY ${name} ON ${table};` : '', expected ? `${expected.definition};` : '']
                .filter(Boolean)
                .join('\n');
        case 'trigger':
            return triggerFix(name, table, expected, actual, d.aspects ?? []);
        case 'view':
            if (!expected)
                return `DROP VIEW ${name};`;
            return `CREATE OR REPLACE VIEW ${name} AS ${expected.definition};${actual ? ' -- if columns were removed or renamed: DROP VIEW first' : ''}`;
        case 'materialized-view':
            return [
                actual ? `DROP MATERIALIZED VIEW ${name};` : '',
                expected ? `CREATE MATERIALIZED VIEW ${name} AS ${expected.definition}; -- then recreate its indexes` : '',
            ]
                .filter(Boolean)
                .join('\n');
        case 'domain':
            if (expected && actual)
                return (0,types/* domainChange */.zx)(name, expected, actual);
            return genericFix(expected, actual);
        case 'composite-type':
            if (expected && actual)
                return (0,types/* compositeTypeChange */.uW)(name, expected, actual);
            return genericFix(expected, actual);
        case 'function':
        case 'procedure':
            // CREATE OR REPLACE cannot change the result type or the arguments' names and defaults.
            if (expected && actual && d.aspects?.some((a) => a === 'returns' || a === 'arguments'))
                return `${actual.fix?.drop}\n${expected.fix?.create}`;
            return genericFix(expected, actual);
        default:
            return genericFix(expected, actual);
    }
}
/** Kinds that carry their own statements (see CatalogObject.fix): drop what is extra, create what is missing. */
function genericFix(expected, actual) {
    if (expected && actual)
        return expected.fix?.change ?? [actual.fix?.drop, expected.fix?.create].filter(Boolean).join('\n');
    if (expected)
        return expected.fix?.create ?? `-- create ${expected.sql.name} as: ${expected.definition}`;
    return actual?.fix?.drop ?? `-- remove ${actual?.sql.name ?? ''}`;
}
// Table aspects ALTER TABLE can change in place; the others (kind, partitioning) need the table recreated.
const TABLE_ALTERS = {
    persistence: (table, value) => `ALTER TABLE ${table} SET ${value === 'UNLOGGED' ? 'UNLOGGED' : 'LOGGED'};`,
    'replica identity': (table, value) => `ALTER TABLE ${table} REPLICA IDENTITY ${value ?? 'DEFAULT'};`,
    inherits: (table, value, was) => {
        const want = value ? value.split(', ') : [];
        const have = was ? was.split(', ') : [];
        return [
            ...have.filter((p) => !want.includes(p)).map((p) => `ALTER TABLE ${table} NO INHERIT ${(0,flatten/* qualifiedText */.i5)(p)};`),
            ...want.filter((p) => !have.includes(p)).map((p) => `ALTER TABLE ${table} INHERIT ${(0,flatten/* qualifiedText */.i5)(p)};`),
        ].join('\n');
    },
};
function tableFix(name, expected, actual, aspects) {
    const inPlace = aspects.filter((a) => TABLE_ALTERS[a]);
    const lines = inPlace.map((a) => TABLE_ALTERS[a]?.(name, expected.parts[a], actual?.parts[a]) ?? '');
    const rest = aspects.filter((a) => !TABLE_ALTERS[a]);
    if (rest.length)
        lines.push(`-- ${name} changed ${rest.join(', ')}: recreate it as the migrations define:\n-- ${expected.definition}`);
    return lines.join('\n');
}
function enumFix(name, expected, actual) {
    const lines = [];
    const present = new Set(actual);
    expected.forEach((value, i) => {
        if (present.has(value))
            return;
        const before = expected.slice(i + 1).find((v) => present.has(v));
        lines.push(`ALTER TYPE ${name} ADD VALUE ${literal(value)}${before ? ` BEFORE ${literal(before)}` : ''};`);
        present.add(value);
    });
    const extra = actual.filter((v) => !expected.includes(v));
    const orderOk = extra.length === 0 &&
        expected
            .filter((v) => actual.includes(v))
            .every((v, i, kept) => i === 0 || actual.indexOf(kept[i - 1] ?? '') < actual.indexOf(v));
    if (!orderOk) {
        lines.push(`-- PostgreSQL cannot drop or reorder enum values${extra.length ? ` (extra: ${extra.map(literal).join(', ')})` : ''}: recreate ${name} as ${`ENUM (${expected.map(literal).join(', ')})`} and convert the columns that use it`);
    }
    return lines.join('\n');
}
function sequenceClauses(o, create) {
    const p = o.parts;
    const owned = p['owned by']
        ? ` OWNED BY ${p['owned by'].split('.').map(flatten/* quoteName */.AB).join('.')}`
        : create
            ? ''
            : ' OWNED BY NONE';
    return (`AS ${p.type} INCREMENT BY ${p.increment} MINVALUE ${p.minvalue} MAXVALUE ${p.maxvalue} ` +
        `${create ? 'START WITH' : 'START'} ${p.start} CACHE ${p.cache} ${p.cycle === 'true' ? 'CYCLE' : 'NO CYCLE'}${owned}`);
}
function columnFix(table, expected, actual) {
    const column = (expected ?? actual)?.sql.name ?? '';
    if (!actual)
        return `ALTER TABLE ${table} ADD COLUMN ${column} ${expected?.definition};`;
    if (!expected)
        return `ALTER TABLE ${table} DROP COLUMN ${column}; -- drops its data`;
    const e = expected.parts;
    const a = actual.parts;
    const alter = (clause) => `ALTER TABLE ${table} ALTER COLUMN ${column} ${clause};`;
    const lines = [];
    if (e.generated !== a.generated) {
        lines.push(`-- the generation expression differs: drop ${column} and add it back as: ${column} ${expected.definition}`);
    }
    if (e.type !== a.type || e.collation !== a.collation) {
        const collate = e.collation ? ` COLLATE "${e.collation}"` : '';
        lines.push(alter(`TYPE ${e.type}${collate} USING ${column}::${e.type}`));
    }
    if (e.identity !== a.identity) {
        if (!e.identity)
            lines.push(alter('DROP IDENTITY'));
        else if (!a.identity)
            lines.push(alter(`ADD GENERATED ${e.identity} AS IDENTITY${e['identity options'] ? ` (${e['identity options']})` : ''}`));
        else
            lines.push(alter(`SET GENERATED ${e.identity}`));
    }
    if (e.identity && a.identity && e['identity options'] !== a['identity options'])
        lines.push(alter(identityOptionsClause(e['identity options'] ?? '')));
    if (e.default !== a.default)
        lines.push(alter(e.default ? `SET DEFAULT ${e.default}` : 'DROP DEFAULT'));
    if (e['not null'] !== a['not null'])
        lines.push(alter(e['not null'] === 'true' ? 'SET NOT NULL' : 'DROP NOT NULL'));
    return lines.join('\n');
}
/** `START WITH 5 INCREMENT BY 2` → `SET START WITH 5 SET INCREMENT BY 2`, resetting what is not listed. */
function identityOptionsClause(options) {
    const set = (clause) => options.match(new RegExp(`${clause} (-?\\d+)`))?.[1];
    return [
        `SET INCREMENT BY ${set('INCREMENT BY') ?? 1}`,
        set('MINVALUE') ? `SET MINVALUE ${set('MINVALUE')}` : 'SET NO MINVALUE',
        set('MAXVALUE') ? `SET MAXVALUE ${set('MAXVALUE')}` : 'SET NO MAXVALUE',
        set('START WITH') ? `SET START WITH ${set('START WITH')}` : '',
        `SET CACHE ${set('CACHE') ?? 1}`,
        options.includes('CYCLE') ? 'SET CYCLE' : 'SET NO CYCLE',
    ]
        .filter(Boolean)
        .join(' ');
}
function rlsFix(table, expected, actual) {
    const want = { enabled: expected?.parts.enabled === 'true', forced: expected?.parts.forced === 'true' };
    const have = { enabled: actual?.parts.enabled === 'true', forced: actual?.parts.forced === 'true' };
    const lines = [];
    if (want.enabled !== have.enabled)
        lines.push(`ALTER TABLE ${table} ${want.enabled ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY;`);
    if (want.forced !== have.forced)
        lines.push(`ALTER TABLE ${table} ${want.forced ? 'FORCE' : 'NO FORCE'} ROW LEVEL SECURITY;`);
    return lines.join('\n');
}
function triggerFix(name, table, expected, actual, aspects) {
    if (expected && actual && aspects.length === 1 && aspects[0] === 'enabled') {
        return `ALTER TABLE ${table} ${expected.parts.enabled === 'true' ? 'ENABLE' : 'DISABLE'} TRIGGER ${name};`;
    }
    const lines = [actual ? `DROP TRIGGER ${name} ON ${table};` : ''];
    if (expected) {
        lines.push(`${expected.parts.definition};`);
        if (expected.parts.enabled !== 'true')
            lines.push(`ALTER TABLE ${table} DISABLE TRIGGER ${name};`);
    }
    return lines.filter(Boolean).join('\n');
}
function literal(value) {
    return `'${value.replace(/'/g, "''")}'`;
}

// EXTERNAL MODULE: ./actions/lib/octokit.ts
var lib_octokit = __webpack_require__(68927);
;// CONCATENATED MODULE: ./actions/drift-check/issue.ts


/** The hidden marker that ties an issue to one environment, so each run finds the same issue again. */
function driftIssueMarker(environment) {
    return `<!-- schema-actions:drift-check:${environment.replace(/-->/g, '')} -->`;
}
const DRIFT_LABEL = 'schema-drift';
/**
 * Keeps one open issue per environment in step with the drift found: opens it when drift appears, rewrites its body
 * while drift persists, and closes it with a comment once the database matches its migrations again. The issue is
 * found by its hidden marker among all open issues (every page), so renaming it or removing its label does not
 * create duplicates.
 */
async function syncDriftIssue(target, drift) {
    const octokit = await (0,lib_octokit/* githubClient */.$)(target.token, target.apiUrl);
    const where = { owner: target.owner, repo: target.repo };
    const marker = driftIssueMarker(target.environment);
    const open = await octokit.paginate(octokit.rest.issues.listForRepo, { ...where, state: 'open', per_page: 100 });
    const existing = open.find((issue) => !issue.pull_request && issue.body?.includes(marker));
    const body = (0,report/* fitComment */.pI)(`${marker}\n${drift.body}`);
    if (drift.found) {
        if (existing) {
            await octokit.rest.issues.update({ ...where, issue_number: existing.number, title: drift.title, body });
            return { action: 'updated', number: existing.number, url: existing.html_url };
        }
        const created = await octokit.rest.issues.create({ ...where, title: drift.title, body, labels: [DRIFT_LABEL] });
        return { action: 'opened', number: created.data.number, url: created.data.html_url };
    }
    if (!existing)
        return { action: 'none' };
    await octokit.rest.issues.createComment({ ...where, issue_number: existing.number, body: drift.resolvedComment });
    await octokit.rest.issues.update({
        ...where,
        issue_number: existing.number,
        state: 'closed',
        state_reason: 'completed',
    });
    return { action: 'closed', number: existing.number, url: existing.html_url };
}

// EXTERNAL MODULE: ./actions/lib/markdown.ts
var markdown = __webpack_require__(94269);
;// CONCATENATED MODULE: ./actions/drift-check/report.ts


/** The machine-readable findings (`report-json`). */
function driftJson(result) {
    return {
        drift: result.drift,
        environment: result.environment,
        ledger: {
            applied: result.state.applied.length,
            pending: result.state.pending.map((m) => m.name),
            problems: result.state.problems.map(({ kind, name, message }) => ({ kind, name, message })),
        },
        differences: result.findings.map((f) => ({
            kind: f.objectType,
            change: f.change,
            object: f.object,
            ...(f.table ? { table: f.table } : {}),
            ...(f.from !== undefined ? { expected: f.from } : {}),
            ...(f.to !== undefined ? { actual: f.to } : {}),
            ...(f.aspects ? { aspects: f.aspects } : {}),
            sql: f.sql,
        })),
    };
}
const TABLE_BUDGET = 30_000;
const SQL_BUDGET = 20_000;
/** Very long definitions (a whole CREATE TABLE) are shortened in the table; report-json has them in full. */
function clip(text, limit = 600) {
    return text.length > limit ? `${text.slice(0, limit)}…` : text;
}
const CHANGE_WORDS = {
    added: 'not in migrations (added by hand?)',
    removed: 'missing from the database',
    changed: 'differs',
};
function replayedInto(versions) {
    return versions.replayedInto === 'scratch'
        ? `a temporary database on the scratch server (PostgreSQL ${versions.expected})`
        : `PostgreSQL ${versions.expected} (PGlite)`;
}
function renderDriftReport(result) {
    const { state, findings } = result;
    const lines = [`## Schema drift: ${result.environment}`, ''];
    const verdict = result.drift
        ? `❌ **Drift found**: ${findings.length} difference(s) between the database and its migrations, ${state.problems.length} ledger problem(s).`
        : `✅ **No drift**: the database matches the ${state.applied.length} migration(s) it has applied.`;
    lines.push(verdict, '');
    lines.push(`${state.applied.length} applied, ${state.pending.length} pending, in \`${result.set.displayDir}\` (${result.set.layout} layout), ledger \`${result.ledger.schema}.${result.ledger.table}\`. ` +
        `Compared schemas: ${result.schemas.length ? result.schemas.map((s) => `\`${s}\``).join(', ') : 'none'}` +
        `${result.ignore.length ? `; ignoring ${result.ignore.map((p) => `\`${p}\``).join(', ')}` : ''}. ` +
        `Live PostgreSQL ${result.versions.live}; expected schema built by replaying the applied migrations into ${replayedInto(result.versions)}.`, '');
    if (state.problems.length) {
        lines.push('### Ledger problems', '');
        lines.push((0,verify/* ledgerProblemsTable */.i)(state.problems), '');
        if (state.problems.some((p) => p.kind === 'missing'))
            lines.push('> Applied migrations without a file could not be replayed: objects they created show up below as not in migrations.', '');
        if (state.problems.some((p) => p.kind === 'modified'))
            lines.push('> Edited migrations were replayed as they are on disk now, which may differ from what the database received.', '');
    }
    if (state.pending.length) {
        lines.push(`### Pending migrations`, '', `Not applied yet (not drift: run your migrate step): ${state.pending.map((m) => `\`${m.name}\``).join(', ')}.`, '');
    }
    if (findings.length) {
        lines.push('### Differences', '');
        lines.push('_Expected_ is what the applied migrations define; _actual_ is what the database has. Definitions are normalised catalog text.', '');
        // The runner refuses job summaries over 1 MiB and GitHub issue bodies over 64 KiB: past a budget the rest is
        // counted, and report-json keeps every difference.
        let shown = 0;
        let budget = TABLE_BUDGET;
        for (const [owner, group] of groupByOwner(findings)) {
            const section = [
                `#### \`${owner}\``,
                '',
                (0,markdown/* markdownTable */.Qj)(['object', 'kind', 'change', 'expected', 'actual'], group.map((f) => [
                    `\`${f.object}\``,
                    f.objectType,
                    f.change === 'changed' && f.aspects
                        ? `${CHANGE_WORDS.changed}: ${f.aspects.join(', ')}`
                        : CHANGE_WORDS[f.change],
                    f.from === undefined ? '—' : `\`${clip(f.from)}\``,
                    f.to === undefined ? '—' : `\`${clip(f.to)}\``,
                ])),
                '',
            ].join('\n');
            if (section.length > budget && shown > 0)
                break;
            budget -= section.length;
            shown += group.length;
            lines.push(section);
        }
        if (shown < findings.length) {
            lines.push(`_…and ${findings.length - shown} more difference(s), listed in the \`report-json\` file._`, '');
        }
        lines.push('### Suggested SQL (review before running)', '');
        lines.push('> ⚠️ Generated to bring the database back in line with its migrations. **Review it first**: drops lose data, and if the hand-made change should stay, write a migration that makes it instead.', '');
        const statements = [];
        let sqlBudget = SQL_BUDGET;
        for (const f of findings) {
            const text = `-- ${f.change} ${f.objectType} ${f.object}\n${f.sql}`;
            if (text.length > sqlBudget && statements.length > 0) {
                statements.push(`-- …SQL for ${findings.length - statements.length} more difference(s) is in report-json`);
                break;
            }
            sqlBudget -= text.length;
            statements.push(text);
        }
        lines.push((0,markdown/* codeBlock */.DV)(statements.join('\n\n'), 'sql'));
        lines.push('');
    }
    return lines.join('\n');
}
/**
 * Differences grouped under their table, or the object they are about (a function's grants and comment with the
 * function), or themselves, in report order.
 */
/**
 * How much a kind of difference can hurt, most first: what the application's correctness or security relies on
 * (missing tables, columns, constraints, row-level security) before what only costs performance (indexes), and
 * cosmetic ones (comments, owners) last.
 */
const IMPACT = [
    'schema',
    'table',
    'column',
    'constraint',
    'rls',
    'policy',
    'grant',
    'index',
    'enum',
    'domain',
    'composite-type',
    'range-type',
    'trigger',
    'function',
    'procedure',
    'view',
    'materialized-view',
    'view-options',
    'sequence',
    'extension',
    'collation',
    'owner',
    'comment',
];
function impact(f) {
    const rank = IMPACT.indexOf(f.objectType);
    // Something missing from the database is worse than something extra in it.
    return (rank === -1 ? IMPACT.length : rank) * 3 + (f.change === 'removed' ? 0 : f.change === 'changed' ? 1 : 2);
}
/** Differences grouped by the object they belong to, the groups ordered by their most harmful difference. */
function groupByOwner(findings) {
    const groups = new Map();
    for (const f of [...findings].sort((a, b) => impact(a) - impact(b))) {
        const owner = f.table ?? f.subject ?? f.object;
        groups.set(owner, [...(groups.get(owner) ?? []), f]);
    }
    return groups;
}

;// CONCATENATED MODULE: ./actions/drift-check/run.ts




















async function run(context) {
    const options = readOptions(context);
    const project = await (0,lib_project/* readProject */.W)(context);
    const introspectOptions = {
        ...(options.schemas.length ? { schemas: options.schemas } : {}),
        excludeTables: [`${project.ledger.schema}.${project.ledger.table}`],
        ...(0,scope/* migrationScope */.x)(project.set.migrations.map((m) => m.sql)),
        owners: options.owner !== '',
    };
    const live = await readLive(context, options, project, introspectOptions);
    const replayable = live.state.applied.map((a) => a.migration).filter((m) => m !== undefined);
    const target = await replayExpected(context, options, project, replayable, live.identity);
    let findings;
    let expectedVersion;
    let actualCatalog;
    try {
        const replayed = await expectedCatalog(target.client, introspectOptions, options.owner);
        expectedVersion = await serverVersion(target.client);
        // Only what differs between server versions by design is lined up (versions.ts), each kept visible otherwise.
        let expectedAligned;
        [expectedAligned, actualCatalog] = (0,versions/* alignVersions */.B)(replayed, live.catalog);
        // What the embedded PostgreSQL could not replay (an extension PGlite lacks) is named and left out; the rest is compared.
        const ignore = [...options.ignore, ...target.unreplayed.flatMap((u) => u.objects)];
        findings = await context.logger.group('Compare', () => compare(context, ignore, { catalog: expectedAligned, renderer: target.client }, actualCatalog));
    }
    finally {
        await target.close();
    }
    const result = {
        environment: options.environment,
        drift: findings.length > 0 || live.state.problems.length > 0,
        set: project.set,
        ledger: project.ledger,
        state: live.state,
        findings,
        schemas: actualCatalog.schemas,
        ignore: options.ignore,
        versions: { live: live.version, expected: expectedVersion, replayedInto: target.where },
    };
    const markdown = await publish(context, result);
    const issueFailure = options.token ? await syncIssue(context, options, options.token, result, markdown) : undefined;
    if (result.drift && options.failOnDrift) {
        const parts = [
            findings.length ? `${findings.length} difference(s)` : '',
            live.state.problems.length ? `${live.state.problems.length} ledger problem(s)` : '',
        ].filter(Boolean);
        return { failure: `drift in ${options.environment}: ${parts.join(' and ')}; see the report` };
    }
    return issueFailure ? { failure: issueFailure } : {};
}
function readOptions(context) {
    const { inputs } = context;
    const wantIssue = inputs.boolean('issue');
    const url = inputs.required('database-url');
    const scratchUrl = inputs.optional('scratch-database-url');
    if (scratchUrl)
        validateScratchUrl(scratchUrl, url, 'scratch-database-url', 'database-url');
    return {
        url,
        scratchUrl,
        schemas: inputs.list('schemas'),
        ignore: inputs.list('ignore'),
        failOnDrift: inputs.boolean('fail-on-drift'),
        environment: inputs.string('environment') || 'development',
        owner: inputs.string('owner'),
        token: issueToken(context, wantIssue),
    };
}
/** The live database's ledger (checked against the files) and catalog, on one connection. */
async function readLive(context, options, project, introspectOptions) {
    const { logger } = context;
    const live = await (0,postgres/* connectPostgres */.Mq)(options.url, { logger, applicationName: 'schema-actions drift-check' });
    try {
        const state = await logger.group('Read the ledger', async () => {
            const ledger = await (0,migrations_ledger/* readLedger */.SC)(live, project.ledger);
            if (!ledger.exists)
                logger.info(`${project.ledger.schema}.${project.ledger.table} does not exist: no migration applied yet`);
            const compared = (0,verify/* compareLedger */.X)(project.set, ledger.rows);
            logger.info(`${compared.applied.length} applied, ${compared.pending.length} pending`);
            return compared;
        });
        const catalog = await logger.group('Read the live schema', async () => {
            const read = await (0,introspect/* introspect */.q)(live, introspectOptions);
            logger.info(`${read.tables.length} tables in ${read.schemas.length} schemas`);
            return read;
        });
        for (const problem of state.problems)
            logger.error(problem.message, problem);
        for (const schema of options.schemas) {
            if (!catalog.schemas.includes(schema))
                logger.warning(`schema "${schema}" (input schemas) is not in the database`);
        }
        return { state, catalog, version: await serverVersion(live), identity: await databaseIdentity(live) };
    }
    finally {
        await live.close();
    }
}
/** What the applied migrations say the schema should be: replayed into PGlite, or a scratch server's database. */
async function replayExpected(context, options, project, migrations, live) {
    const { logger, signal } = context;
    const replay = { ledger: project.ledger, layout: project.set.layout, signal };
    if (options.scratchUrl) {
        const scratchUrl = options.scratchUrl;
        return logger.group(`Replay ${migrations.length} applied migration(s) into a temporary database on the scratch server`, async () => {
            const scratch = await createScratchDatabase(scratchUrl, {
                logger,
                inputName: 'scratch-database-url',
                live,
                applicationName: 'schema-actions drift-check',
                signal,
            });
            logger.info(`created ${scratch.name}; it is dropped when the check ends`);
            try {
                await (0,catalog_replay/* replayOnServer */.UN)(scratch.client, migrations, replay);
            }
            catch (error) {
                await scratch.drop();
                throw error;
            }
            return { client: scratch.client, where: 'scratch', unreplayed: [], close: () => scratch.drop() };
        });
    }
    const { client: embedded, unreplayed } = await logger.group(`Replay ${migrations.length} applied migration(s) into embedded PostgreSQL`, async () => (0,catalog_replay/* replayMigrations */.fM)(migrations, replay));
    for (const u of unreplayed) {
        logger.warning(`not replayed on embedded PostgreSQL (PGlite lacks the extension): ${u.migration.name} line ${u.line}: ${u.statement} (${u.reason}); not compared: ${u.objects.join(', ') || 'nothing it creates could be named'}`, { file: u.migration.file, line: u.line, title: 'drift-check: not replayed' });
    }
    return { client: embedded, where: 'embedded', unreplayed, close: () => embedded.close() };
}
async function compare(context, ignore, expected, actual) {
    const differences = await reconcileViewSpelling((0,diff/* diffCatalogs */.U)(expected.catalog, actual, { ignore }), expected.renderer);
    const want = (0,flatten/* flattenCatalog */.qI)(expected.catalog);
    const have = (0,flatten/* flattenCatalog */.qI)(actual);
    const findings = differences.map((d) => ({
        ...d,
        sql: suggestSql(d, want.get((0,flatten/* objectKey */.T5)(d)), have.get((0,flatten/* objectKey */.T5)(d))),
    }));
    for (const f of findings)
        context.logger.info(`${f.change} ${f.objectType} ${f.object}`);
    context.logger.info(`${findings.length} difference(s)`);
    return findings;
}
/** The report to the job summary and a file, report-json beside it, and the outputs. */
async function publish(context, result) {
    const { logger } = context;
    const markdown = renderDriftReport(result);
    const published = await context.report.publish(markdown, { comment: false });
    const jsonPath = (0,report/* reportPath */.eG)('drift-check', context.env).replace(/\.md$/, '.json');
    (0,external_node_fs_.writeFileSync)(jsonPath, logger.secrets.redact(JSON.stringify(driftJson(result), null, 2)));
    context.setOutput('drift', result.drift);
    context.setOutput('differences', result.findings.length);
    context.setOutput('pending-count', result.state.pending.length);
    context.setOutput('report', published.path);
    context.setOutput('report-json', jsonPath);
    if (result.state.pending.length)
        logger.notice(`${result.state.pending.length} migration(s) not applied yet (pending)`);
    return markdown;
}
/** Opens, updates or closes the environment's drift issue; resolves to a failure line when GitHub refused. */
async function syncIssue(context, options, token, result, markdown) {
    const { logger } = context;
    return logger.group('Sync the drift issue', async () => {
        try {
            const issue = await syncDriftIssue({
                apiUrl: context.github.apiUrl,
                token,
                owner: context.github.owner,
                repo: context.github.repo,
                environment: options.environment,
            }, {
                found: result.drift,
                title: `Schema drift in ${options.environment}`,
                body: logger.secrets.redact(markdown),
                resolvedComment: logger.secrets.redact(resolvedComment(context, options.environment)),
            });
            reportIssue(context, issue);
            return undefined;
        }
        catch (error) {
            const status = error.status;
            const hint = status === 403 || status === 404 ? ' Grant the job `issues: write`.' : '';
            return `could not update the drift issue for ${options.environment}: ${(0,errors/* errorMessage */.gJ)(error)}.${hint}`;
        }
    });
}
function issueToken(context, wanted) {
    if (!wanted)
        return undefined;
    let token = context.inputs.optional('github-token');
    // The CLI sees the action's default expression literally; there the token comes from the environment.
    if (token && (0,inputs/* isUnevaluatedExpression */.rF)(token))
        token = context.env.GITHUB_TOKEN || undefined;
    if (token)
        context.logger.mask(token);
    if (!token) {
        throw new errors/* ConfigurationError */.j1('issue is true but no github-token was given; pass github-token (the default ${{ github.token }} works with `permissions: issues: write`) or set issue to false');
    }
    if (!context.github.owner || !context.github.repo) {
        throw new errors/* ConfigurationError */.j1('issue is true but GITHUB_REPOSITORY is not set; run it in GitHub Actions or set GITHUB_REPOSITORY=owner/name');
    }
    return token;
}
function reportIssue(context, issue) {
    if (issue.number !== undefined)
        context.setOutput('issue-number', issue.number);
    const where = issue.url ?? `#${issue.number}`;
    if (issue.action === 'opened')
        context.logger.warning(`Opened drift issue ${where}`);
    else if (issue.action === 'updated')
        context.logger.info(`Updated drift issue ${where}`);
    else if (issue.action === 'closed')
        context.logger.notice(`Drift is gone: closed issue ${where}`);
    else
        context.logger.info('No drift and no open drift issue');
}
function resolvedComment(context, environment) {
    const { serverUrl, repository, runId, sha } = context.github;
    const run = runId && repository ? ` ([run ${runId}](${serverUrl}/${repository}/actions/runs/${runId}))` : '';
    return `✅ No drift in ${environment} any more: the database matches its applied migrations${sha ? ` at ${sha.slice(0, 7)}` : ''}${run}. Closing.`;
}
/** The replayed catalog; with `owner`, as if that role owned what the migrations created (replay runs as postgres). */
async function expectedCatalog(embedded, options, owner) {
    const catalog = await (0,introspect/* introspect */.q)(embedded, options);
    if (!owner)
        return catalog;
    const [row] = await embedded.query('SELECT current_user AS user');
    return (0,owners/* ownedBy */.LW)(catalog, row?.user ?? 'postgres', owner);
}
async function serverVersion(client) {
    const [row] = await client.query('SHOW server_version');
    return row?.server_version ?? '?';
}


/***/ }),

/***/ 72453:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ compareLedger),
/* harmony export */   i: () => (/* binding */ ledgerProblemsTable)
/* harmony export */ });
/* harmony import */ var _markdown__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(94269);

/**
 * Compares a database's ledger with the migration files. This is the one verification that status, migrate and
 * drift-check share, so they can never disagree about what is applied, pending or wrong.
 *
 * Rows are matched to files the way Drizzle identifies them: by name where the ledger has names (drizzle-orm 1.x),
 * otherwise by `created_at` (the journal's `when`), falling back to the hash when several files share a `when`.
 */
function compareLedger(set, ledger) {
    const unmatched = new Set(set.migrations);
    const applied = [];
    for (const row of ledger) {
        const migration = matchRow(row, [...unmatched]);
        if (migration)
            unmatched.delete(migration);
        applied.push({ row, migration });
    }
    const newestAppliedAt = ledger.reduce((newest, row) => row.createdAt !== null && (newest === undefined || row.createdAt > newest) ? row.createdAt : newest, undefined);
    const pending = set.migrations.filter((m) => unmatched.has(m));
    const problems = [];
    for (const { row, migration } of applied) {
        if (!migration) {
            const name = row.name ?? `created_at ${row.createdAt ?? 'null'}`;
            problems.push({
                kind: 'missing',
                name,
                message: `applied migration ${name} (ledger id ${row.id}, hash ${row.hash.slice(0, 12)}…) has no file in ${set.displayDir}: restore the file from git; deleting applied migrations breaks every environment that has them`,
            });
        }
        else if (migration.hash !== row.hash) {
            problems.push({
                kind: 'modified',
                name: migration.name,
                file: migration.file,
                message: `applied migration ${migration.name} was edited after it was applied (hash ${row.hash.slice(0, 12)}… in the database, ${migration.hash.slice(0, 12)}… on disk): revert ${migration.file} and put the change in a new migration`,
            });
        }
    }
    if (newestAppliedAt !== undefined) {
        for (const migration of pending) {
            if (migration.createdAt <= newestAppliedAt)
                problems.push(outOfOrder(set.layout, migration, applied));
        }
    }
    return { applied, pending, problems, newestAppliedAt };
}
function matchRow(row, candidates) {
    if (row.name) {
        const byName = candidates.find((m) => m.name === row.name);
        if (byName)
            return byName;
    }
    const sameTime = candidates.filter((m) => m.createdAt === row.createdAt);
    if (sameTime.length === 1)
        return sameTime[0];
    const byHash = (sameTime.length > 1 ? sameTime : candidates).find((m) => m.hash === row.hash);
    return byHash ?? (sameTime.length > 1 ? sameTime[0] : undefined);
}
function outOfOrder(layout, migration, applied) {
    const newest = applied
        .filter((a) => a.row.createdAt !== null)
        .sort((a, b) => (b.row.createdAt ?? 0) - (a.row.createdAt ?? 0))[0];
    const newestName = newest?.migration?.name ?? newest?.row.name ?? 'the newest applied migration';
    const consequence = layout === 'journal'
        ? "Drizzle's migrator applies only migrations newer than the newest applied one, so it would skip this one silently"
        : 'applying it now would run it after migrations that were written later';
    return {
        kind: 'out-of-order',
        name: migration.name,
        file: migration.file,
        message: `pending migration ${migration.name} is older than ${newestName}, which is already applied: ${consequence}; regenerate it so it sorts after ${newestName}`,
    };
}
/** The ledger problems as a Markdown table: one row per problem, with what to do about it. */
function ledgerProblemsTable(problems) {
    return (0,_markdown__WEBPACK_IMPORTED_MODULE_0__/* .markdownTable */ .Qj)(['kind', 'migration', 'what to do'], problems.map((p) => [p.kind, p.name, p.message]));
}


/***/ })

};
