export const id = 988;
export const ids = [988];
export const modules = {

/***/ 92314:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ postgresErrorFields),
/* harmony export */   v: () => (/* binding */ quoteIdent)
/* harmony export */ });
function postgresErrorFields(error) {
    const e = error;
    const position = Number(e.position);
    return {
        message: String(e.message ?? error),
        code: typeof e.code === 'string' ? e.code : undefined,
        position: Number.isFinite(position) && position > 0 ? position : undefined,
        detail: typeof e.detail === 'string' ? e.detail : undefined,
        hint: typeof e.hint === 'string' ? e.hint : undefined,
        where: typeof e.where === 'string' ? e.where : undefined,
    };
}
/** Double-quotes an identifier for SQL. */
function quoteIdent(name) {
    return `"${name.replace(/"/g, '""')}"`;
}


/***/ }),

/***/ 93570:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $1: () => (/* binding */ validatePostgresUrl),
/* harmony export */   Mq: () => (/* binding */ connectPostgres),
/* harmony export */   mX: () => (/* binding */ postgresAddress)
/* harmony export */ });
/* unused harmony export PostgresClient */
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(32863);
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
    // node-postgres loads on the first connection, after the inputs are validated: a bad input fails at once.
    const { default: pg } = await __webpack_require__.e(/* import() */ 849).then(__webpack_require__.bind(__webpack_require__, 83849));
    const client = new pg.Client({
        connectionString: url,
        application_name: options.applicationName ?? 'schema-actions',
        connectionTimeoutMillis: options.connectTimeoutMs ?? 15_000,
        types: {
            getTypeParser: ((oid, format) => oid === BIGINT_OID
                ? (v) => v
                : pg.types.getTypeParser(oid, format)),
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
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${inputName} is not a PostgreSQL URL; ${example}`);
    }
    if (!parsed.hostname && !parsed.searchParams.get('host')) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${inputName} is not a complete PostgreSQL URL: it has no host; ${example}`);
    }
    const database = parsed.pathname.replace(/^\//, '') || parsed.searchParams.get('dbname');
    if (!database) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${inputName} is not a complete PostgreSQL URL: it names no database; ${example}`);
    }
    if (database.includes('/') || /[@:]/.test(decodeURIComponent(database))) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${inputName} is not a valid PostgreSQL URL: its database name is malformed; ${example}`);
    }
}
/** Where a PostgreSQL URL points, decoded: the host (or libpq's `?host=`), port, user and database, with libpq's defaults. */
function postgresAddress(url) {
    const parsed = new URL(url);
    const user = decodeURIComponent(parsed.username) || 'postgres';
    return {
        host: parsed.hostname || parsed.searchParams.get('host') || '',
        port: parsed.port || '5432',
        user,
        database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || parsed.searchParams.get('dbname') || user,
    };
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
        const address = postgresAddress(url);
        host = `${address.host}:${address.port}`;
        user = address.user;
        database = address.database;
    }
    catch {
        // handled by the scheme check before connecting
    }
    switch (e.code) {
        case 'ECONNREFUSED':
            return new _errors__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`cannot connect to PostgreSQL at ${host}: connection refused; check the host and port in ${inputName} and that the server is running`);
        case 'ENOTFOUND':
        case 'EAI_AGAIN':
            return new _errors__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`cannot connect to PostgreSQL: host ${host} not found; check the host name in ${inputName}`);
        case 'ETIMEDOUT':
            return new _errors__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`cannot connect to PostgreSQL at ${host}: timed out; check ${inputName} and that the runner can reach the server`);
        case '28P01':
        case '28000':
            return new _errors__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`PostgreSQL at ${host} rejected user "${user}": password authentication failed; check the user and password in ${inputName}`);
        case '3D000':
            return new _errors__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`database "${database}" does not exist on ${host}; create it or fix the database name in ${inputName}`);
        default:
            if (/timeout/i.test(e.message ?? '')) {
                return new _errors__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`cannot connect to PostgreSQL at ${host}: timed out; check ${inputName} and that the runner can reach the server`);
            }
            return new _errors__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`cannot connect to ${where}: ${e.message ?? String(error)}; check ${inputName}`);
    }
}


