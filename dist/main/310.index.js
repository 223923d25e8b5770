export const id = 310;
export const ids = [310];
export const modules = {

/***/ 65743:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ parseRetryAfter)
/* harmony export */ });
/**
 * An HTTP Retry-After header (delay in seconds, or an HTTP date) in milliseconds; undefined when absent or
 * unreadable, so each caller decides its own default instead of mistaking a missing header for "retry now".
 */
function parseRetryAfter(value, now = Date.now()) {
    if (typeof value !== 'string' || value.trim() === '')
        return undefined;
    if (/^\d+(\.\d+)?$/.test(value.trim()))
        return Number(value) * 1000;
    // Only an HTTP date ("Sun, 06 Nov 1994 08:49:37 GMT"): Date.parse alone would read "-5" as a year.
    if (!/^[A-Za-z]{3},/.test(value.trim()))
        return undefined;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}


/***/ }),

/***/ 40432:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ withRetry)
/* harmony export */ });
/* unused harmony export nextWait */
/**
 * One retry loop for every HTTP API the actions call: Neon, Vercel and the telemetry sinks. Each keeps its own rules
 * as a RetryPolicy (which failures retry, how many attempts, the backoff, how far a server's Retry-After is
 * honoured, the time budget); the loop is the same. p-retry was weighed and left out: it always waits its own
 * backoff, so it can neither wait what Retry-After asks nor give up when that is too long, and those rules are most
 * of what the policies below say.
 */
const defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Runs `attempt` until it succeeds or `policy` says to stop; throws the error the policy chose. */
async function withRetry(policy, attempt) {
    const deadline = Date.now() + (policy.budgetMs ?? Infinity);
    for (let number = 1;; number++) {
        try {
            return await attempt({ number, remainingMs: deadline - Date.now() });
        }
        catch (error) {
            const verdict = policy.decide(error);
            if (!verdict.retry)
                throw verdict.error;
            const next = nextWait(policy, number, verdict.retryAfterMs, deadline - Date.now());
            if (next.stop)
                throw policy.giveUp(error, { reason: next.stop, attempts: number, waitMs: next.waitMs });
            policy.onRetry?.(error, next.waitMs, number);
            await (policy.sleep ?? defaultSleep)(next.waitMs);
        }
    }
}
/** The wait before the retry after attempt `failed`, or why there is none. */
function nextWait(policy, failed, retryAfterMs, remainingMs) {
    const backoff = Math.min(policy.firstDelayMs * 2 ** (failed - 1), policy.maxDelayMs ?? Infinity);
    let waitMs = retryAfterMs ?? backoff;
    if (failed >= policy.attempts)
        return { waitMs, stop: 'attempts' };
    if (policy.maxWaitMs !== undefined && waitMs > policy.maxWaitMs) {
        if (policy.longerWait === 'give-up')
            return { waitMs, stop: 'wait-too-long' };
        waitMs = policy.maxWaitMs;
    }
    if (waitMs >= remainingMs)
        return { waitMs, stop: 'budget' };
    return { waitMs };
}


/***/ }),

/***/ 67310:
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
// EXTERNAL MODULE: ./actions/lib/errors.ts
var errors = __webpack_require__(32863);
;// CONCATENATED MODULE: ./actions/neon-snapshot/branches.ts

/** The branch a user named (by name or id), or the project's default branch when they named none. */
function resolveBranch(branches, nameOrId) {
    if (nameOrId === undefined) {
        const main = branches.find((b) => b.default);
        if (!main)
            throw new errors/* ConfigurationError */.j1('the Neon project has no default branch; set the branch input');
        return main;
    }
    const found = branches.find((b) => b.id === nameOrId) ?? branches.find((b) => b.name === nameOrId);
    if (!found) {
        throw new errors/* ConfigurationError */.j1(`branch "${nameOrId}" does not exist in the Neon project; set branch to one of: ${listNames(branches)}`);
    }
    return found;
}
function listNames(items, limit = 10) {
    if (items.length === 0)
        return '(none)';
    const names = items.slice(0, limit).map((i) => `"${i.name}"`);
    return items.length > limit ? `${names.join(', ')} and ${items.length - limit} more` : names.join(', ');
}
/** Newest first, by creation time then name, so ties resolve the same way on every run. */
function newestFirst(items) {
    return [...items].sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.name.localeCompare(a.name));
}

;// CONCATENATED MODULE: ./actions/neon-snapshot/cleanup.ts

