export const id = 411;
export const ids = [411];
export const modules = {

/***/ 1833:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vw: () => (/* binding */ done),
/* harmony export */   hT: () => (/* binding */ skipped),
/* harmony export */   qu: () => (/* binding */ dataOf)
/* harmony export */ });
function done(data) {
    return { status: 'done', data };
}
function skipped(reason) {
    return { status: 'skipped', reason };
}
/** The phase's data, or undefined when it was skipped. */
function dataOf(phase) {
    return phase.status === 'done' ? phase.data : undefined;
}


/***/ }),

/***/ 64095:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bM: () => (/* binding */ EffectsObserver),
/* harmony export */   gi: () => (/* binding */ judgeWithEffects),
/* harmony export */   l4: () => (/* binding */ lockName)
/* harmony export */ });
/* harmony import */ var _lib_time__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70309);
/* harmony import */ var _lint_rules__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(53680);


/** Read-only catalog queries only: the observer runs inside the migrations' transaction and must not change it. */
const RELATIONS_SQL = `SELECT c.oid::int AS oid, n.nspname || '.' || c.relname AS name, c.relfilenode::int AS filenode
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'm')
    AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%'
    AND n.nspname || '.' || c.relname <> $1`;
const LOCKS_SQL = `SELECT relation::int AS oid, mode FROM pg_locks
  WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted AND relation = ANY($1::oid[])`;
const FILENODES_SQL = `SELECT oid::int AS oid, relfilenode::int AS filenode FROM pg_class WHERE oid = ANY($1::oid[])`;
const SCANS_SQL = `SELECT relid::int AS oid, coalesce(seq_scan, 0)::int AS scans FROM pg_stat_xact_user_tables
  WHERE relid = ANY($1::oid[])`;
/**
 * Watches the new migrations through the executor's hooks: locks of its own backend, relfilenode changes (a
 * rewrite) and sequential-scan counts, for every relation that existed before them.
 */
class EffectsObserver {
    ledgerTable;
    relations = new Map();
    pending = [];
    done = [];
    seenLocks = new Set();
    scansBefore = new Map();
    statements = 0;
    constructor(ledgerTable) {
        this.ledgerTable = ledgerTable;
    }
    /** Call before the new migrations. */
    async snapshot(client) {
        const rows = await client.query(RELATIONS_SQL, [this.ledgerTable]);
        this.relations = new Map(rows.map((r) => [r.oid, { name: r.name, filenode: r.filenode }]));
    }
    hooks(client) {
        return {
            beforeStatement: async (step) => {
                if (step.transactional)
                    this.scansBefore = await this.scans(client);
            },
            afterStatement: async (step) => {
                await this.observe(client, step);
            },
            committed: (timings) => this.commit(timings),
        };
    }
    effects() {
        return [...this.done];
    }
    oids() {
        return [...this.relations.keys()];
    }
    async scans(client) {
        if (!this.relations.size)
            return new Map();
        const rows = await client.query(SCANS_SQL, [this.oids()]);
        return new Map(rows.map((r) => [r.oid, r.scans]));
    }
    async observe(client, step) {
        if (!this.relations.size)
            return;
        this.statements++;
        const filenodes = await client.query(FILENODES_SQL, [this.oids()]);
        const rewritten = new Set();
        for (const row of filenodes) {
            const relation = this.relations.get(row.oid);
            if (relation.filenode !== 0 && row.filenode !== relation.filenode)
                rewritten.add(row.oid);
            relation.filenode = row.filenode;
        }
        const scanned = new Set();
        const locks = new Map();
        if (step.transactional) {
            for (const [oid, count] of await this.scans(client))
                if (count > (this.scansBefore.get(oid) ?? 0))
                    scanned.add(oid);
            const rows = await client.query(LOCKS_SQL, [this.oids()]);
            for (const row of rows) {
                const key = `${row.oid}:${row.mode}`;
                // Locks last until commit: only those this statement added are its own.
                if (this.seenLocks.has(key))
                    continue;
                this.seenLocks.add(key);
                locks.set(row.oid, [...(locks.get(row.oid) ?? []), row.mode]);
            }
        }
        this.record(step, locks, rewritten, scanned);
    }
    record(step, locks, rewritten, scanned) {
        const touched = new Set([...locks.keys(), ...rewritten, ...scanned]);
        const base = {
            migration: step.migration.name,
            file: step.migration.file,
            line: statementLine(step),
            'held-until': step.transactional ? 'commit' : 'end of statement',
            statementNumber: this.statements,
            endedAt: (0,_lib_time__WEBPACK_IMPORTED_MODULE_1__/* .preciseNow */ .M)(),
        };
        for (const oid of touched) {
            const modes = locks.get(oid) ?? [null];
            for (const lock of modes) {
                const effect = { ...base, relation: this.relations.get(oid).name, lock };
                this.pending.push({ ...effect, rewrite: rewritten.has(oid), scan: scanned.has(oid) });
            }
        }
    }
    commit(timings) {
        const now = (0,_lib_time__WEBPACK_IMPORTED_MODULE_1__/* .preciseNow */ .M)();
        const names = new Set(timings.map((t) => t.migration.name));
        for (const { statementNumber, endedAt, ...effect } of this.pending) {
            if (!names.has(effect.migration))
                continue;
            const held = effect['held-until'] === 'commit';
            this.done.push({
                ...effect,
                'statements-later': held ? this.statements - statementNumber : 0,
                'ms-later': held ? Math.round(now - endedAt) : 0,
            });
        }
        this.pending = [];
        this.seenLocks.clear();
        this.statements = 0;
    }
}
/** The chunk's first keyword: its first line may be a comment or blank. */
function statementLine(step) {
    const lines = step.chunk.sql.split('\n');
    const first = lines.findIndex((l) => !/^\s*(--.*)?$/.test(l));
    return step.chunk.line + Math.max(first, 0);
}
/**
 * Confirms or refutes lint with what PostgreSQL did: a rewrite of an existing table is an error with that
 * evidence; a type change observed not to rewrite (a safe widening) loses its alter-column-type finding.
 */
/**
 * Lint confirmed or refuted by what PostgreSQL did. A rewrite observed where a static rule already flagged the
 * statement confirms that finding (its message gains the evidence); where the user silenced the rule with an ignore
 * comment, the rewrite was acknowledged and stays silent; where no rule saw it coming, it is an `observed-rewrite`
 * error. A type change observed not to rewrite is not flagged.
 */
function judgeWithEffects(lint, effects, suppressed = []) {
    const at = (f) => `${f.file}:${f.line}`;
    const rewrites = effects.filter((e) => e.rewrite);
    const rewroteAt = new Set(rewrites.map(at));
    const observedAt = new Set(effects.map(at));
    const acknowledged = new Set(suppressed.map(at));
    const kept = lint.filter((f) => !(f.rule === 'alter-column-type' && observedAt.has(at(f)) && !rewroteAt.has(at(f))));
    const seen = new Set();
    const observed = [];
    const confirmed = new Map();
    for (const e of rewrites) {
        const key = `${at(e)}:${e.relation}`;
        if (seen.has(key) || acknowledged.has(at(e)))
            continue;
        seen.add(key);
        const evidence = `rewrote ${e.relation} when applied (its relfilenode changed)${e.lock ? ` under ${lockName(e.lock)}, held until ${e['held-until']}` : ''}`;
        const flagged = kept.find((f) => at(f) === at(e));
        if (flagged) {
            confirmed.set(flagged, [...(confirmed.get(flagged) ?? []), evidence]);
            continue;
        }
        observed.push({
            check: 'lint',
            rule: _lint_rules__WEBPACK_IMPORTED_MODULE_0__/* .OBSERVED_REWRITE */ .KV,
            severity: 'error',
            migration: e.migration,
            file: e.file,
            line: e.line,
            message: `${e.migration}: ${evidence}: on a large table every row is copied while it is locked`,
            alternative: 'Add the column without the volatile default (or nullable), backfill it in batches, then set the default; change a type through a new column.',
        });
    }
    const withEvidence = kept.map((f) => confirmed.has(f) ? { ...f, message: `${f.message} Observed: ${confirmed.get(f).join('; ')}.` } : f);
    return [...withEvidence, ...observed];
}
/** AccessExclusiveLock → ACCESS EXCLUSIVE, as PostgreSQL's documentation names the modes. */
function lockName(mode) {
    return mode
        .replace(/Lock$/, '')
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toUpperCase();
}