/***/ }),

/***/ 8109:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Yv: () => (/* binding */ MigrationFailedError),
/* harmony export */   et: () => (/* binding */ plan),
/* harmony export */   g7: () => (/* binding */ execute),
/* harmony export */   o2: () => (/* binding */ TRANSACTION_POLICIES)
/* harmony export */ });
/* unused harmony exports controlsTransaction, applyMigrations */
/* harmony import */ var _db_client__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(92314);
/* harmony import */ var _time__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(70309);
/* harmony import */ var _chunks__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57866);
/* harmony import */ var _ledger__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(96605);




const TRANSACTION_POLICIES = ['all', 'each'];
/** Pure: the batches `policy` runs `migrations` in, or the first migration it cannot run and why. */
function plan(migrations, policy) {
    if (policy === 'each') {
        return { batches: migrations.map((m) => ({ transactional: !m.noTransaction, migrations: [m] })) };
    }
    const outside = migrations.find((m) => m.noTransaction);
    if (outside) {
        return {
            refusal: {
                migration: outside,
                message: `${outside.name} must run outside a transaction (it starts with -- schema-actions:no-transaction), which transaction: all cannot do`,
                fix: 'set transaction: each on both schema-check and migrate-with-telemetry, or remove the marker from the file',
            },
        };
    }
    return { batches: migrations.length ? [{ transactional: true, migrations }] : [] };
}
/** A migration PostgreSQL refused: where in the file, and PostgreSQL's own words. */
class MigrationFailedError extends Error {
    migration;
    line;
    postgres;
    chunk;
    name = 'MigrationFailedError';
    constructor(migration, line, postgres, 
    /** The chunk that was sent, to show the failing statement. */
    chunk) {
        const detail = postgres.detail ? ` (${postgres.detail})` : '';
        const hint = postgres.hint ? ` Hint: ${postgres.hint}` : '';
        super(`migration ${migration.name} failed at ${migration.file}:${line}: ${postgres.message}${detail}.${hint}`);
        this.migration = migration;
        this.line = line;
        this.postgres = postgres;
        this.chunk = chunk;
    }
}
const MAX_RECOVERIES = 20;
/**
 * The one path by which migrations reach a database. Each migration's ledger row is written inside the same
 * transaction as its SQL (and the ledger table inside the first one), so a failure, a time-out or a killed process
 * leaves the database and the ledger agreeing: a migration and its row are both there, or neither is.
 */