/** Why a snapshot branch beyond `keep` must still not be deleted, or undefined when it may go. */
function protection(branch, branches) {
    if (branch.default)
        return 'default branch';
    if (branch.protected)
        return 'protected branch';
    const child = branches.find((b) => b.parent_id === branch.id);
    if (child)
        return `has child branch "${child.name}"`;
    return undefined;
}
async function cleanupSnapshots(neon, settings, logger, now) {
    const cutoff = settings.olderThanMs === undefined ? Infinity : now.getTime() - settings.olderThanMs;
    const outcome = { deleted: [], kept: [] };
    const isOld = (createdAt) => Date.parse(createdAt) < cutoff;
    if (settings.method === 'snapshot') {
        const candidates = newestFirst((await neon.snapshots()).filter((s) => s.name.startsWith(settings.prefix)));
        for (const [index, snapshot] of candidates.entries()) {
            if (index < settings.keep)
                outcome.kept.push({ name: snapshot.name, reason: `among the newest ${settings.keep}` });
            else if (!isOld(snapshot.created_at))
                outcome.kept.push({ name: snapshot.name, reason: 'not older than older-than' });
            else {
                await neon.deleteSnapshot(snapshot);
                logger.info(`Deleted snapshot "${snapshot.name}" (${snapshot.id})`);
                outcome.deleted.push({ id: snapshot.id, name: snapshot.name, created_at: snapshot.created_at });
            }
        }
        return outcome;
    }
    const branches = await neon.branches();
    const candidates = newestFirst(branches.filter((b) => b.name.startsWith(settings.prefix)));
    for (const [index, branch] of candidates.entries()) {
        const guard = protection(branch, branches);
        if (index < settings.keep)
            outcome.kept.push({ name: branch.name, reason: `among the newest ${settings.keep}` });
        else if (!isOld(branch.created_at))
            outcome.kept.push({ name: branch.name, reason: 'not older than older-than' });
        else if (guard) {
            outcome.kept.push({ name: branch.name, reason: guard });
            logger.notice(`Not deleting "${branch.name}": ${guard}`);
        }
        else {
            // One at a time: Neon locks the project (423) while a deletion runs.
            await neon.deleteBranch(branch);
            logger.info(`Deleted branch "${branch.name}" (${branch.id})`);
            outcome.deleted.push({ id: branch.id, name: branch.name, created_at: branch.created_at });
        }
    }
    return outcome;
}

// EXTERNAL MODULE: ./actions/lib/secrets.ts
var secrets = __webpack_require__(19039);
;// CONCATENATED MODULE: ./actions/neon-snapshot/create.ts



async function createSnapshot(neon, settings, logger) {
    const branches = await neon.branches();
    const parent = resolveBranch(branches, settings.branch);
    if (settings.method === 'snapshot') {
        // Neon only snapshots root branches; saying so here beats a 4xx from the API after the deploy started.
        if (parent.parent_id) {
            const grandparent = branches.find((b) => b.id === parent.parent_id)?.name ?? parent.parent_id;
            throw new errors/* ConfigurationError */.j1(`method "snapshot" works only on root branches, and "${parent.name}" is a child of "${grandparent}": use method: branch, or set branch to a root branch`);
        }
        const existing = (await neon.snapshots()).find((s) => s.name === settings.name);
        if (existing)
            logger.info(`Snapshot "${existing.name}" (${existing.id}) already exists: reusing it`);
        const snapshot = existing ?? (await neon.createSnapshot(parent, settings.name, settings.expiresAt));
        if (!existing)
            logger.info(`Created snapshot "${snapshot.name}" (${snapshot.id}) of "${parent.name}"`);
        return {
            kind: 'snapshot',
            id: snapshot.id,
            name: snapshot.name,
            created: !existing,
            parentName: parent.name,
            parentLsn: snapshot.lsn,
            parentTimestamp: snapshot.timestamp ?? snapshot.created_at,
            expiresAt: snapshot.expires_at,
        };
    }
    const { branch, created } = await getOrCreateBranch(neon, branches, parent, settings, logger);
    const databaseUrl = await neon.connectionUri(branch, settings.databaseName, settings.roleName);
    logger.info(`Connection: ${(0,secrets/* redactUrl */.BO)(databaseUrl)}`);
    return {
        kind: 'branch',
        id: branch.id,
        name: branch.name,
        created,
        parentName: parent.name,
        parentLsn: branch.parent_lsn,
        parentTimestamp: branch.parent_timestamp,
        expiresAt: branch.expires_at,
        databaseUrl,
    };
}
/** The branch named `settings.name`, reused when it exists (whatever its parent), else made a child of `parent`. */
async function getOrCreateBranch(neon, branches, parent, settings, logger) {
    const existing = branches.find((b) => b.name === settings.name);
    if (!existing) {
        const branch = await neon.createBranch(parent, settings.name, settings.expiresAt);
        logger.info(`Created branch "${branch.name}" (${branch.id}) from "${parent.name}"`);
        return { branch, created: true };
    }
    logger.info(`Branch "${existing.name}" (${existing.id}) already exists: reusing it`);
    if (existing.parent_id !== parent.id) {
        logger.warning(`"${existing.name}" is not a child of "${parent.name}"; it was reused as it is`);
    }
    return { branch: existing, created: false };
}

;// CONCATENATED MODULE: ./actions/neon-snapshot/preview.ts




/** A preview gets its own branch: handing out the default or a protected branch would migrate that one instead. */
function refuseSharedBranch(branch, mode) {
    if (branch?.default) {
        throw new errors/* ConfigurationError */.j1(`name "${branch.name}" is the project's default branch, which mode "${mode}" never touches: set name to the pull request's own branch (default preview/pr-<number>)`);
    }
    if (branch?.protected) {
        throw new errors/* ConfigurationError */.j1(`name "${branch.name}" is a protected branch, which mode "${mode}" never touches: set name to the pull request's own branch`);
    }
}
/** Gets or creates the pull request's branch, with a read-write compute, and its direct and pooled URLs. */
async function getOrCreatePreview(neon, settings, logger) {
    const branches = await neon.branches();
    const parent = resolveBranch(branches, settings.branch);
    refuseSharedBranch(branches.find((b) => b.name === settings.name), settings.mode);
    const { branch, created } = await getOrCreateBranch(neon, branches, parent, settings, logger);
    // A new branch got its compute with it; one made elsewhere may have none, and then no URL would connect.
    if (!created)
        await neon.ensureReadWriteEndpoint(branch);
    const databaseUrl = await neon.connectionUri(branch, settings.databaseName, settings.roleName);
    const pooledUrl = await neon.connectionUri(branch, settings.databaseName, settings.roleName, true);
    logger.info(`Connection: ${(0,secrets/* redactUrl */.BO)(databaseUrl)}`);
    logger.info(`Pooled connection: ${(0,secrets/* redactUrl */.BO)(pooledUrl)}`);
    return {
        id: branch.id,
        name: branch.name,
        created,
        createdAt: branch.created_at,
        parentName: branches.find((b) => b.id === branch.parent_id)?.name ?? parent.name,
        expiresAt: branch.expires_at,
        databaseUrl,
        pooledUrl,
        consoleUrl: `https://console.neon.tech/app/projects/${encodeURIComponent(neon.id)}/branches/${encodeURIComponent(branch.id)}`,
    };
}