/***/ }),

/***/ 26411:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./actions/lib/catalog/introspect.ts + 2 modules
var introspect = __webpack_require__(33014);
// EXTERNAL MODULE: ./actions/lib/catalog/diff.ts
var diff = __webpack_require__(92195);
// EXTERNAL MODULE: ./actions/lib/catalog/flatten.ts
var flatten = __webpack_require__(84176);
// EXTERNAL MODULE: ./actions/lib/catalog/replay.ts
var replay = __webpack_require__(1067);
// EXTERNAL MODULE: ./actions/lib/catalog/scope.ts + 1 modules
var scope = __webpack_require__(96436);
// EXTERNAL MODULE: ./actions/lib/catalog/roles.ts
var catalog_roles = __webpack_require__(8279);
// EXTERNAL MODULE: ./actions/lib/catalog/kinds/owners.ts
var owners = __webpack_require__(21156);
;// CONCATENATED MODULE: ./actions/lib/catalog/index.ts










// EXTERNAL MODULE: ./actions/lib/db/pglite.ts + 1 modules
var pglite = __webpack_require__(44248);
// EXTERNAL MODULE: ./actions/lib/db/postgres.ts
var postgres = __webpack_require__(93570);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./actions/lib/errors.ts
var errors = __webpack_require__(32863);
// EXTERNAL MODULE: ./actions/lib/db/tar.ts
var tar = __webpack_require__(22986);
;// CONCATENATED MODULE: ./actions/lib/db/state-cache.ts






const FORMAT = 1;
const ARCHIVE = 'state.tar';
const KEY = 'key.json';
/**
 * Where a check keeps embedded database states between runs: the runner's tool cache (it survives jobs on a
 * self-hosted runner, and a workflow can carry it across runs with actions/cache), else the user's cache folder.
 */
function defaultStateCacheDir(env = process.env) {
    const base = env.RUNNER_TOOL_CACHE ||
        env.RUNNER_TEMP ||
        env.XDG_CACHE_HOME ||
        (process.platform === 'win32' && env.LOCALAPPDATA) ||
        (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.cache');
    return (0,external_node_path_.join)(base, 'schema-actions', 'embedded-state');
}
/**
 * Saved PGlite data directories, one folder per recipe (named by its hash) holding the archive and a key that
 * repeats the whole recipe and the archive's checksum: a hash collision, a half-written or tampered entry never
 * passes for another state. Only the most recently used `keep` entries are kept.
 */
class StateCache {
    dir;
    keep;
    constructor(dir, keep = 3) {
        this.dir = dir;
        this.keep = keep;
    }
    find(recipe) {
        const entry = this.entryDir(recipe);
        if (!(0,external_node_fs_.existsSync)(entry))
            return {};
        let key;
        try {
            key = JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(entry, KEY), 'utf8'));
        }
        catch (error) {
            this.discard(recipe);
            return { problem: `its key cannot be read (${(0,errors/* errorMessage */.gJ)(error)})` };
        }
        if (key.format !== FORMAT || canonical(key.recipe) !== canonical(recipe) || !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(entry, ARCHIVE))) {
            this.discard(recipe);
            return { problem: 'it does not match what this run needs' };
        }
        const now = new Date();
        (0,external_node_fs_.utimesSync)(entry, now, now);
        return { state: { archive: (0,external_node_path_.join)(entry, ARCHIVE), sha256: key.sha256 } };
    }
    /**
     * Saves the database's current data directory under `recipe`. Nothing may run on the database meanwhile. Written
     * aside and renamed into place, so a reader never sees half an entry.
     */
    async save(recipe, client) {
        (0,external_node_fs_.mkdirSync)(this.dir, { recursive: true });
        const staging = (0,external_node_path_.join)(this.dir, `.saving-${process.pid}-${Date.now()}`);
        (0,external_node_fs_.mkdirSync)(staging);
        try {
            const dataDir = await client.checkpoint();
            const sha256 = await (0,tar/* packTar */.G)(dataDir, (0,external_node_path_.join)(staging, ARCHIVE));
            const key = { format: FORMAT, recipe, sha256 };
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(staging, KEY), `${JSON.stringify(key)}\n`);
            // Another run (a matrix job on the same runner) may have saved the same state meanwhile: it is as good.
            const entry = this.entryDir(recipe);
            if (!(0,external_node_fs_.existsSync)(entry))
                (0,external_node_fs_.renameSync)(staging, entry);
        }
        finally {
            (0,external_node_fs_.rmSync)(staging, { recursive: true, force: true });
        }
        this.prune();
    }
    discard(recipe) {
        (0,external_node_fs_.rmSync)(this.entryDir(recipe), { recursive: true, force: true });
    }
    entryDir(recipe) {
        return (0,external_node_path_.join)(this.dir, (0,external_node_crypto_.createHash)('sha256').update(canonical(recipe)).digest('hex').slice(0, 32));
    }
    prune() {
        const hourAgo = Date.now() - 3_600_000;
        for (const e of (0,external_node_fs_.readdirSync)(this.dir, { withFileTypes: true })) {
            // What a process killed while saving left behind.
            const path = (0,external_node_path_.join)(this.dir, e.name);
            if (e.name.startsWith('.saving-') && (0,external_node_fs_.statSync)(path).mtimeMs < hourAgo)
                (0,external_node_fs_.rmSync)(path, { recursive: true, force: true });
        }
        const entries = (0,external_node_fs_.readdirSync)(this.dir, { withFileTypes: true })
            .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
            .map((e) => ({ path: (0,external_node_path_.join)(this.dir, e.name), used: (0,external_node_fs_.statSync)((0,external_node_path_.join)(this.dir, e.name)).mtimeMs }))
            .sort((a, b) => b.used - a.used);
        for (const stale of entries.slice(this.keep))
            (0,external_node_fs_.rmSync)(stale.path, { recursive: true, force: true });
    }
}
/** JSON with object keys sorted, so equal recipes always hash alike. */
function canonical(value) {
    return JSON.stringify(value, (_key, v) => v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v);
}

// EXTERNAL MODULE: ./actions/lib/migrations/executor.ts
var executor = __webpack_require__(8109);
// EXTERNAL MODULE: ./actions/lib/phase.ts
var phase = __webpack_require__(1833);
// EXTERNAL MODULE: ./actions/lib/project.ts
var lib_project = __webpack_require__(92647);
// EXTERNAL MODULE: ./actions/lib/db/client.ts
var db_client = __webpack_require__(92314);
// EXTERNAL MODULE: ./actions/lib/migrations/ledger.ts
var migrations_ledger = __webpack_require__(96605);
// EXTERNAL MODULE: ./actions/schema-check/effects.ts
var schema_check_effects = __webpack_require__(64095);
;// CONCATENATED MODULE: ./actions/schema-check/apply.ts




/** The refusal of the deploy's transaction policy, as a finding on the migration that causes it. */
function refusalFinding(refusal) {
    return {
        check: 'apply',
        rule: 'transaction-policy',
        severity: 'error',
        migration: refusal.migration.name,
        file: refusal.migration.file,
        line: 1,
        message: `The deploy would refuse this change: ${refusal.message}.`,
        alternative: `${refusal.fix[0].toUpperCase()}${refusal.fix.slice(1)}.`,
    };
}
/**
 * Base migrations, then the seed, then the new migrations, through the same planner and executor as the deploy and
 * with the same transaction policy; stops at the first failure and says where.
 */