async function execute(client, ledger, batches, hooks = {}) {
    const run = new Execution(client, { ...ledger }, hooks);
    for (const batch of batches) {
        const failure = await run.batch(batch);
        if (failure)
            return { committed: run.committed, failure };
    }
    return { committed: run.committed };
}
class Execution {
    client;
    ledger;
    hooks;
    committed = [];
    constructor(client, ledger, hooks) {
        this.client = client;
        this.ledger = ledger;
        this.hooks = hooks;
    }
    async batch(batch) {
        let resumeAt = 0;
        for (let attempt = 0;; attempt++) {
            const outcome = batch.transactional ? await this.inTransaction(batch) : await this.autocommit(batch, resumeAt);
            if (!outcome.failure) {
                this.committed.push(...outcome.timings);
                this.hooks.committed?.(outcome.timings);
                return undefined;
            }
            const { error, step } = outcome.failure;
            // A migration that ran COMMIT itself left the rest of the batch in autocommit: rerunning it would repeat
            // what is already committed, so it is not retried, and the ledger says what stayed.
            const escaped = batch.transactional && escapedBefore(batch, step);
            const retry = step && !escaped && error instanceof MigrationFailedError && attempt < MAX_RECOVERIES && this.hooks.recover
                ? await this.hooks.recover(step, error).catch(() => false)
                : false;
            if (retry) {
                resumeAt = batch.transactional ? 0 : (step?.index ?? 0);
                continue;
            }
            const kept = escaped ? await this.recorded(batch, outcome.timings) : [];
            if (kept.length) {
                this.committed.push(...kept);
                this.hooks.committed?.(kept);
            }
            const failed = step?.migration ?? outcome.failure.migration;
            return {
                error,
                migration: failed,
                startedAt: outcome.failure.startedAt,
                partial: !batch.transactional || escaped,
                rolledBack: batch.transactional
                    ? batch.migrations.filter((m) => !kept.some((k) => k.migration === m) && !(escaped && m === failed))
                    : [],
            };
        }
    }
    /** The batch's migrations whose ledger rows are in the database after a failure, as drizzle-orm left them. */
    async recorded(batch, finished) {
        const rows = await (0,_ledger__WEBPACK_IMPORTED_MODULE_1__/* .readLedger */ .SC)(this.client, this.ledger.location).catch(() => undefined);
        if (!rows)
            return [];
        if (rows.exists)
            this.ledger.exists = true;
        const hashes = new Set(rows.rows.map((r) => r.hash));
        return finished.filter((t) => hashes.has(t.migration.hash) && batch.migrations.includes(t.migration));
    }
    async inTransaction(batch) {
        const timings = [];
        const cursor = { startedAt: (0,_time__WEBPACK_IMPORTED_MODULE_2__/* .preciseNow */ .M)() };
        try {
            await this.send('BEGIN');
            if (!this.ledger.exists)
                await this.guard(() => (0,_ledger__WEBPACK_IMPORTED_MODULE_1__/* .ensureLedger */ .IC)(this.client, this.ledger.location, this.ledger.layout));
            for (const migration of batch.migrations) {
                timings.push(await this.migration(migration, true, 0, cursor));
            }
            cursor.migration = undefined;
            cursor.step = undefined;
            await this.send('COMMIT');
        }
        catch (error) {
            await this.client.exec('ROLLBACK').catch(() => undefined);
            return { timings, failure: { error, ...cursor } };
        }
        this.ledger.exists = true;
        return { timings };
    }
    async autocommit(batch, resumeAt) {
        const [migration] = batch.migrations;
        if (!migration || batch.migrations.length !== 1)
            throw new Error('an autocommit batch holds exactly one migration');
        const cursor = { startedAt: (0,_time__WEBPACK_IMPORTED_MODULE_2__/* .preciseNow */ .M)(), migration };
        try {
            if (!this.ledger.exists) {
                await this.guard(() => (0,_ledger__WEBPACK_IMPORTED_MODULE_1__/* .ensureLedger */ .IC)(this.client, this.ledger.location, this.ledger.layout));
                this.ledger.exists = true;
            }
            return { timings: [await this.migration(migration, false, resumeAt, cursor)] };
        }
        catch (error) {
            return { timings: [], failure: { error, ...cursor } };
        }
    }
    async migration(migration, transactional, fromChunk, cursor) {
        const startedAt = (0,_time__WEBPACK_IMPORTED_MODULE_2__/* .preciseNow */ .M)();
        Object.assign(cursor, { migration, startedAt });
        for (let index = fromChunk; index < migration.chunks.length; index++) {
            const step = { migration, chunk: migration.chunks[index], index, transactional };
            cursor.step = step;
            await this.statement(step);
        }
        cursor.step = undefined;
        const insert = (0,_ledger__WEBPACK_IMPORTED_MODULE_1__/* .ledgerInsert */ .DD)(this.ledger.location, this.ledger.layout, migration);
        await this.guard(() => this.client.query(insert.sql, insert.params));
        return { migration, startedAt, durationMs: (0,_time__WEBPACK_IMPORTED_MODULE_2__/* .preciseNow */ .M)() - startedAt };
    }
    async statement(step) {
        this.hooks.checkpoint?.();
        await this.hooks.beforeStatement?.(step);
        const started = (0,_time__WEBPACK_IMPORTED_MODULE_2__/* .preciseNow */ .M)();
        try {
            await this.client.exec(step.chunk.sql);
        }
        catch (error) {
            const fields = (0,_db_client__WEBPACK_IMPORTED_MODULE_3__/* .postgresErrorFields */ .D)(error);
            const line = fields.position ? (0,_chunks__WEBPACK_IMPORTED_MODULE_0__/* .lineOfPosition */ .DR)(step.chunk, fields.position) : step.chunk.line;
            throw new MigrationFailedError(step.migration, line, fields, step.chunk);
        }
        await this.hooks.afterStatement?.(step, (0,_time__WEBPACK_IMPORTED_MODULE_2__/* .preciseNow */ .M)() - started);
    }
    async send(sql) {
        await this.guard(() => this.client.exec(sql));
    }
    async guard(fn) {
        this.hooks.checkpoint?.();
        return fn();
    }
}
/**
 * Whether a statement that ends or starts a transaction (COMMIT, BEGIN, …) ran in the batch before the failing step,
 * e.g. a `COMMIT;` before a CREATE INDEX CONCURRENTLY. drizzle-orm sends such a file as it is: PostgreSQL commits
 * Drizzle's transaction there and runs what follows in autocommit (Drizzle's own COMMIT then only warns); so do we.
 */