;// CONCATENATED MODULE: ./actions/neon-snapshot/delete.ts


/** Checked before any call to Neon: a mistyped name must not delete someone else's branch. */
function refuseOutsidePrefix(settings) {
    if (!settings.name.startsWith(settings.prefix)) {
        throw new errors/* ConfigurationError */.j1(`name "${settings.name}" is outside prefix "${settings.prefix}", and mode "delete" removes only branches under it: set name to a preview branch, or prefix to the folder it is in`);
    }
}
/** Deletes the pull request's branch; nothing to do when it is already gone. */
async function deletePreview(neon, settings, logger) {
    const branches = await neon.branches();
    const branch = branches.find((b) => b.name === settings.name);
    if (!branch) {
        logger.notice(`Branch "${settings.name}" does not exist (already deleted): nothing to do`);
        return [];
    }
    refuseSharedBranch(branch, settings.mode);
    const child = branches.find((b) => b.parent_id === branch.id);
    if (child) {
        throw new errors/* ConfigurationError */.j1(`branch "${branch.name}" has child branch "${child.name}", which deleting it would orphan: delete "${child.name}" first`);
    }
    if (!(await neon.deleteBranch(branch))) {
        logger.notice(`Branch "${branch.name}" was deleted meanwhile: nothing to do`);
        return [];
    }
    logger.info(`Deleted branch "${branch.name}" (${branch.id})`);
    return [{ id: branch.id, name: branch.name, created_at: branch.created_at }];
}

// EXTERNAL MODULE: ./actions/lib/duration.ts
var duration = __webpack_require__(41428);
// EXTERNAL MODULE: ./actions/lib/retry-after.ts
var retry_after = __webpack_require__(65743);
// EXTERNAL MODULE: ./actions/lib/retry.ts
var retry = __webpack_require__(40432);
;// CONCATENATED MODULE: ./actions/neon-snapshot/neon.ts





/** Statuses after which an operation will not change any more. */
const SUCCEEDED = new Set(['finished', 'skipped']);
const FAILED = new Set(['failed', 'error', 'cancelled', 'cancelling']);
const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10_000;
const FIRST_POLL_MS = 250;
const MAX_POLL_MS = 3_000;
const REQUEST_TIMEOUT_MS = 30_000;
/** What axios (under the Neon client) throws, read without depending on axios's types. */
function httpFailure(error) {
    if (typeof error !== 'object' || error === null || !('isAxiosError' in error))
        return undefined;
    const e = error;
    const data = e.response?.data;
    return {
        status: e.response?.status,
        headers: (e.response?.headers ?? {}),
        message: typeof data?.message === 'string' ? data.message : undefined,
        code: e.code,
    };
}
/** Waits `ms`, or less when `signal` aborts (a cancelled job stops polling at once). */
const sleep = (ms, signal) => new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
});
/**
 * The Neon API as this action needs it: every call retried while Neon is locked (423), rate limiting (429) or
 * failing (5xx), within wait-timeout; a wrong key or project turned into one line the user can act on; and the
 * operations each change starts awaited, so the next step sees a finished branch.
 */