async function applyChange(client, change, target, hooks = {}, options = {}) {
    const outcome = {
        target,
        baseMs: 0,
        baseApplied: 0,
        seeded: false,
        timings: [],
        notes: [],
        effects: [],
    };
    // A database that already has a ledger (a preview branch of a migrated database) gets only what it lacks.
    const ledger = await (0,migrations_ledger/* readLedger */.SC)(client, change.ledger);
    const appliedHashes = new Set(ledger.rows.map((r) => r.hash));
    if (ledger.rows.length > 0 && !options.baseRestored) {
        outcome.notes.push(`the database already records ${ledger.rows.length} applied migration(s); only the others were applied`);
    }
    const ledgerTarget = { location: change.ledger, layout: change.layout, exists: ledger.exists };
    const base = change.base.filter((m) => !appliedHashes.has(m.hash));
    const started = performance.now();
    outcome.failure = await applyBase(client, ledgerTarget, base, change.policy);
    if (outcome.failure)
        return outcome;
    outcome.baseMs = performance.now() - started;
    outcome.baseApplied = base.length;
    await hooks.afterBase?.(client);
    outcome.failure = await applySeed(client, change.seed, ledger.rows.length === 0 || !!options.baseRestored, outcome);
    if (outcome.failure)
        return outcome;
    await hooks.beforeNew?.(client);
    const observer = new schema_check_effects/* EffectsObserver */.bM(`${change.ledger.schema}.${change.ledger.table}`);
    await observer.snapshot(client);
    await applyAdded(client, ledgerTarget, change.added.filter((m) => !appliedHashes.has(m.hash)), change.policy, outcome, observer.hooks(client));
    outcome.effects = observer.effects();
    return outcome;
}
/** Deployed history: if the policy refuses it (it was deployed under another one), one transaction per migration. */
async function applyBase(client, ledger, base, policy) {
    const planned = (0,executor/* plan */.et)(base, policy);
    const batches = planned.batches ?? (0,executor/* plan */.et)(base, 'each').batches ?? [];
    const result = await (0,executor/* execute */.g7)(client, ledger, batches);
    if (result.committed.length)
        ledger.exists = true;
    return result.failure && migrationFailure(result.failure.error, false);
}
async function applySeed(client, seed, fresh, outcome) {
    if (!seed)
        return undefined;
    if (!fresh) {
        outcome.notes.push('seed-sql was not run: the database already had migrations applied');
        return undefined;
    }
    try {
        await client.exec(seed.sql);
        outcome.seeded = true;
        return undefined;
    }
    catch (error) {
        const pg = (0,db_client/* postgresErrorFields */.D)(error);
        const line = lineAt(seed.sql, pg.position);
        return {
            check: 'apply',
            rule: 'seed-failed',
            severity: 'error',
            file: seed.file,
            line,
            message: `seed-sql ${seed.file} failed at line ${line}: ${pg.message}`,
        };
    }
}
/**
 * The change's migrations, planned exactly as the deploy plans them. A refusal is reported by the caller (see
 * refusalFinding); the migrations are then still applied one per transaction so every other problem shows too.
 */
async function applyAdded(client, ledger, added, policy, outcome, hooks = {}) {
    const planned = (0,executor/* plan */.et)(added, policy);
    if (planned.refusal) {
        outcome.notes.push(`transaction: ${policy} refuses ${planned.refusal.migration.name}; the new migrations were applied one per transaction to check them anyway`);
    }
    const batches = planned.batches ?? (0,executor/* plan */.et)(added, 'each').batches ?? [];
    const result = await (0,executor/* execute */.g7)(client, ledger, batches, hooks);
    outcome.timings.push(...result.committed);
    if (result.failure)
        outcome.failure = migrationFailure(result.failure.error, true);
}
/**
 * Without an error position PostgreSQL points at the whole chunk; its first line may be a comment, so the line
 * reported is that of the chunk's first statement keyword.
 */