function escapedBefore(batch, failing) {
    for (const migration of batch.migrations) {
        for (const [index, chunk] of migration.chunks.entries()) {
            const isFailing = failing && failing.migration === migration && failing.index === index;
            if (isFailing)
                return false;
            if (controlsTransaction(chunk.sql))
                return true;
        }
        if (failing?.migration === migration)
            return false;
    }
    // The failure came after every chunk (a ledger row, the final COMMIT).
    return batch.migrations.some((m) => m.chunks.some((c) => controlsTransaction(c.sql)));
}
const TRANSACTION_CONTROL = /(?:^|;)\s*(?:commit|end|begin|start\s+transaction|rollback|abort)\b/i;
/** A statement of the chunk, outside comments, strings and dollar-quoted bodies (DO $$ BEGIN … END $$), is one. */
function controlsTransaction(sql) {
    const bare = sql
        .replace(/\$([A-Za-z_][A-Za-z0-9_]*)?\$[\s\S]*?\$\1\$/g, "''")
        .replace(/'(?:[^']|'')*'/g, "''")
        .replace(/--[^\n]*/g, '')
        .replace(/\/\*[\s\S]*?\*\//g, '');
    return bare.split(';').some((statement) => TRANSACTION_CONTROL.test(statement.trim()));
}
/**
 * Plans and executes in one call, throwing on a refusal or a failure: for building databases from migrations that
 * are known to apply (fixtures, benchmarks, the embedded base of a check).
 */
async function applyMigrations(client, migrations, ledger, policy = 'all') {
    const planned = plan(migrations, policy);
    if (planned.refusal)
        throw new Error(`${planned.refusal.message}; ${planned.refusal.fix}`);
    const result = await execute(client, ledger, planned.batches);
    if (result.failure)
        throw result.failure.error;
    return result.committed;
}


/***/ }),

/***/ 96605:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DD: () => (/* binding */ ledgerInsert),
/* harmony export */   IC: () => (/* binding */ ensureLedger),
/* harmony export */   SC: () => (/* binding */ readLedger)
/* harmony export */ });
/* unused harmony export ledgerTable */
/* harmony import */ var _db_client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92314);