class NeonProject {
    api;
    settings;
    logger;
    signal;
    constructor(api, settings, logger, 
    /** The job's cancellation: operation polling stops, and a branch already created is named. */
    signal) {
        this.api = api;
        this.settings = settings;
        this.logger = logger;
        this.signal = signal;
    }
    /** Loads Neon's client (axios and all) only once the inputs are known to be good. */
    static async open(settings, logger, signal) {
        const { createApiClient } = await Promise.all(/* import() */[__webpack_require__.e(758), __webpack_require__.e(643)]).then(__webpack_require__.t.bind(__webpack_require__, 43643, 23));
        const api = createApiClient({ apiKey: settings.apiKey, baseURL: settings.apiHost, timeout: REQUEST_TIMEOUT_MS });
        return new NeonProject(api, settings, logger, signal);
    }
    get id() {
        return this.settings.projectId;
    }
    /** Checks the key and the project up front, so a typo fails before anything changes. */
    async check() {
        try {
            const { project } = await this.call('read the project', () => this.api.getProject(this.id));
            return { name: project.name };
        }
        catch (error) {
            if (httpFailure(error)?.status === 404 || error.status === 404) {
                throw new errors/* ConfigurationError */.j1(`Neon project "${this.id}" was not found (HTTP 404): check project-id (Settings → General in the Neon console) and that the api-key's account can see it`);
            }
            throw error;
        }
    }
    async branches() {
        const all = [];
        let cursor;
        for (;;) {
            const page = await this.call('list branches', () => this.api.listProjectBranches({ projectId: this.id, limit: 100, cursor }));
            all.push(...page.branches);
            const next = page.pagination?.next;
            if (!next || page.branches.length === 0 || next === cursor)
                return all;
            cursor = next;
        }
    }
    async branch(branchId) {
        return (await this.call('read the branch', () => this.api.getProjectBranch(this.id, branchId))).branch;
    }
    async createBranch(parent, name, expiresAt) {
        const response = await this.call(`create branch "${name}"`, () => this.api.createProjectBranch(this.id, {
            branch: { parent_id: parent.id, name, ...(expiresAt ? { expires_at: expiresAt } : {}) },
            // A compute, as `neonctl branches create` makes, so the snapshot can be inspected through database-url.
            endpoints: [{ type: 'read_write' }],
        }), 
        // A 5xx may come after Neon created the branch: look before creating a second one of the same name.
        async () => {
            const existing = (await this.branches()).find((b) => b.name === name);
            return existing ? { branch: existing, operations: [], endpoints: [], roles: [], databases: [] } : undefined;
        });
        for (const uri of response.connection_uris ?? [])
            this.maskUri(uri.connection_uri);
        try {
            await this.waitFor(response.operations, `create branch "${name}"`);
        }
        catch (error) {
            if (!(error instanceof errors/* CancelledError */.cc))
                throw error;
            throw new Error(`${error.message}: branch "${name}" (${response.branch.id}) was already created and its operations may still be running; a re-run reuses it by name, or delete it in the Neon console`, { cause: error });
        }
        return this.branch(response.branch.id);
    }
    /** Deletes the branch; false when it was already gone (HTTP 404: deleted meanwhile, or by a retried call). */
    async deleteBranch(branch) {
        let response;
        try {
            response = await this.call(`delete branch "${branch.name}"`, () => this.api.deleteProjectBranch({ projectId: this.id, branchId: branch.id }));
        }
        catch (error) {
            if (error.status === 404)
                return false;
            throw error;
        }
        await this.waitFor(response.operations, `delete branch "${branch.name}"`);
        return true;
    }
    /** Gives the branch a read-write compute when it has none (a branch made elsewhere without one), and waits. */
    async ensureReadWriteEndpoint(branch) {
        if (await this.readWriteEndpoint(branch))
            return;
        this.logger.info(`Branch "${branch.name}" has no read-write compute: adding one`);
        const response = await this.call(`add a compute to "${branch.name}"`, () => this.api.createProjectEndpoint(this.id, { endpoint: { branch_id: branch.id, type: 'read_write' } }), async () => {
            const made = await this.readWriteEndpoint(branch);
            return made ? { endpoint: made, operations: [] } : undefined;
        });
        await this.waitFor(response.operations, `add a compute to "${branch.name}"`);
    }
    async readWriteEndpoint(branch) {
        const { endpoints } = await this.call('list the branch computes', () => this.api.listProjectBranchEndpoints(this.id, branch.id));
        return endpoints.find((e) => e.type === 'read_write');
    }
    /** Neon's branch restore: `target` gets `source`'s head; its previous state stays as `preserveAs` when given. */
    async restoreBranch(target, source, preserveAs) {
        const response = await this.call(`restore "${target.name}" from "${source.name}"`, () => this.api.restoreProjectBranch(this.id, target.id, {
            source_branch_id: source.id,
            ...(preserveAs ? { preserve_under_name: preserveAs } : {}),
        }), 
        // Without a preserved branch there is nothing to see a half-answered restore by: retrying it is harmless.
        preserveAs
            ? async () => (await this.branches()).some((b) => b.name === preserveAs) ? { branch: target, operations: [] } : undefined
            : undefined);
        await this.waitFor(response.operations, `restore "${target.name}"`);
    }
    async snapshots() {
        return (await this.call('list snapshots', () => this.api.listSnapshots(this.id))).snapshots;
    }
    async createSnapshot(branch, name, expiresAt) {
        const response = await this.call(`create snapshot "${name}"`, () => this.api.createSnapshot({
            projectId: this.id,
            branchId: branch.id,
            name,
            ...(expiresAt ? { expires_at: expiresAt } : {}),
        }), async () => {
            const existing = (await this.snapshots()).find((s) => s.name === name);
            return existing ? { snapshot: existing, operations: [] } : undefined;
        });
        await this.waitFor(response.operations, `create snapshot "${name}"`);
        return response.snapshot;
    }
    async deleteSnapshot(snapshot) {
        const response = await this.call(`delete snapshot "${snapshot.name}"`, () => this.api.deleteSnapshot(this.id, snapshot.id));
        await this.waitFor(response.operations, `delete snapshot "${snapshot.name}"`);
    }
    /**
     * Restores a snapshot into a new branch, then finalizes: the new branch takes `target`'s name and computes and
     * `target` is renamed to `preserveAs`. Returns the new branch's id.
     */
    async restoreSnapshot(target, snapshot, preserveAs) {
        const restored = await this.call(`restore snapshot "${snapshot.name}"`, () => this.api.restoreSnapshot({ projectId: this.id, snapshotId: snapshot.id }, { name: `${target.name}_restoring`, target_branch_id: target.id, finalize_restore: false }));
        await this.waitFor(restored.operations, `restore snapshot "${snapshot.name}"`);
        const finalized = await this.call(`finalize the restore of "${target.name}"`, () => this.api.finalizeRestoreBranch(this.id, restored.branch.id, { name: preserveAs }));
        await this.waitFor(finalized.operations, `finalize the restore of "${target.name}"`);
        return restored.branch.id;
    }
    /**
     * A connection URL for the branch (through Neon's connection pooler when `pooled`); its password and the URL
     * itself are masked before returning.
     */
    async connectionUri(branch, databaseName, roleName, pooled = false) {
        let database = databaseName;
        let role = roleName;
        if (!database || !role) {
            const { databases } = await this.call('list databases', () => this.api.listProjectBranchDatabases(this.id, branch.id));
            const chosen = databases.find((d) => d.name === database) ?? (database ? undefined : databases[0]);
            if (!chosen) {
                throw new errors/* ConfigurationError */.j1(`branch "${branch.name}" has no database named "${database ?? ''}"; set database-name to one of: ${databases.map((d) => d.name).join(', ') || '(none)'}`);
            }
            database = chosen.name;
            role ??= chosen.owner_name;
        }
        const { uri } = await this.call('read the connection URI', () => this.api.getConnectionUri({
            projectId: this.id,
            branch_id: branch.id,
            database_name: database,
            role_name: role,
            ...(pooled ? { pooled: true } : {}),
        }));
        this.maskUri(uri);
        return uri;
    }
    maskUri(uri) {
        for (const secret of (0,secrets/* secretsInUrl */.Ct)(uri))
            this.logger.mask(secret);
        this.logger.mask(uri);
    }
    /** Polls until every operation has finished; fails on the first failed one, or when wait-timeout runs out. */
    async waitFor(operations, what) {
        const started = Date.now();
        const pending = new Map();
        for (const op of operations)
            if (!this.settle(op, what))
                pending.set(op.id, op);
        let interval = FIRST_POLL_MS;
        while (pending.size > 0) {
            if (this.signal?.aborted)
                throw (0,errors/* cancellation */.WN)(this.signal);
            const left = started + this.settings.waitTimeoutMs - Date.now();
            if (left <= 0) {
                const list = [...pending.values()].map((op) => `${op.action} ${op.id} (${op.status})`).join(', ');
                throw new Error(`${what}: Neon operations still running after wait-timeout ${(0,duration/* formatDuration */.a3)(this.settings.waitTimeoutMs)}: ${list}; they may still finish — check the Neon console, or raise wait-timeout`);
            }
            await sleep(Math.min(interval, left), this.signal);
            if (this.signal?.aborted)
                throw (0,errors/* cancellation */.WN)(this.signal);
            interval = Math.min(interval * 2, MAX_POLL_MS);
            for (const id of [...pending.keys()]) {
                const { operation } = await this.call('read an operation', () => this.api.getProjectOperation(this.id, id));
                if (this.settle(operation, what))
                    pending.delete(id);
                else
                    pending.set(id, operation);
            }
        }
    }
    /** True when the operation is done; throws when it failed. */
    settle(op, what) {
        if (SUCCEEDED.has(op.status))
            return true;
        if (FAILED.has(op.status)) {
            throw new Error(`${what}: Neon operation ${op.action} (${op.id}) ${op.status}${op.error ? `: ${op.error}` : ''}; nothing else was attempted`);
        }
        this.logger.debug(`${what}: operation ${op.action} ${op.id} is ${op.status}`);
        return false;
    }
    /**
     * One API call with Neon's documented retry rules: 423 and 503 are always safe to retry, 429 after Retry-After,
     * other 5xx with backoff, all within wait-timeout. `recover`, run before each retry, detects a change a failed
     * response did make anyway.
     */
    call(what, request, recover) {
        return (0,retry/* withRetry */.b)({
            attempts: MAX_ATTEMPTS,
            firstDelayMs: FIRST_RETRY_MS,
            maxDelayMs: MAX_RETRY_MS,
            budgetMs: this.settings.waitTimeoutMs,
            decide: (error) => this.verdict(what, error),
            giveUp: (error, stop) => neonHttpError(what, httpFailure(error), ` (gave up after ${stop.attempts} attempt(s))`),
            onRetry: (error, waitMs) => {
                const failure = httpFailure(error);
                this.logger.info(`${what}: Neon answered HTTP ${failure.status}${failure.message ? ` (${failure.message})` : ''}; retrying in ${(0,duration/* formatDuration */.a3)(waitMs)}`);
            },
        }, async (attempt) => {
            if (attempt.number > 1 && recover) {
                const recovered = await recover();
                if (recovered !== undefined)
                    return recovered;
            }
            return (await request()).data;
        });
    }
    /** Which failures are worth another attempt; the others become one line the user can act on. */
    verdict(what, error) {
        const failure = httpFailure(error);
        if (!failure)
            return { retry: false, error };
        const status = failure.status;
        if (status === undefined && (failure.code === 'ECONNABORTED' || failure.code === 'ETIMEDOUT')) {
            return {
                retry: false,
                error: new Error(`${what}: the Neon API did not answer within ${(0,duration/* formatDuration */.a3)(REQUEST_TIMEOUT_MS)}`),
            };
        }
        if (status === undefined) {
            return {
                retry: false,
                error: new errors/* ConfigurationError */.j1(`cannot reach the Neon API at ${this.settings.apiHost} (${failure.code ?? 'no response'}): check api-host and the network`),
            };
        }
        if (status === 401 || status === 403) {
            return {
                retry: false,
                error: new errors/* ConfigurationError */.j1(`Neon rejected the API key (HTTP ${status}${failure.message ? `: ${failure.message}` : ''}): set api-key to a valid Neon API key with access to project ${this.id}`),
            };
        }
        if (status === 423 || status === 429 || status >= 500) {
            return {
                retry: true,
                retryAfterMs: status === 429 ? (0,retry_after/* parseRetryAfter */.m)(failure.headers['retry-after']) : undefined,
            };
        }
        return { retry: false, error: neonHttpError(what, failure, '') };
    }
}
function neonHttpError(what, failure, gaveUp) {
    const reason = failure.message ? `: ${failure.message}` : '';
    return Object.assign(new Error(`${what}: Neon answered HTTP ${failure.status}${reason}${gaveUp}`), {
        status: failure.status,
    });
}