function statementLine(error) {
    if (error.postgres.position)
        return error.line;
    const lines = error.migration.sql.split('\n');
    let line = error.line;
    while (line <= lines.length && /^\s*(--.*)?$/.test(lines[line - 1] ?? ''))
        line++;
    return line <= lines.length ? line : error.line;
}
function migrationFailure(error, isNew) {
    // Anything but a statement PostgreSQL refused (a lost connection, a bug) is not a finding about the migrations.
    if (!(error instanceof executor/* MigrationFailedError */.Yv))
        throw error;
    const pg = error.postgres;
    const line = statementLine(error);
    const extras = [pg.detail && `Detail: ${pg.detail}`, pg.hint && `Hint: ${pg.hint}`, pg.code && `SQLSTATE ${pg.code}`]
        .filter(Boolean)
        .join('. ');
    return {
        check: 'apply',
        rule: isNew ? 'migration-failed' : 'base-migration-failed',
        severity: 'error',
        migration: error.migration.name,
        file: error.migration.file,
        line,
        message: `${isNew ? 'Migration' : 'Base migration'} ${error.migration.name} failed at ${error.migration.file}:${line}: ${pg.message}` +
            (extras ? ` (${extras})` : ''),
    };
}
function lineAt(text, position) {
    if (!position)
        return 1;
    return text.slice(0, position - 1).split('\n').length;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
;// CONCATENATED MODULE: ./actions/lib/git.ts



/** Runs git and returns its stdout; throws with git's own message when it fails. */
function git(cwd, args, options = {}) {
    try {
        return (0,external_node_child_process_.execFileSync)('git', args, {
            cwd,
            input: options.input,
            stdio: ['pipe', 'pipe', 'pipe'],
            maxBuffer: 512 * 1024 * 1024,
        });
    }
    catch (error) {
        const stderr = error.stderr?.toString().trim();
        throw new Error(`git ${args.join(' ')} failed${stderr ? `: ${stderr}` : ''}`);
    }
}
/** The top of the git work tree holding `cwd`, or undefined outside one. */
function gitTopLevel(cwd) {
    try {
        return git(cwd, ['rev-parse', '--show-toplevel']).toString().trim();
    }
    catch {
        return undefined;
    }
}
/** The full sha of a commit-ish, or undefined when this clone does not have it. */
function resolveCommit(cwd, ref) {
    try {
        return (git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
            .toString()
            .trim() || undefined);
    }
    catch {
        return undefined;
    }
}
/** Fetches one commit from origin (shallow clones on CI lack the base); false when that is not possible. */
function fetchCommit(cwd, sha) {
    try {
        git(cwd, ['fetch', '--no-tags', '--depth=1', 'origin', sha]);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Writes the files under `path` as they are in commit `ref` into `destination`, without touching the work tree or
 * the index (git archive reads the object database only). Returns false when `path` does not exist in `ref`.
 */
function extractTree(topLevel, ref, path, destination) {
    const inRepo = (0,external_node_path_.relative)(topLevel, path) || '.';
    const listed = git(topLevel, ['ls-tree', '--name-only', ref, '--', inRepo]).toString().trim();
    if (!listed)
        return false;
    const archive = git(topLevel, ['archive', '--format=tar', ref, '--', inRepo]);
    (0,external_node_fs_.mkdirSync)(destination, { recursive: true });
    (0,external_node_child_process_.execFileSync)('tar', ['-x', '-C', destination], { input: archive, stdio: ['pipe', 'ignore', 'pipe'] });
    return true;
}

// EXTERNAL MODULE: ./actions/lib/migrations/folder.ts + 3 modules
var folder = __webpack_require__(21867);
;// CONCATENATED MODULE: ./actions/schema-check/base.ts






const ZERO_SHA = /^0+$/;
/** The commit new migrations are judged against: the input, the pull request's base, the push's previous head, HEAD. */
function resolveBaseRef(context) {
    const given = context.inputs.optional('base-ref');
    if (given)
        return { ref: given, source: 'input' };
    const baseSha = context.github.pullRequest?.baseSha;
    if (baseSha)
        return { ref: baseSha, source: 'pull request base' };
    const before = context.github.event.before;
    if (context.github.eventName === 'push' && typeof before === 'string' && !ZERO_SHA.test(before)) {
        return { ref: before, source: 'push before' };
    }
    return { ref: 'HEAD', source: 'HEAD' };
}
/**
 * Reads the migrations folder as it is in the base commit, from git's object database: the user's work tree and
 * index are never touched. A shallow clone that lacks the commit gets one fetch attempt.
 */
function loadBaseMigrations(projectRoot, current, base) {
    const top = gitTopLevel(projectRoot);
    if (!top) {
        throw new errors/* ConfigurationError */.j1(`${projectRoot} is not in a git repository; schema-check compares the migrations with base-ref, so run it in a clone`);
    }
    let sha = resolveCommit(top, base.ref);
    if (!sha && /^[0-9a-f]{7,40}$/i.test(base.ref) && fetchCommit(top, base.ref))
        sha = resolveCommit(top, base.ref);
    if (!sha) {
        throw new errors/* ConfigurationError */.j1(`base commit ${base.ref} (${base.source}) is not in this clone; check out with actions/checkout's fetch-depth: 0, or set base-ref to a commit that is`);
    }
    const scratch = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'schema-check-base-'));
    try {
        const root = (0,external_node_path_.join)(scratch, (0,external_node_path_.relative)(top, projectRoot));
        const dir = (0,external_node_path_.join)(scratch, (0,external_node_path_.relative)(top, current.dir));
        if (!extractTree(top, sha, current.dir, scratch))
            return { sha, set: undefined };
        try {
            return { sha, set: (0,folder/* loadMigrationFolder */.lr)(dir, root) };
        }
        catch (error) {
            const message = `the migrations folder at base commit ${sha.slice(0, 12)} cannot be read: ${(0,errors/* errorMessage */.gJ)(error)}`;
            throw (0,errors/* isConfigurationError */.p0)(error) ? new errors/* ConfigurationError */.j1(message) : new Error(message, { cause: error });
        }
    }
    finally {
        (0,external_node_fs_.rmSync)(scratch, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./actions/schema-check/deferred-log.ts
/**
 * Holds the lines of a phase that runs while another one writes its log group, and writes them later into the
 * phase's own group: concurrent phases never interleave in the job's log.
 */
class DeferredLog {
    lines = [];
    /** A logger that holds lines back and passes everything else (secrets, paths) to `real`. */
    logger(real) {
        const hold = (level) => (message, where) => {
            this.lines.push({ level, message, where });
        };
        return {
            info: hold('info'),
            debug: hold('debug'),
            notice: hold('notice'),
            warning: hold('warning'),
            error: hold('error'),
            // Already inside the phase's own group when replayed.
            group: (_name, fn) => fn(),
            mask: (secret) => real.mask(secret),
            get secrets() {
                return real.secrets;
            },
            setFileRoot: (projectRoot) => real.setFileRoot(projectRoot),
            repositoryPath: (file) => real.repositoryPath(file),
        };
    }
    replay(to) {
        for (const { level, message, where } of this.lines.splice(0)) {
            if (level === 'info' || level === 'debug')
                to[level](message);
            else
                to[level](message, where);
        }
    }
}

// EXTERNAL MODULE: ./actions/lib/migrations/extensions.ts
var migrations_extensions = __webpack_require__(42978);
;// CONCATENATED MODULE: ./actions/schema-check/extensions.ts

/** The migrations whose SQL creates `extension`, for the report. */
function migrationsCreating(extension, migrations) {
    return migrations.filter((m) => (0,migrations_extensions/* extensionsCreatedBy */.u)([m.sql]).includes(extension));
}

;// CONCATENATED MODULE: ./actions/schema-check/embedded.ts









/**
 * Applies the change on a fresh embedded PostgreSQL (PGlite) with the extensions the migrations create. Skipped,
 * with a warning, when PGlite lacks one of them.
 */
async function applyOnEmbedded(change, logger, hasDatabaseUrl, options = {}) {
    const migrations = [...change.base, ...change.added];
    const wanted = (0,migrations_extensions/* extensionsCreatedBy */.u)(migrations.map((m) => m.sql).concat(change.seed ? [change.seed.sql] : []));
    const { extensions, unavailable } = await (0,pglite/* resolveEmbeddedExtensions */.nS)(wanted);
    if (unavailable.length) {
        return {
            phase: (0,phase/* skipped */.hT)(`extension${unavailable.length > 1 ? 's' : ''} ${unavailable.join(', ')} not available in PGlite`),
            findings: [unavailableFinding(unavailable, migrations, hasDatabaseUrl)],
        };
    }
    // Roles that policies and grants name (Supabase's authenticated, anon…) exist on every real server before any
    // migration runs; the fresh embedded one has only postgres. Those the base names are made before it, the others
    // after it, so a saved base state holds exactly what a fresh run makes.
    const baseRoles = (0,catalog_roles/* rolesMentioned */.d)(change.base.map((m) => m.sql));
    const roles = (0,catalog_roles/* rolesMentioned */.d)(migrations.map((m) => m.sql));
    const cache = options.cache && change.base.length > 0
        ? { store: options.cache, recipe: baseRecipe(change, baseRoles) }
        : undefined;
    const bootStarted = performance.now();
    const restored = cache && (await restoreBase(cache.store, cache.recipe, change, extensions, logger));
    const client = restored ?? (await (0,pglite/* openEmbedded */.fc)({ extensions }));
    const bootMs = performance.now() - bootStarted;
    const loaded = Object.keys(extensions);
    logger.info(`PGlite ready in ${Math.round(bootMs)} ms${loaded.length ? ` with ${loaded.join(', ')}` : ''}${restored ? `, the base migrations (${change.base.length}) restored from ${cache.store.dir}` : ''}`);
    const ledgerTable = `${change.ledger.schema}.${change.ledger.table}`;
    try {
        if (options.signal?.aborted)
            throw (0,errors/* cancellation */.WN)(options.signal);
        if (!restored)
            await (0,catalog_roles/* createRoles */.Q)(client, baseRoles);
        let before;
        let savedMs;
        const outcome = await applyChange(client, change, 'embedded', {
            afterBase: async () => {
                if (cache && !restored)
                    savedMs = await saveBase(cache.store, cache.recipe, client, logger);
                await (0,catalog_roles/* createRoles */.Q)(client, roles);
            },
            beforeNew: async (c) => {
                before = await (0,introspect/* introspect */.q)(c, { excludeTables: [ledgerTable] });
            },
        }, { baseRestored: !!restored });
        // Nothing ran since `before` when the change adds no migration: reading the catalog again would find the same.
        const after = outcome.failure
            ? undefined
            : outcome.timings.length === 0 && change.added.length === 0
                ? before
                : await (0,introspect/* introspect */.q)(client, { excludeTables: [ledgerTable] });
        logger.info(`base: ${restored ? `${change.base.length} restored` : `${outcome.baseApplied} in ${Math.round(outcome.baseMs)} ms`}${savedMs !== undefined ? ` (state saved in ${Math.round(savedMs)} ms)` : ''}; new: ${outcome.timings.map((t) => `${t.migration.name} ${Math.round(t.durationMs)} ms`).join(', ') || 'none'}`);
        return {
            phase: (0,phase/* done */.Vw)({ outcome, bootMs, before, after, ...(cache ? { cache: { restored: !!restored, savedMs } } : {}) }),
            findings: outcome.failure ? [outcome.failure] : [],
        };
    }
    finally {
        await client.close();
    }
}
/**
 * Everything the state after the base migrations depends on: their exact text and ledger rows, where the ledger is,
 * how they were applied, what was loaded and created before them, and which PGlite (and build) ran them.
 */
function baseRecipe(change, roles) {
    // Extensions the base creates are in the state; a run may load more (its new migrations' ones) on top of it.
    const extensions = [...new Set([...(0,migrations_extensions/* extensionsCreatedBy */.u)(change.base.map((m) => m.sql))].map((e) => e.toLowerCase()))];
    return {
        purpose: 'schema-check base',
        embedded: (0,pglite/* embeddedIdentity */.l8)(),
        extensions: extensions.sort(),
        roles: [...roles].sort(),
        layout: change.layout,
        ledger: change.ledger,
        policy: change.policy,
        migrations: change.base.map((m) => [m.name, m.hash, m.createdAt]),
    };
}
/** Saves the state after the base migrations; a failure costs the next run time, never this run its verdict. */
async function saveBase(cache, recipe, client, logger) {
    const started = performance.now();
    try {
        await cache.save(recipe, client);
        return performance.now() - started;
    }
    catch (error) {
        logger.warning(`The base state could not be saved in ${cache.dir}: ${(0,errors/* errorMessage */.gJ)(error)}`);
        return undefined;
    }
}
/**
 * The saved state for these base migrations, booted and checked: its ledger must list exactly them. Anything else
 * (missing, corrupt, another state) is a warning and a clean apply, never a verdict on the wrong database.
 */
async function restoreBase(cache, recipe, change, extensions, logger) {
    const found = cache.find(recipe);
    if (!found.state) {
        if (found.problem)
            logger.warning(`The saved base state in ${cache.dir} was not used: ${found.problem}; applying the base migrations.`);
        return undefined;
    }
    let client;
    try {
        client = await (0,pglite/* openEmbedded */.fc)({ extensions, state: found.state });
        const ledger = await (0,migrations_ledger/* readLedger */.SC)(client, change.ledger);
        const expected = change.base.map((m) => `${m.hash}@${m.createdAt}`).join(',');
        if (ledger.rows.map((r) => `${r.hash}@${r.createdAt}`).join(',') !== expected) {
            throw new Error('its ledger does not list exactly the base migrations');
        }
        return client;
    }
    catch (error) {
        await client?.close().catch(() => undefined);
        cache.discard(recipe);
        logger.warning(`The saved base state in ${cache.dir} was not used: ${(0,errors/* errorMessage */.gJ)(error)}; applying the base migrations.`);
        return undefined;
    }
}
/**
 * Never a silent pass, never a failure the user cannot fix: with database-url the apply there decides; without it
 * the migrations are reported as not verified, with the fix, and every other check still runs.
 */
function unavailableFinding(unavailable, migrations, hasDatabaseUrl) {
    const users = unavailable.map((name) => `${name} (${migrationsCreating(name, migrations)
        .map((m) => m.name)
        .join(', ') || 'seed-sql'})`);
    const plural = unavailable.length > 1 ? 's' : '';
    const message = hasDatabaseUrl
        ? `Not verified on embedded PostgreSQL: extension${plural} ${users.join(', ')}, which PGlite does not ship; the migrations are applied on database-url only.`
        : `Not verified on embedded PostgreSQL: extension${plural} ${users.join(', ')}, which PGlite does not ship, so the migrations were not applied anywhere; the other checks ran.`;
    return {
        check: 'apply',
        rule: 'extension-unavailable',
        severity: 'warning',
        message,
        alternative: hasDatabaseUrl
            ? undefined
            : `Give database-url: a PostgreSQL service container whose image has ${unavailable.join(', ')} (workflows-templates/schema-check.yml shows one, e.g. postgis/postgis for postgis).`,
    };
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
;// CONCATENATED MODULE: ./actions/schema-check/generate.ts




function snapshot(dir) {
    const files = new Map();
    const walk = (current) => {
        if (!(0,external_node_fs_.existsSync)(current))
            return;
        for (const entry of (0,external_node_fs_.readdirSync)(current, { withFileTypes: true })) {
            const path = (0,external_node_path_.join)(current, entry.name);
            if (entry.isDirectory())
                walk(path);
            else if (entry.isFile())
                files.set((0,external_node_path_.relative)(dir, path), (0,external_node_fs_.readFileSync)(path));
        }
    };
    walk(dir);
    return files;
}
/** Puts the folder back exactly as `before`: new files and folders removed, changed and deleted files rewritten. */
function restore(dir, before, dirExisted) {
    if (!dirExisted) {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
        return;
    }
    for (const path of snapshot(dir).keys())
        if (!before.has(path))
            (0,external_node_fs_.rmSync)((0,external_node_path_.join)(dir, path));
    for (const [path, contents] of before) {
        const absolute = (0,external_node_path_.join)(dir, path);
        if (!(0,external_node_fs_.existsSync)(absolute) || !(0,external_node_fs_.readFileSync)(absolute).equals(contents)) {
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(absolute), { recursive: true });
            (0,external_node_fs_.writeFileSync)(absolute, contents);
        }
    }
    removeEmptyFolders(dir, dir);
}
function removeEmptyFolders(dir, root) {
    for (const entry of (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true })) {
        if (entry.isDirectory())
            removeEmptyFolders((0,external_node_path_.join)(dir, entry.name), root);
    }
    if (dir !== root && (0,external_node_fs_.readdirSync)(dir).length === 0)
        (0,external_node_fs_.rmSync)(dir, { recursive: true });
}
/** drizzle-kit asks whether a column/table/enum was renamed; without a terminal it prints this and exits 0. */
const RENAME_PROMPT = /Interactive prompts require a TTY|created or renamed|renamed from another|prompt(?:Columns|Named|Schemas)Conflicts?/i;
const REPORTED_ERROR = /^\s*(?:Error\b|error:)|\bERR!|Cannot find module|command not found/im;
/**
 * Runs a shell command with stdin closed, in its own process group so a time limit or a job cancel kills all of it
 * (drizzle-kit under npx under a shell is three processes).
 */
function runCommand(command, cwd, timeoutMs, env, signal) {
    return new Promise((resolve) => {
        const child = (0,external_node_child_process_.spawn)(command, {
            cwd,
            shell: true,
            detached: true,
            stdio: ['ignore', 'pipe', 'pipe'],
            env: { ...env, CI: 'true', FORCE_COLOR: '0', NO_COLOR: '1' },
        });
        let output = '';
        let timedOut = false;
        const append = (data) => {
            if (output.length < 200_000)
                output += data.toString();
        };
        child.stdout.on('data', append);
        child.stderr.on('data', append);
        const killGroup = () => {
            try {
                if (child.pid)
                    process.kill(-child.pid, 'SIGKILL');
            }
            catch {
                // Already gone.
            }
        };
        const timer = setTimeout(() => {
            timedOut = true;
            killGroup();
        }, timeoutMs);
        signal?.addEventListener('abort', killGroup, { once: true });
        child.on('error', (error) => {
            output += `\n${error.message}`;
        });
        child.on('close', (exitCode) => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', killGroup);
            resolve({ exitCode, timedOut, output: (0,external_node_util_.stripVTControlCharacters)(output) });
        });
    });
}
/**
 * Runs the project's generate command and reports what it wrote into the migrations folder, then puts the folder
 * back exactly as it was. The verdict comes from the folder and the output, never from the exit code alone:
 * drizzle-kit exits 0 when it cannot ask its rename question.
 */
async function runGenerate(options) {
    const dirExisted = (0,external_node_fs_.existsSync)(options.migrationsDir) && (0,external_node_fs_.statSync)(options.migrationsDir).isDirectory();
    const before = snapshot(options.migrationsDir);
    const started = performance.now();
    let outcome;
    let after;
    try {
        outcome = await runCommand(options.command, options.projectRoot, options.timeoutMs, options.env, options.signal);
    }
    finally {
        after = snapshot(options.migrationsDir);
        restore(options.migrationsDir, before, dirExisted);
    }
    const changed = [];
    const shown = (path) => (0,external_node_path_.relative)(options.projectRoot, (0,external_node_path_.join)(options.migrationsDir, path));
    for (const [path, contents] of after) {
        const previous = before.get(path);
        if (previous?.equals(contents))
            continue;
        changed.push({
            file: shown(path),
            change: previous ? 'modified' : 'added',
            sql: path.endsWith('.sql') ? contents.toString('utf8') : undefined,
        });
    }
    for (const path of before.keys())
        if (!after.has(path))
            changed.push({ file: shown(path), change: 'deleted' });
    changed.sort((a, b) => a.file.localeCompare(b.file));
    return {
        command: options.command,
        exitCode: outcome.exitCode,
        timedOut: outcome.timedOut,
        output: outcome.output,
        renamePrompt: RENAME_PROMPT.test(outcome.output),
        changed,
        durationMs: performance.now() - started,
    };
}
/** What the generate run means for the pull request. */
function generateFindings(result) {
    if (result.timedOut) {
        return [
            {
                check: 'generate',
                rule: 'generate-timeout',
                severity: 'error',
                message: `\`${result.command}\` did not finish within the time limit (it may be waiting for input); run it locally, commit what it generates, or raise generate-timeout.`,
            },
        ];
    }
    if (result.renamePrompt) {
        return [
            {
                check: 'generate',
                rule: 'generate-needs-answer',
                severity: 'error',
                message: 'drizzle-kit generate needs an answer to a rename question (was a table, column or enum renamed or created?), which only you can give. Run drizzle-kit generate locally, answer it, and commit the migration it writes.',
            },
        ];
    }
    if (result.changed.length > 0) {
        return [
            {
                check: 'generate',
                rule: 'migration-not-generated',
                severity: 'error',
                message: `The schema and the committed migrations disagree: \`${result.command}\` would write ${result.changed.map((c) => `${c.file} (${c.change})`).join(', ')}. The SQL is in the report.`,
                alternative: 'Run drizzle-kit generate locally and commit the files it writes.',
            },
        ];
    }
    if (result.exitCode !== 0 || REPORTED_ERROR.test(result.output)) {
        return [
            {
                check: 'generate',
                rule: 'generate-failed',
                severity: 'error',
                message: `\`${result.command}\` failed${result.exitCode !== 0 ? ` (exit code ${result.exitCode})` : ''}, so whether the migrations match the schema is unknown: ${lastLines(result.output)}`,
                alternative: 'Make the command work locally (dependencies installed, config valid), or set generate-command.',
            },
        ];
    }
    return [];
}
function lastLines(output, count = 5) {
    const lines = output
        .trim()
        .split('\n')
        .filter((l) => l.trim() !== '');
    return lines.slice(-count).join(' / ') || '(no output)';
}

;// CONCATENATED MODULE: ./actions/schema-check/integrity.ts
const JOURNAL_ONLY = 'refuses the journal layout until `drizzle-kit up` converts it to folders';
const FOLDER_QUIRKS = [
    {
        code: 'journal-index-gap',
        shape: 'journal `idx` skips a number (an entry was deleted) or does not start at 0',
        drizzle0: 'never reads `idx`: runs the listed entries in journal order',
        drizzle1: JOURNAL_ONLY,
        introduced: 'error',
        inherited: 'warning',
        inheritedNote: 'drizzle-orm never reads idx (it runs the journal entries in the order they are listed), so this gap changes nothing for deployed databases',
    },
    {
        code: 'journal-when-not-increasing',
        shape: 'an entry’s `when` is not after the entry before it',
        drizzle0: 'runs a pending entry only if its `when` is after the newest `created_at` in the ledger: on a fresh database every entry runs; where the later entry is already applied, this one is skipped for good',
        drizzle1: JOURNAL_ONLY,
        introduced: 'error',
        inherited: 'warning',
        inheritedNote: 'this entry sorts before an applied one; Drizzle applied it because it was pending together with (or before) the entry it sorts behind, and a fresh database runs every entry in journal order, so deployed databases have it; never rewrite deployed history to fix it',
    },
    {
        code: 'duplicate-migration-number',
        shape: 'two migrations share a number (journal tag prefix) or a timestamp (1.x folder)',
        drizzle0: 'runs both: the number in a tag is never read',
        drizzle1: 'runs both, in folder-name order',
        introduced: 'error',
        inherited: 'warning',
        inheritedNote: 'drizzle-orm runs both migrations (it never reads the number), so deployed databases have both; only drizzle-kit generate may have diffed one of them against a stale snapshot',
    },
    {
        code: 'sql-file-not-in-journal',
        shape: 'a `.sql` file in the folder that the journal does not list',
        drizzle0: 'never runs it',
        drizzle1: JOURNAL_ONLY,
        introduced: 'warning',
        inherited: 'warning',
        inheritedNote: 'this .sql file is not in the journal, so Drizzle never runs it',
    },
    {
        code: 'migration-folder-without-sql',
        shape: 'a 1.x `<timestamp>_<name>/` folder without `migration.sql`',
        drizzle0: 'not applicable (journal layout)',
        drizzle1: 'skips the folder',
        introduced: 'warning',
        inherited: 'warning',
        inheritedNote: 'drizzle-orm 1.x skips a folder without migration.sql, so it was never applied',
    },
    {
        code: 'snapshot-prevId-collision',
        shape: 'two snapshots follow the same parent snapshot (two branches generated migrations)',
        drizzle0: 'never reads snapshots',
        drizzle1: 'never reads snapshots',
        introduced: 'error',
        inherited: 'warning',
        inheritedNote: 'drizzle-orm never reads snapshots: the migrations ran as written; only drizzle-kit generate diffs against the newest snapshot',
    },
    {
        code: 'snapshot-id-collision',
        shape: 'two snapshots have the same id (one was copied)',
        drizzle0: 'never reads snapshots',
        drizzle1: 'never reads snapshots',
        introduced: 'error',
        inherited: 'warning',
        inheritedNote: 'drizzle-orm never reads snapshots: the migrations ran as written; only drizzle-kit generate diffs against the newest snapshot',
    },
    {
        code: 'snapshot-unreadable',
        shape: 'a snapshot that is not valid drizzle-kit JSON',
        drizzle0: 'never reads snapshots',
        drizzle1: 'never reads snapshots',
        introduced: 'warning',
        inherited: 'warning',
        inheritedNote: 'drizzle-orm never reads snapshots; drizzle-kit generate needs the newest one to be readable',
    },
];
const QUIRKS = new Map(FOLDER_QUIRKS.map((q) => [q.code, q]));
/** How many entries one finding lists before "and N more". */
const LISTED = 5;
/**
 * Folder-integrity findings that judge the change, not the past: a problem the base commit already has is deployed
 * history, reported once per class as a warning saying how Drizzle treats it; a problem the pull request adds keeps
 * its severity. Either way each class is one finding listing its entries, never one finding per entry.
 */
function integrityFindings(current, base) {
    const inBase = new Set((base ?? []).map(identity));
    const introduced = current.filter((p) => !inBase.has(identity(p)));
    const inherited = current.filter((p) => inBase.has(identity(p)));
    return [...byClass(introduced).map((g) => introducedFinding(g)), ...byClass(inherited).map(inheritedFinding)];
}
/** Same class, same words: journal.ts and v1.ts name the entries in the message, relative to the project root. */
function identity(problem) {
    return `${problem.code}\n${problem.message}`;
}
function byClass(problems) {
    const groups = new Map();
    for (const problem of problems)
        groups.set(problem.code, [...(groups.get(problem.code) ?? []), problem]);
    return [...groups.values()];
}
function introducedFinding(group) {
    const [first] = group;
    const severity = QUIRKS.get(first.code)?.introduced ?? first.severity;
    if (group.length === 1)
        return { ...asFinding(first), severity };
    return {
        ...asFinding(first),
        severity: group.some((p) => p.severity === 'error') ? severity : 'warning',
        message: `${group.length} problems of this kind: ${bounded(group.map((p) => p.message))}`,
    };
}
function inheritedFinding(group) {
    const [first] = group;
    const quirk = QUIRKS.get(first.code);
    const note = quirk?.inheritedNote ?? 'the base commit already has it, so this change did not cause it';
    return {
        ...asFinding(first),
        severity: quirk?.inherited ?? 'warning',
        message: `Already in the base commit (${group.length === 1 ? 'one entry' : `${group.length} entries`}), not caused by this change: ${note}.\n${bounded(group.map(entryOf))}`,
        alternative: 'Nothing to fix in this pull request; do not rewrite migrations that are deployed.',
    };
}
function asFinding(problem) {
    return {
        check: 'integrity',
        rule: problem.code,
        severity: problem.severity,
        message: problem.message,
        file: problem.file,
        line: problem.line,
    };
}
/** The entry a message is about, without the advice to regenerate that does not apply to deployed history. */
function entryOf(problem) {
    return problem.message.split(/: |; /)[0];
}
/** The first few messages, then "and N more", so a folder with hundreds of entries gives a readable finding. */
function bounded(messages) {
    const shown = messages.slice(0, LISTED).map((m) => `• ${m}`);
    const rest = messages.length - shown.length;
    return [...shown, ...(rest > 0 ? [`and ${rest} more`] : [])].join('\n');
}
/** The quirks table as Markdown, for the README (scripts/generate.ts). */
function quirksTableRows() {
    return FOLDER_QUIRKS.map((q) => [`\`${q.code}\``, q.shape, q.drizzle0, q.drizzle1, q.introduced, q.inherited]);
}

;// CONCATENATED MODULE: ./actions/schema-check/order.ts
/** Splits the folder into base and new migrations and checks that the new ones come after every base one. */
function compareWithBase(current, base) {
    const baseMigrations = base?.migrations ?? [];
    const baseByName = new Map(baseMigrations.map((m) => [m.name, m]));
    const currentNames = new Set(current.migrations.map((m) => m.name));
    const added = current.migrations.filter((m) => !baseByName.has(m.name));
    const findings = [];
    for (const migration of current.migrations) {
        const before = baseByName.get(migration.name);
        if (before && before.hash !== migration.hash) {
            findings.push({
                check: 'order',
                rule: 'edited-migration',
                severity: 'error',
                migration: migration.name,
                file: migration.file,
                message: `${migration.name} is already on the base branch and this change edits it. Environments that applied it will never run the edit (Drizzle does not re-run applied migrations), and their ledgers will disagree with the file.`,
                alternative: `Restore ${migration.file} from the base branch and put the change in a new migration (drizzle-kit generate).`,
            });
        }
    }
    for (const removed of baseMigrations.filter((m) => !currentNames.has(m.name))) {
        findings.push({
            check: 'order',
            rule: 'removed-migration',
            severity: 'error',
            migration: removed.name,
            file: removed.file,
            message: `${removed.name} exists on the base branch but this change removes it; environments that applied it keep its effects and a ledger row with no file.`,
            alternative: `Restore ${removed.file} from the base branch; undo its effects with a new migration instead.`,
        });
    }
    const newestBase = baseMigrations.reduce((newest, m) => (!newest || m.createdAt > newest.createdAt ? m : newest), undefined);
    const lastBasePosition = Math.max(-1, ...current.migrations.filter((m) => baseByName.has(m.name)).map((m) => m.index));
    if (newestBase) {
        for (const migration of added) {
            const early = migration.createdAt <= newestBase.createdAt;
            const misplaced = migration.index < lastBasePosition;
            if (!early && !misplaced)
                continue;
            findings.push({
                check: 'order',
                rule: 'migration-out-of-order',
                severity: 'error',
                migration: migration.name,
                file: migration.file,
                message: `${migration.name} (created ${iso(migration.createdAt)}) sorts before ${newestBase.name} (created ${iso(newestBase.createdAt)}), the newest migration on the base branch. ` +
                    `Drizzle's migrator applies only migrations newer than the newest one already applied, so every environment that already has ${newestBase.name} would skip ${migration.name} silently.`,
                alternative: `Delete ${migration.name} (its SQL file, snapshot and journal entry), update your branch with the base branch, and run drizzle-kit generate again so the migration is created after ${newestBase.name}.`,
            });
        }
    }
    return { base: baseMigrations, added, findings };
}
function iso(ms) {
    return new Date(ms).toISOString();
}

;// CONCATENATED MODULE: ./actions/schema-check/run.ts


















const FAIL_ON = ['error', 'warning', 'never'];
const COMMENT = ['always', 'on-failure', 'never'];
async function run(context) {
    const started = performance.now();
    (0,pglite/* preparePGlite */.PH)();
    const options = readOptions(context);
    const project = await (0,lib_project/* readProject */.W)(context);
    const seed = readSeed(context.inputs.optional('seed-sql'), project.projectRoot);
    const { base, change, inherited } = await compareWithBaseCommit(context, project);
    const toApply = {
        layout: project.set.layout,
        ledger: project.ledger,
        policy: options.transaction,
        base: change.base,
        added: change.added,
        seed,
    };
    const { generate, embedded } = await generateAndApply(context, project, options, toApply);
    const database = options.databaseUrl
        ? (0,phase/* done */.Vw)(await databasePhase(context, options.databaseUrl, toApply))
        : (0,phase/* skipped */.hT)('no database-url');
    const before = (0,phase/* dataOf */.qu)(embedded.phase)?.before;
    const lint = options.lint
        ? (0,phase/* done */.Vw)(await lintPhase(context, change, options, before))
        : (0,phase/* skipped */.hT)('lint: false');
    const effects = observedEffects(embedded.phase, database);
    const report = {
        passed: false,
        set: project.set,
        base,
        added: change.added,
        findings: collectFindings(project, change, options, {
            inherited,
            generate,
            embedded: embedded.findings,
            database,
            lint,
            effects,
        }),
        failOn: options.failOn,
        generate,
        embedded: embedded.phase,
        database,
        lint,
        changes: whatChanges(before, (0,phase/* dataOf */.qu)(embedded.phase)?.after),
        effects,
        durationMs: 0,
    };
    return conclude(context, report, options, started);
}
function readOptions(context) {
    const { inputs } = context;
    return {
        generate: inputs.boolean('generate'),
        generateTimeoutMs: inputs.duration('generate-timeout'),
        lint: inputs.boolean('lint'),
        failOn: inputs.enum('fail-on', FAIL_ON),
        lintIgnore: inputs.list('lint-ignore'),
        lintEnable: inputs.list('lint-enable'),
        databaseUrl: inputs.optional('database-url'),
        transaction: (0,lib_project/* readTransactionPolicy */.$)(inputs),
        comment: inputs.enum('comment', COMMENT),
        cacheDir: inputs.boolean('embedded-cache')
            ? (0,external_node_path_.resolve)(inputs.optional('embedded-cache-dir') ?? defaultStateCacheDir(context.env))
            : undefined,
    };
}
async function compareWithBaseCommit(context, project) {
    const { logger } = context;
    const baseRef = resolveBaseRef(context);
    const base = await logger.group(`Compare with the base (${baseRef.ref})`, async () => {
        const loaded = loadBaseMigrations(project.projectRoot, project.set, baseRef);
        logger.info(`base ${loaded.sha}: ${loaded.set?.migrations.length ?? 0} migrations`);
        return loaded;
    });
    const change = compareWithBase(project.set, base.set);
    logger.info(`new migrations: ${change.added.map((m) => m.name).join(', ') || 'none'}`);
    return { base: { ...baseRef, sha: base.sha }, change, inherited: base.set?.problems };
}
/**
 * generate-command (a child process) and the embedded apply (this process) need nothing from each other, so they run
 * at once, on two cores; each phase's log group is written when both are done, in the report's order. Both are always
 * waited for: the work tree is restored and PGlite closed whichever fails or is cancelled first.
 */
async function generateAndApply(context, project, options, toApply) {
    const command = options.generate ? generateCommand(context) : undefined;
    const generating = command
        ? runGenerate({
            command,
            projectRoot: project.projectRoot,
            migrationsDir: project.set.dir,
            timeoutMs: options.generateTimeoutMs,
            env: context.env,
            signal: context.signal,
        })
        : undefined;
    const embeddedLog = new DeferredLog();
    const applying = applyOnEmbedded(toApply, embeddedLog.logger(context.logger), options.databaseUrl !== undefined, {
        cache: options.cacheDir ? new StateCache(options.cacheDir) : undefined,
        signal: context.signal,
    });
    const [generated, applied] = await Promise.allSettled([generating, applying]);
    let generate = (0,phase/* skipped */.hT)('generate: false');
    if (command) {
        generate = (0,phase/* done */.Vw)(await context.logger.group('Generate (must write nothing)', async () => {
            const result = settled(generated);
            // The work tree is restored by now; a cancelled check stops here rather than report a half-run generate.
            if (context.signal.aborted)
                throw (0,errors/* cancellation */.WN)(context.signal);
            context.logger.info(result.output.trim());
            context.logger.info(`${command}: exit code ${result.exitCode}, ${result.changed.length} file(s) written, work tree restored`);
            return result;
        }));
    }
    const embedded = await context.logger.group('Apply on embedded PostgreSQL (PGlite)', async () => {
        embeddedLog.replay(context.logger);
        return settled(applied);
    });
    return { generate, embedded };
}
function settled(result) {
    if (result.status === 'rejected')
        throw result.reason;
    return result.value;
}
function generateCommand(context) {
    const configInput = context.inputs.string('drizzle-config') || 'drizzle.config.ts';
    return context.inputs.optional('generate-command') ?? `npx drizzle-kit generate --config ${shellQuote(configInput)}`;
}
async function databasePhase(context, url, change) {
    return context.logger.group('Apply on database-url', async () => {
        const client = await (0,postgres/* connectPostgres */.Mq)(url, { logger: context.logger });
        try {
            const outcome = await applyChange(client, change, 'database-url');
            return outcome.failure
                ? { ...outcome, failure: { ...outcome.failure, message: `database-url: ${outcome.failure.message}` } }
                : outcome;
        }
        finally {
            await client.close();
        }
    });
}
async function lintPhase(context, change, options, before) {
    return context.logger.group('Lint new migrations', async () => {
        // The rules and their parser, like the report below, load when their phase starts, not with the action.
        const { lintMigrations } = await __webpack_require__.e(/* import() */ 556).then(__webpack_require__.bind(__webpack_require__, 61556));
        const columns = columnTypes(before);
        const result = await lintMigrations(change.added, {
            ignore: options.lintIgnore,
            enable: options.lintEnable,
            before,
            policy: options.transaction,
            columnType: (table, column) => columns.get(`${table}.${column}`),
        });
        context.logger.info(`${result.statements} statement(s), ${result.findings.length} finding(s), ${result.suppressed.length} ignored by comment`);
        return result;
    });
}
function whatChanges(before, after) {
    if (!before || !after)
        return (0,phase/* skipped */.hT)('needs a successful apply on the embedded database');
    return (0,phase/* done */.Vw)({ before, after, differences: (0,diff/* diffCatalogs */.U)(before, after) });
}
/** Every finding of every phase, in the order the report lists the checks. */
function collectFindings(project, change, options, phases) {
    const integrity = integrityFindings(project.set.problems, phases.inherited);
    const refusal = (0,executor/* plan */.et)(change.added, options.transaction).refusal;
    const databaseFailure = (0,phase/* dataOf */.qu)(phases.database)?.failure;
    const generated = (0,phase/* dataOf */.qu)(phases.generate);
    return [
        ...integrity,
        ...change.findings,
        ...(generated ? generateFindings(generated) : []),
        ...(refusal ? [refusalFinding(refusal)] : []),
        ...phases.embedded,
        ...(databaseFailure ? [databaseFailure] : []),
        ...lintJudged((0,phase/* dataOf */.qu)(phases.lint), phases.effects, options.lintIgnore),
    ];
}
/** Lint confirmed or refuted by what PostgreSQL did; observed-rewrite obeys lint-ignore like every lint rule. */
function lintJudged(lint, effects, ignore) {
    if (!lint)
        return [];
    return (0,schema_check_effects/* judgeWithEffects */.gi)(lint.findings, effects, lint.suppressed).filter((f) => !ignore.includes(f.rule));
}
/** Real PostgreSQL's effects when database-url is given (a copy of production times them), else PGlite's. */
function observedEffects(embedded, database) {
    return (0,phase/* dataOf */.qu)(database)?.effects ?? (0,phase/* dataOf */.qu)(embedded)?.outcome.effects ?? [];
}
/** Decides the verdict, annotates, publishes the report and sets the outputs. */
async function conclude(context, report, options, started) {
    const lintFails = (f) => f.check === 'lint' && (options.failOn === 'warning' || (options.failOn === 'error' && f.severity === 'error'));
    const failing = report.findings.filter((f) => (f.check === 'lint' ? lintFails(f) : f.severity === 'error'));
    report.passed = failing.length === 0;
    report.durationMs = performance.now() - started;
    for (const finding of report.findings)
        annotate(context, finding);
    const { commentMode, reportContext, renderReport, suggestionComments } = await __webpack_require__.e(/* import() */ 851).then(__webpack_require__.bind(__webpack_require__, 48851));
    const links = reportContext(context, lintFails);
    const comment = commentMode(options.comment, report.passed);
    const published = await context.report.publish(renderReport(report, links), { comment });
    if (comment === true)
        await context.report.suggest?.(suggestionComments(report, links));
    context.setOutput('result', report.passed ? 'passed' : 'failed');
    context.setOutput('new-migrations', report.added.map((m) => m.name));
    context.setOutput('findings', report.findings.map((f) => ({ ...f, file: f.file && context.logger.repositoryPath(f.file) })));
    context.setOutput('effects', report.effects.map((e) => ({ ...e, file: context.logger.repositoryPath(e.file) })));
    context.setOutput('report', published.path);
    context.setOutput('duration-ms', Math.round(report.durationMs));
    if (report.passed)
        return {};
    const first = failing[0];
    return {
        failure: `${failing.length} problem(s); first: ${first.message.split('\n')[0]}${failing.length > 1 ? ' (see the report)' : ''}`,
    };
}
function readSeed(path, projectRoot) {
    if (!path)
        return undefined;
    const absolute = (0,external_node_path_.resolve)(projectRoot, path);
    if (!(0,external_node_fs_.existsSync)(absolute)) {
        throw new errors/* ConfigurationError */.j1(`seed-sql ${path} does not exist (relative to working-directory); fix the path or remove the input`);
    }
    return { file: (0,external_node_path_.relative)(projectRoot, absolute), sql: (0,external_node_fs_.readFileSync)(absolute, 'utf8') };
}
/** `schema.table.column` → type before the change, for lint's safe-widening check. */
function columnTypes(catalog) {
    const types = new Map();
    for (const table of catalog?.tables ?? []) {
        for (const column of table.columns)
            types.set(`${table.schema}.${table.name}.${column.name}`, column.type);
    }
    return types;
}
function annotate(context, finding) {
    const where = { file: finding.file, line: finding.line, title: `schema-check: ${finding.rule}` };
    const text = finding.alternative ? `${finding.message} Fix: ${finding.alternative}` : finding.message;
    if (finding.severity === 'error')
        context.logger.error(text, where);
    else
        context.logger.warning(text, where);
}
function shellQuote(value) {
    return /^[\w./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}


/***/ })

};