function ledgerTable(location) {
    return `${(0,_db_client__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdent */ .v)(location.schema)}.${(0,_db_client__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdent */ .v)(location.table)}`;
}
async function readLedger(client, location) {
    const columns = await client.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2`, [location.schema, location.table]);
    if (columns.length === 0)
        return { exists: false, hasNameColumn: false, rows: [] };
    const has = new Set(columns.map((c) => c.column_name));
    const rows = await client.query(`SELECT id, hash, created_at${has.has('name') ? ', name' : ''}${has.has('applied_at') ? ', applied_at' : ''}
       FROM ${ledgerTable(location)} ORDER BY id`);
    return {
        exists: true,
        hasNameColumn: has.has('name'),
        rows: rows.map((row) => ({
            id: Number(row.id),
            hash: row.hash,
            createdAt: row.created_at === null || row.created_at === undefined ? null : Number(row.created_at),
            name: row.name ?? null,
            appliedAt: row.applied_at ? new Date(row.applied_at) : null,
        })),
    };
}
/** Creates the ledger exactly as the drizzle-orm version that owns the layout would. */
async function ensureLedger(client, location, layout) {
    await client.exec(`CREATE SCHEMA IF NOT EXISTS ${(0,_db_client__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdent */ .v)(location.schema)}`);
    const v1Columns = layout === 'v1' ? `,\n  name text,\n  applied_at timestamp with time zone DEFAULT now()` : '';
    await client.exec(`CREATE TABLE IF NOT EXISTS ${ledgerTable(location)} (\n  id SERIAL PRIMARY KEY,\n  hash text NOT NULL,\n  created_at bigint${v1Columns}\n)`);
}
/** The INSERT Drizzle runs after applying a migration, in the same transaction. */
function ledgerInsert(location, layout, migration) {
    if (layout === 'v1') {
        return {
            sql: `INSERT INTO ${ledgerTable(location)} ("hash", "created_at", "name") VALUES ($1, $2, $3)`,
            params: [migration.hash, migration.createdAt, migration.name],
        };
    }
    return {
        sql: `INSERT INTO ${ledgerTable(location)} ("hash", "created_at") VALUES ($1, $2)`,
        params: [migration.hash, migration.createdAt],
    };
}


/***/ }),

/***/ 92647:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ readTransactionPolicy),
/* harmony export */   W: () => (/* binding */ readProject)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(32863);
/* harmony import */ var _migrations_executor__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8109);
/* harmony import */ var _migrations_folder__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(21867);





function readTransactionPolicy(inputs) {
    return inputs.enum('transaction', _migrations_executor__WEBPACK_IMPORTED_MODULE_3__/* .TRANSACTION_POLICIES */ .o2);
}
/**
 * The "Read migrations" phase every action that reads a project starts with: the project inputs, drizzle.config
 * and the migrations folder they point to, in one log group that says what was found. From then on the logger's
 * annotations resolve file paths (which are relative to the project) to repository paths, as GitHub expects them.
 */
async function readProject(context) {
    return context.logger.group('Read migrations', async () => {
        const project = await loadProject(context);
        const { set } = project;
        context.logger.info(`${set.migrations.length} migrations in ${set.displayDir} (${set.layout} layout)`);
        return project;
    });
}
async function loadProject(context) {
    const { inputs, baseDir, logger } = context;
    const projectRoot = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(baseDir, inputs.string('working-directory') || '.');
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(projectRoot)) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`working-directory ${inputs.string('working-directory')} does not exist; set it to your Drizzle project's folder`);
    }
    const project = await (0,_migrations_folder__WEBPACK_IMPORTED_MODULE_4__/* .loadProjectMigrations */ .bK)({
        projectRoot,
        repositoryRoot: baseDir,
        drizzleConfig: inputs.optional('drizzle-config'),
        migrationsDir: inputs.optional('migrations-dir'),
        migrationsTable: inputs.optional('migrations-table'),
        migrationsSchema: inputs.optional('migrations-schema'),
    });
    logger.setFileRoot(projectRoot);
    return { ...project, projectRoot };
}


/***/ }),

/***/ 70309:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ preciseNow)
/* harmony export */ });
/** Epoch milliseconds with sub-millisecond precision, monotonic within the process (for timings and telemetry). */
function preciseNow() {
    return performance.timeOrigin + performance.now();
}


/***/ })

};