// EXTERNAL MODULE: ./actions/lib/markdown.ts
var markdown = __webpack_require__(94269);
;// CONCATENATED MODULE: ./actions/neon-snapshot/report.ts


function renderCreateReport(project, outcome) {
    const verdict = outcome.created ? '✅ created' : '♻️ reused (already existed)';
    const rows = [
        ['kind', outcome.kind],
        ['name', outcome.name],
        ['id', outcome.id],
        ['parent', outcome.parentName],
        ['parent LSN', outcome.parentLsn ?? ''],
        ['parent timestamp', outcome.parentTimestamp ?? ''],
        ['expires', outcome.expiresAt ?? 'never'],
    ];
    if (outcome.databaseUrl)
        rows.push(['connection', (0,secrets/* redactUrl */.BO)(outcome.databaseUrl)]);
    return [
        '## Neon snapshot',
        '',
        `${verdict}: \`${outcome.name}\` in project \`${project}\`.`,
        '',
        (0,markdown/* markdownTable */.Qj)(['', ''], rows),
        '',
    ].join('\n');
}
function renderRestoreReport(project, outcome) {
    return [
        '## Neon restore',
        '',
        `✅ \`${outcome.target}\` in project \`${project}\` now holds the data of \`${outcome.source.name}\` (${outcome.source.id}).`,
        '',
        (0,markdown/* markdownTable */.Qj)(['', ''], [
            ['restored branch id', outcome.restoredBranchId],
            ['previous state kept as', `${outcome.preservedAs} (${outcome.preservedBranchId})`],
        ]),
        '',
        `To undo the restore, restore \`${outcome.target}\` from \`${outcome.preservedAs}\`.`,
        '',
    ].join('\n');
}
function renderCleanupReport(project, prefix, outcome) {
    const lines = [
        '## Neon snapshot cleanup',
        '',
        `🧹 Deleted ${outcome.deleted.length}, kept ${outcome.kept.length} snapshot(s) under \`${prefix}\` in project \`${project}\`.`,
        '',
    ];
    if (outcome.deleted.length) {
        lines.push('### Deleted', '', (0,markdown/* markdownTable */.Qj)(['name', 'id', 'created'], outcome.deleted.map((d) => [d.name, d.id, d.created_at])), '');
    }
    if (outcome.kept.length) {
        lines.push('### Kept', '', (0,markdown/* markdownTable */.Qj)(['name', 'why'], outcome.kept.map((k) => [k.name, k.reason])), '');
    }
    return lines.join('\n');
}
function renderPreviewReport(project, outcome, extras) {
    const rows = [
        ['branch', `[\`${outcome.name}\`](${outcome.consoleUrl}) (${outcome.id})`],
        ['copy of', `\`${outcome.parentName}\`, taken ${outcome.createdAt}`],
        ['expires', outcome.expiresAt ?? 'never'],
        ['connection', (0,secrets/* redactUrl */.BO)(outcome.databaseUrl)],
        ['pooled connection', (0,secrets/* redactUrl */.BO)(outcome.pooledUrl)],
    ];
    if (extras.deploymentUrl)
        rows.splice(1, 0, ['deployment', extras.deploymentUrl]);
    const lines = [
        '## Preview database',
        '',
        // Said of the branch, not of this run: the comment is written again at the end of the job, by a run that reuses it.
        `🌿 This pull request has its own Neon branch in project \`${project}\`, holding a copy of \`${outcome.parentName}\`'s data.`,
        '',
        (0,markdown/* markdownTable */.Qj)(['', ''], rows),
        '',
    ];
    for (const report of extras.included)
        lines.push(demoteHeadings(report.trim()), '');
    return lines.join('\n');
}
/** Included reports sit under this one's heading. */
function demoteHeadings(markdown) {
    return markdown.replace(/^(#{1,5}) /gm, '#$1 ');
}
function renderDeleteReport(project, name, deleted) {
    const verdict = deleted.length
        ? `🧹 Deleted branch \`${name}\` (${deleted[0].id})`
        : `✔️ Branch \`${name}\` was already gone: nothing deleted`;
    return ['## Neon preview branch', '', `${verdict} in project \`${project}\`.`, ''].join('\n');
}
function renderResetReport(project, outcome) {
    const kept = outcome.preservedAs
        ? `The state before the reset is kept as \`${outcome.preservedAs}\` (${outcome.preservedBranchId}).`
        : 'The state before the reset was not kept (set preserve-as to keep it).';
    return [
        '## Neon branch reset',
        '',
        `🔄 \`${outcome.name}\` (${outcome.id}) in project \`${project}\` now holds the current data of \`${outcome.parentName}\`; its connection string is unchanged.`,
        '',
        kept,
        '',
    ].join('\n');
}

;// CONCATENATED MODULE: ./actions/neon-snapshot/reset.ts



/** Neon's "reset from parent": the branch keeps its id and connection string, and gets its parent's current data. */
async function resetBranch(neon, settings, logger) {
    const branches = await neon.branches();
    const target = branches.find((b) => b.name === settings.name) ?? branches.find((b) => b.id === settings.name);
    if (!target) {
        const under = branches.filter((b) => b.name.startsWith(settings.prefix));
        throw new errors/* ConfigurationError */.j1(`branch "${settings.name}" does not exist, so there is nothing to reset: create it with mode: preview, or set name to one of: ${listNames(under)}`);
    }
    refuseSharedBranch(target, settings.mode);
    const parent = branches.find((b) => b.id === target.parent_id);
    if (!parent) {
        throw new errors/* ConfigurationError */.j1(`branch "${target.name}" is a root branch: it has no parent to reset from`);
    }
    const preserveAs = settings.preserveAs;
    const child = branches.find((b) => b.parent_id === target.id);
    if (child && !preserveAs) {
        throw new errors/* ConfigurationError */.j1(`branch "${target.name}" has child branch "${child.name}": set preserve-as so its current state (and the child) stay on a branch of that name`);
    }
    if (preserveAs && branches.some((b) => b.name === preserveAs)) {
        throw new errors/* ConfigurationError */.j1(`preserve-as "${preserveAs}" is already the name of a branch; choose another name`);
    }
    logger.info(`Resetting "${target.name}" (${target.id}) to the current state of "${parent.name}"`);
    await neon.restoreBranch(target, parent, preserveAs);
    const outcome = { id: target.id, name: target.name, parentName: parent.name };
    if (!preserveAs)
        return outcome;
    const preserved = (await neon.branches()).find((b) => b.name === preserveAs);
    if (!preserved)
        throw new Error(`Neon finished the reset but no branch "${preserveAs}" holds the previous state`);
    logger.info(`The previous state of "${target.name}" is kept as "${preserveAs}" (${preserved.id})`);
    return { ...outcome, preservedAs: preserveAs, preservedBranchId: preserved.id };
}

;// CONCATENATED MODULE: ./actions/neon-snapshot/settings.ts

const MODES = ['create', 'restore', 'cleanup', 'preview', 'delete', 'reset'];
/** Modes that act on one pull request's branch, named `<prefix>pr-<number>` by default. */
const PREVIEW_MODES = ['preview', 'delete', 'reset'];
const SNAPSHOT_PREFIX = 'snapshot/';
const PREVIEW_PREFIX = 'preview/';
/** Neon wants RFC 3339 timestamps; whole seconds keep names and expiries readable. */
function utcSeconds(date) {
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
/** A timestamp that sorts, and is safe in a branch name: 20261121T053702Z. */
function compactTimestamp(date) {
    return utcSeconds(date).replace(/[-:]/g, '');
}
function readSettings(inputs, github, now) {
    const apiKey = inputs.required('api-key');
    const apiHost = inputs.string('api-host').replace(/\/+$/, '');
    try {
        new URL(apiHost);
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`input "api-host" must be a URL like https://console.neon.tech/api/v2, not "${apiHost}"`);
    }
    const mode = inputs.enum('mode', MODES);
    const perPullRequest = PREVIEW_MODES.includes(mode);
    const prefix = inputs.optional('prefix') ?? (perPullRequest ? PREVIEW_PREFIX : SNAPSHOT_PREFIX);
    const name = inputs.optional('name') ?? (perPullRequest ? pullRequestName(prefix, github, mode) : snapshotName());
    const expiresIn = inputs.optionalDuration('expires-in');
    function snapshotName() {
        const environment = inputs.optional('environment');
        const shortSha = github.sha ? `-${github.sha.slice(0, 7)}` : '';
        return `${prefix}${environment ? `${environment}/` : ''}${compactTimestamp(now)}${shortSha}`;
    }
    return {
        apiKey,
        apiHost,
        projectId: inputs.required('project-id'),
        mode,
        method: inputs.enum('method', ['branch', 'snapshot']),
        branch: inputs.optional('branch'),
        name,
        expiresAt: expiresIn === undefined ? undefined : utcSeconds(new Date(now.getTime() + expiresIn)),
        restoreFrom: inputs.string('restore-from') || 'latest',
        preserveAs: inputs.optional('preserve-as'),
        prefix,
        keep: inputs.integer('keep', { min: 0 }),
        olderThanMs: inputs.optionalDuration('older-than'),
        waitTimeoutMs: inputs.duration('wait-timeout'),
        databaseName: inputs.optional('database-name'),
        roleName: inputs.optional('role-name'),
        deploymentUrl: inputs.optional('deployment-url'),
        reports: inputs.list('reports'),
    };
}
/** `preview/pr-42`: one branch per pull request, found again by every run of that pull request. */
function pullRequestName(prefix, github, mode) {
    const number = github.pullRequest?.number;
    if (number === undefined) {
        throw new errors/* ConfigurationError */.j1(`mode "${mode}" names the branch after the pull request, but this run is not for one (event "${github.eventName || 'none'}"): set name, or run on pull_request`);
    }
    return `${prefix}pr-${number}`;
}

;// CONCATENATED MODULE: ./actions/neon-snapshot/restore.ts



/** `latest`, an id or a name, among the snapshots under the prefix (any snapshot when named explicitly). */
function pickSource(candidates, restoreFrom, prefix, what) {
    if (restoreFrom === 'latest') {
        const newest = newestFirst(candidates.filter((c) => c.name.startsWith(prefix)))[0];
        if (!newest) {
            throw new errors/* ConfigurationError */.j1(`restore-from is "latest" but no ${what} is named under prefix "${prefix}"; create one first (mode: create) or set restore-from`);
        }
        return newest;
    }
    const found = candidates.find((c) => c.id === restoreFrom) ?? candidates.find((c) => c.name === restoreFrom);
    if (!found) {
        const under = candidates.filter((c) => c.name.startsWith(prefix));
        throw new errors/* ConfigurationError */.j1(`restore-from "${restoreFrom}" matches no ${what} by name or id; snapshots under "${prefix}": ${listNames(newestFirst(under))}`);
    }
    return found;
}
async function restoreSnapshot(neon, settings, logger, now) {
    const branches = await neon.branches();
    const target = resolveBranch(branches, settings.branch);
    const preserveAs = settings.preserveAs ?? `${target.name}_old_${compactTimestamp(now)}`;
    if (branches.some((b) => b.name === preserveAs)) {
        throw new errors/* ConfigurationError */.j1(`preserve-as "${preserveAs}" is already the name of a branch; choose another name so the current state is not lost`);
    }
    if (settings.method === 'snapshot') {
        const source = pickSource(await neon.snapshots(), settings.restoreFrom, settings.prefix, 'snapshot');
        logger.info(`Restoring "${target.name}" from snapshot "${source.name}" (${source.id})`);
        const restoredBranchId = await neon.restoreSnapshot(target, source, preserveAs);
        return { target: target.name, source, restoredBranchId, preservedBranchId: target.id, preservedAs: preserveAs };
    }
    const others = branches.filter((b) => b.id !== target.id);
    const source = pickSource(others, settings.restoreFrom, settings.prefix, 'branch');
    logger.info(`Restoring "${target.name}" from branch "${source.name}" (${source.id})`);
    await neon.restoreBranch(target, source, preserveAs);
    const preserved = (await neon.branches()).find((b) => b.name === preserveAs);
    if (!preserved)
        throw new Error(`Neon finished the restore but no branch "${preserveAs}" holds the previous state`);
    logger.info(`The previous state of "${target.name}" is kept as "${preserveAs}" (${preserved.id})`);
    return {
        target: target.name,
        source: { id: source.id, name: source.name },
        restoredBranchId: target.id,
        preservedBranchId: preserved.id,
        preservedAs: preserveAs,
    };
}

;// CONCATENATED MODULE: ./actions/neon-snapshot/run.ts











async function run(context) {
    const { logger } = context;
    const settings = readSettings(context.inputs, context.github, new Date());
    if (settings.mode === 'delete')
        refuseOutsidePrefix(settings);
    const neon = await NeonProject.open(settings, logger, context.signal);
    const project = await logger.group('Check the Neon project', async () => {
        const { name } = await neon.check();
        logger.info(`Project "${name}" (${settings.projectId})`);
        return name;
    });
    await run_MODES[settings.mode](context, neon, settings, project);
    return {};
}
async function publish(context, report, comment = false) {
    const published = await context.report.publish(report, { comment });
    context.setOutput('report', published.path);
}
const run_MODES = {
    async create(context, neon, settings, project) {
        const outcome = await context.logger.group(`Create ${settings.method} "${settings.name}"`, () => createSnapshot(neon, settings, context.logger));
        context.setOutput('branch-id', outcome.id);
        context.setOutput('branch-name', outcome.name);
        context.setOutput('created', outcome.created);
        context.setOutput('parent-lsn', outcome.parentLsn ?? '');
        context.setOutput('parent-timestamp', outcome.parentTimestamp ?? '');
        if (outcome.databaseUrl)
            context.setOutput('database-url', outcome.databaseUrl);
        await publish(context, renderCreateReport(project, outcome));
    },
    async restore(context, neon, settings, project) {
        const outcome = await context.logger.group(`Restore from ${settings.restoreFrom}`, () => restoreSnapshot(neon, settings, context.logger, new Date()));
        context.setOutput('branch-name', outcome.target);
        context.setOutput('restored-branch-id', outcome.restoredBranchId);
        context.setOutput('preserved-branch-id', outcome.preservedBranchId);
        await publish(context, renderRestoreReport(project, outcome));
    },
    async cleanup(context, neon, settings, project) {
        const outcome = await context.logger.group(`Clean up snapshots under "${settings.prefix}"`, () => cleanupSnapshots(neon, settings, context.logger, new Date()));
        context.setOutput('deleted', outcome.deleted);
        await publish(context, renderCleanupReport(project, settings.prefix, outcome));
    },
    async preview(context, neon, settings, project) {
        const outcome = await context.logger.group(`Preview branch "${settings.name}"`, () => getOrCreatePreview(neon, settings, context.logger));
        context.setOutput('branch-id', outcome.id);
        context.setOutput('branch-name', outcome.name);
        context.setOutput('created', outcome.created);
        context.setOutput('database-url', outcome.databaseUrl);
        context.setOutput('database-url-pooled', outcome.pooledUrl);
        const included = readReports(context, settings.reports);
        await publish(context, renderPreviewReport(project, outcome, { deploymentUrl: settings.deploymentUrl, included }), true);
    },
    async delete(context, neon, settings, project) {
        const deleted = await context.logger.group(`Delete branch "${settings.name}"`, () => deletePreview(neon, settings, context.logger));
        context.setOutput('branch-name', settings.name);
        context.setOutput('deleted', deleted);
        await publish(context, renderDeleteReport(project, settings.name, deleted));
    },
    async reset(context, neon, settings, project) {
        const outcome = await context.logger.group(`Reset branch "${settings.name}"`, () => resetBranch(neon, settings, context.logger));
        context.setOutput('branch-id', outcome.id);
        context.setOutput('branch-name', outcome.name);
        context.setOutput('preserved-branch-id', outcome.preservedBranchId ?? '');
        await publish(context, renderResetReport(project, outcome));
    },
};
/** Reports of earlier steps; one that is missing (its step was skipped) is left out with a note, not an error. */
function readReports(context, paths) {
    const found = [];
    for (const path of paths) {
        const file = (0,external_node_path_.resolve)(context.baseDir, path);
        if ((0,external_node_fs_.existsSync)(file))
            found.push((0,external_node_fs_.readFileSync)(file, 'utf8'));
        else
            context.logger.info(`Report ${path} does not exist (its step did not run): not included`);
    }
    return found;
}


/***/ })

};
