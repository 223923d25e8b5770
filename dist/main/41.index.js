export const id = 41;
export const ids = [41];
export const modules = {

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


/***/ }),

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

/***/ 95041:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  overallStatus: () => (/* binding */ overallStatus),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./actions/lib/project.ts
var lib_project = __webpack_require__(92647);
// EXTERNAL MODULE: ./actions/lib/duration.ts
var duration = __webpack_require__(41428);
// EXTERNAL MODULE: ./actions/lib/retry-after.ts
var retry_after = __webpack_require__(65743);
// EXTERNAL MODULE: ./actions/lib/retry.ts
var retry = __webpack_require__(40432);
// EXTERNAL MODULE: ./actions/lib/secrets.ts
var secrets = __webpack_require__(19039);
;// CONCATENATED MODULE: ./actions/lib/telemetry/http.ts




const DEFAULTS = { timeoutMs: 3000, retries: 2, deadlineMs: 6000 };
/** Retry-After can ask for minutes; a deploy will not wait that long for a log line. */
const MAX_BACKOFF_MS = 1000;
/** A failed attempt carried through the retry loop, which retries by exceptions. */
class FailedPost extends Error {
    result;
    constructor(result) {
        super(result.reason);
        this.result = result;
    }
}
async function postJson(url, body, options = {}) {
    const { timeoutMs, retries, deadlineMs } = { ...DEFAULTS, ...options };
    const payload = JSON.stringify(body);
    const policy = {
        attempts: retries + 1,
        firstDelayMs: 200,
        maxWaitMs: MAX_BACKOFF_MS,
        longerWait: 'shorten',
        budgetMs: deadlineMs,
        decide: (error) => {
            const failed = error.result;
            // Network errors, 429 and 5xx may pass; a 4xx will be the same next time. A missing Retry-After means "back
            // off as usual", not "retry at once".
            const retryable = failed.status === undefined || failed.status === 429 || failed.status >= 500;
            return retryable ? { retry: true, retryAfterMs: failed.retryAfterMs } : { retry: false, error };
        },
        giveUp: (error) => error,
    };
    try {
        return await (0,retry/* withRetry */.b)(policy, async ({ remainingMs }) => {
            const result = await attemptPost(url, payload, options.headers ?? {}, Math.max(1, Math.min(timeoutMs, remainingMs)));
            if (!result.ok)
                throw new FailedPost(result);
            return result;
        });
    }
    catch (error) {
        if (error instanceof FailedPost)
            return error.result;
        throw error;
    }
}
async function attemptPost(url, payload, headers, timeoutMs) {
    try {
        const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            body: payload,
            signal: AbortSignal.timeout(timeoutMs),
        });
        const text = await response.text().catch(() => '');
        if (response.ok)
            return { ok: true, status: response.status, body: text };
        return {
            ok: false,
            status: response.status,
            reason: (0,secrets/* responseReason */.Ag)(response.status, text),
            retryAfterMs: (0,retry_after/* parseRetryAfter */.m)(response.headers.get('retry-after')),
        };
    }
    catch (error) {
        return { ok: false, reason: describeNetworkError(error, timeoutMs) };
    }
}
function describeNetworkError(error, timeoutMs) {
    const e = error;
    if (e.name === 'TimeoutError' || e.name === 'AbortError')
        return `no answer within ${(0,duration/* formatDuration */.a3)(timeoutMs)}`;
    return e.cause?.code ?? e.cause?.message ?? e.message ?? String(error);
}

;// CONCATENATED MODULE: ./actions/lib/telemetry/events.ts

/** Unix nanoseconds as the decimal string Loki and OTLP JSON expect (too large for a JSON number). */
function unixNanos(ms) {
    return (BigInt(Math.floor(ms)) * 1000000n + BigInt(Math.round((ms % 1) * 1_000_000))).toString();
}
/** Applies `redact` to every string inside a JSON-like value. */
function redactDeep(value, redact) {
    if (typeof value === 'string')
        return redact(value);
    if (Array.isArray(value))
        return value.map((item) => redactDeep(item, redact));
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, redact)]));
    }
    return value;
}

// EXTERNAL MODULE: ./actions/lib/time.ts
var time = __webpack_require__(70309);
;// CONCATENATED MODULE: ./actions/lib/telemetry/loki.ts


/**
 * Pushes one log line per event (start, each migration, end) to Loki's JSON push API. Stream labels stay few and
 * low-cardinality (environment, service, repository, level); run id, commit, migration and duration vary per line,
 * so they go in structured metadata, where Loki indexes nothing and cardinality costs nothing.
 */
class LokiSink {
    config;
    run;
    redact;
    name = 'Loki';
    /**
     * One push at a time, so lines arrive in order and a dead Loki costs one timeout, not one per line; the lines
     * logged while a push is in flight go together in the next one, so a run of 186 migrations is a handful of
     * requests rather than 188.
     */
    queue = [];
    flushing;
    broken;
    constructor(config, run, redact) {
        this.config = config;
        this.run = run;
        this.redact = redact;
    }
    start() {
        this.push('info', this.run.startedAt, `migration run started in ${this.run.environment}`, { event: 'start' });
    }
    migration(event) {
        const level = event.outcome === 'applied' ? 'info' : 'error';
        const where = event.target ? ` on ${event.target}` : '';
        const detail = event.error ? `: ${event.error}` : '';
        this.push(level, event.startedAt + event.durationMs, `migration ${event.name} ${event.outcome}${where} in ${Math.round(event.durationMs)} ms${detail}`, {
            event: 'migration',
            migration: event.name,
            duration_ms: String(Math.round(event.durationMs)),
            outcome: event.outcome,
            ...(event.target ? { target: event.target } : {}),
        });
    }
    end(outcome) {
        const level = outcome.status === 'failed' || outcome.status === 'timed-out'
            ? 'error'
            : outcome.status === 'cancelled'
                ? 'warning'
                : 'info';
        const detail = outcome.failure ? `: ${outcome.failure}` : '';
        this.push(level, outcome.endedAt, `migration run ${outcome.status}: ${outcome.appliedCount} applied, ${outcome.pendingCount} pending${detail}`, {
            event: 'end',
            status: outcome.status,
            duration_ms: String(Math.round(outcome.durationMs)),
            applied_count: String(outcome.appliedCount),
        });
    }
    async settle() {
        await this.flushing;
        return this.broken ? [this.broken] : [];
    }
    push(level, atMs, line, metadata) {
        const value = [
            unixNanos(atMs || (0,time/* preciseNow */.M)()),
            line,
            { run_id: this.run.runId, commit: this.run.commit, ...metadata },
        ];
        this.queue.push({ level, value });
        this.flushing ??= this.flush().finally(() => (this.flushing = undefined));
    }
    async flush() {
        while (this.queue.length > 0) {
            const batch = this.queue;
            this.queue = [];
            const levels = [...new Set(batch.map((entry) => entry.level))];
            const streams = levels.map((level) => ({
                stream: this.streamLabels(level),
                values: batch.filter((entry) => entry.level === level).map((entry) => entry.value),
            }));
            await this.send(redactDeep({ streams }, this.redact));
        }
    }
    streamLabels(level) {
        return {
            service: this.run.service,
            ...this.config.labels,
            environment: this.run.environment,
            repository: this.run.repository || 'unknown',
            level,
        };
    }
    async send(body) {
        // After one push has failed for good the rest would fail the same way; each would only add its own delay.
        if (this.broken)
            return;
        const headers = {};
        if (this.config.user || this.config.token) {
            headers.authorization = `Basic ${Buffer.from(`${this.config.user ?? ''}:${this.config.token ?? ''}`).toString('base64')}`;
        }
        if (this.config.tenant)
            headers['x-scope-orgid'] = this.config.tenant;
        const result = await postJson(lokiPushUrl(this.config.url), body, { headers });
        if (!result.ok)
            this.broken = `push to ${lokiPushUrl(this.config.url)} failed: ${result.reason}`;
    }
}
function lokiPushUrl(base) {
    const trimmed = base.replace(/\/+$/, '');
    return trimmed.endsWith('/loki/api/v1/push') ? trimmed : `${trimmed}/loki/api/v1/push`;
}

;// CONCATENATED MODULE: ./actions/lib/telemetry/otlp.ts



// OTLP enum values (opentelemetry-proto trace.proto).
const SPAN_KIND_INTERNAL = 1;
const STATUS_CODE_OK = 1;
const STATUS_CODE_ERROR = 2;
/**
 * OpenTelemetry traces over OTLP/HTTP with the JSON encoding: one span for the run and a child span per migration,
 * sent together when the run ends (a trace is only useful once its spans have ended).
 */
class OtlpSink {
    config;
    run;
    redact;
    name = 'OTLP';
    traceId;
    runSpanId = spanId();
    children = [];
    sending = Promise.resolve(undefined);
    constructor(config, run, redact) {
        this.config = config;
        this.run = run;
        this.redact = redact;
        this.traceId = run.runId.replace(/-/g, '').toLowerCase();
    }
    start() { }
    migration(event) {
        const attributes = [
            str('db.system', 'postgresql'),
            str('db.migration.name', event.name),
            str('db.migration.hash', event.hash),
            str('db.migration.outcome', event.outcome),
            otlp_int('db.migration.duration_ms', event.durationMs),
        ];
        if (event.target)
            attributes.push(str('db.target', event.target));
        this.children.push({
            traceId: this.traceId,
            spanId: spanId(),
            parentSpanId: this.runSpanId,
            name: `migration ${event.name}`,
            kind: SPAN_KIND_INTERNAL,
            startTimeUnixNano: unixNanos(event.startedAt),
            endTimeUnixNano: unixNanos(event.startedAt + event.durationMs),
            attributes,
            status: event.outcome === 'applied'
                ? { code: STATUS_CODE_OK }
                : { code: STATUS_CODE_ERROR, message: event.error ?? event.outcome },
        });
    }
    end(outcome) {
        const failed = outcome.status === 'failed' || outcome.status === 'timed-out' || outcome.status === 'cancelled';
        const runSpan = {
            traceId: this.traceId,
            spanId: this.runSpanId,
            name: 'migrate',
            kind: SPAN_KIND_INTERNAL,
            startTimeUnixNano: unixNanos(this.run.startedAt),
            endTimeUnixNano: unixNanos(outcome.endedAt),
            attributes: [
                str('schema_actions.run_id', this.run.runId),
                str('schema_actions.status', outcome.status),
                otlp_int('schema_actions.applied_count', outcome.appliedCount),
                otlp_int('schema_actions.pending_count', outcome.pendingCount),
                str('vcs.ref.head.revision', this.run.commit),
            ],
            status: failed
                ? { code: STATUS_CODE_ERROR, message: outcome.failure ?? outcome.status }
                : { code: STATUS_CODE_OK },
        };
        const body = {
            resourceSpans: [
                {
                    resource: {
                        attributes: [
                            str('service.name', this.run.service),
                            str('deployment.environment.name', this.run.environment),
                            str('vcs.repository.name', this.run.repository),
                        ],
                    },
                    scopeSpans: [
                        { scope: { name: 'schema-actions/migrate-with-telemetry' }, spans: [runSpan, ...this.children] },
                    ],
                },
            ],
        };
        this.sending = this.send(redactDeep(body, this.redact));
    }
    async settle() {
        const problem = await this.sending;
        return problem ? [problem] : [];
    }
    async send(body) {
        const url = otlpTracesUrl(this.config.endpoint);
        const result = await postJson(url, body, { headers: this.config.headers });
        return result.ok ? undefined : `export to ${url} failed: ${result.reason}`;
    }
}
function otlpTracesUrl(endpoint) {
    const trimmed = endpoint.replace(/\/+$/, '');
    return trimmed.endsWith('/v1/traces') ? trimmed : `${trimmed}/v1/traces`;
}
function spanId() {
    return (0,external_node_crypto_.randomBytes)(8).toString('hex');
}
function str(key, value) {
    return { key, value: { stringValue: value } };
}
function otlp_int(key, value) {
    // int64 travels as a decimal string in OTLP JSON.
    return { key, value: { intValue: String(Math.round(value)) } };
}

;// CONCATENATED MODULE: ./actions/lib/telemetry/pagerduty.ts


const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';
const PAGERDUTY_SEVERITIES = ['critical', 'error', 'warning', 'info'];
/** PagerDuty's limit for payload.summary. */
const SUMMARY_LIMIT = 1024;
/**
 * The alert key for migrations of one repository in one environment. It is the same for every run, so a failed
 * deploy and the next successful one talk about the same incident: the failure triggers it, the success resolves it.
 */
function migrationDedupKey(repository, environment) {
    return `schema-actions/migrate/${repository || 'unknown'}/${environment}`.slice(0, 255);
}
/**
 * PagerDuty Events API v2: a trigger when a run fails or times out, a resolve when a run succeeds. Actions keep no
 * state between runs, so a success cannot know whether an incident is open; it always resolves, which PagerDuty
 * accepts and ignores when nothing is open.
 */
class PagerDutySink {
    config;
    run;
    redact;
    name = 'PagerDuty';
    sending = Promise.resolve(undefined);
    constructor(config, run, redact) {
        this.config = config;
        this.run = run;
        this.redact = redact;
    }
    start() { }
    migration() { }
    end(outcome) {
        // A dry run changes nothing, and a cancelled job is someone's decision, not an incident: neither triggers nor
        // resolves an alert.
        if (outcome.status === 'dry-run' || outcome.status === 'cancelled')
            return;
        const failed = outcome.status === 'failed' || outcome.status === 'timed-out';
        this.sending = this.send(failed ? this.trigger(outcome) : this.resolve());
    }
    async settle() {
        const problem = await this.sending;
        return problem ? [problem] : [];
    }
    trigger(outcome) {
        const what = outcome.status === 'timed-out' ? 'timed out' : 'failed';
        const summary = `Database migration ${what} in ${this.run.environment} (${this.run.repository}): ${outcome.failure ?? outcome.status}`;
        const event = {
            event_action: 'trigger',
            dedup_key: migrationDedupKey(this.run.repository, this.run.environment),
            payload: {
                summary: summary.length > SUMMARY_LIMIT ? `${summary.slice(0, SUMMARY_LIMIT - 1)}…` : summary,
                source: `${this.run.repository || 'schema-actions'} (${this.run.environment})`,
                severity: this.config.severity,
                timestamp: new Date(outcome.endedAt).toISOString(),
                component: 'database-migrations',
                group: this.run.environment,
                class: outcome.status === 'timed-out' ? 'migration-timed-out' : 'migration-failed',
                custom_details: {
                    status: outcome.status,
                    run_id: this.run.runId,
                    commit: this.run.commit,
                    repository: this.run.repository,
                    environment: this.run.environment,
                    applied_count: outcome.appliedCount,
                    pending_count: outcome.pendingCount,
                    duration_ms: Math.round(outcome.durationMs),
                },
            },
            client: 'schema-actions',
        };
        if (this.run.runUrl) {
            event.client_url = this.run.runUrl;
            event.links = [{ href: this.run.runUrl, text: 'Workflow run' }];
        }
        return event;
    }
    resolve() {
        return { event_action: 'resolve', dedup_key: migrationDedupKey(this.run.repository, this.run.environment) };
    }
    async send(event) {
        // Everything but the routing key is redacted; the routing key is PagerDuty's credential and must be sent.
        const body = { routing_key: this.config.routingKey, ...redactDeep(event, this.redact) };
        const result = await postJson(this.config.url, body);
        if (result.ok)
            return undefined;
        return `${event.event_action} event to ${this.config.url} failed: ${result.reason}`;
    }
}

;// CONCATENATED MODULE: ./actions/lib/telemetry/telemetry.ts

/** How long the end of a run may wait for telemetry still in flight, whatever the sinks do. */
const SETTLE_CAP_MS = 7000;
/**
 * Fans a run's events out to every configured sink. Sinks are best-effort: nothing they do can throw into the
 * migration, and the run waits for them at most a few seconds at its end.
 */
class Telemetry {
    sinks;
    constructor(sinks) {
        this.sinks = sinks;
    }
    start() {
        this.each((sink) => sink.start());
    }
    migration(event) {
        this.each((sink) => sink.migration(event));
    }
    end(outcome) {
        this.each((sink) => sink.end(outcome));
    }
    /** One warning per sink that could not deliver everything. */
    async settle(capMs = SETTLE_CAP_MS) {
        const results = await Promise.all(this.sinks.map(async (sink) => {
            let timer;
            const cap = new Promise((resolve) => {
                timer = setTimeout(() => resolve([`still sending after ${(0,duration/* formatDuration */.a3)(capMs)}; gave up`]), capMs);
            });
            try {
                const problems = await Promise.race([sink.settle().catch((e) => [String(e)]), cap]);
                return problems.map((p) => `${sink.name}: ${p}`);
            }
            finally {
                clearTimeout(timer);
            }
        }));
        return results.flat();
    }
    each(fn) {
        for (const sink of this.sinks) {
            try {
                fn(sink);
            }
            catch {
                // A sink bug must not stop a migration; settle() reports what did not arrive.
            }
        }
    }
}

;// CONCATENATED MODULE: ./node_modules/yocto-queue/index.js
/*
How it works:
`this.#head` is an instance of `Node` which keeps track of its current value and nests another instance of `Node` that keeps the value that comes after it. When a value is provided to `.enqueue()`, the code needs to iterate through `this.#head`, going deeper and deeper to find the last value. However, iterating through every single item is slow. This problem is solved by saving a reference to the last value as `this.#tail` so that it can reference it to add a new value.
*/

class Node {
	value;
	next;

	constructor(value) {
		this.value = value;
	}
}

class Queue {
	#head;
	#tail;
	#size;

	constructor() {
		this.clear();
	}

	enqueue(value) {
		const node = new Node(value);

		if (this.#head) {
			this.#tail.next = node;
			this.#tail = node;
		} else {
			this.#head = node;
			this.#tail = node;
		}

		this.#size++;
	}

	dequeue() {
		const current = this.#head;
		if (!current) {
			return;
		}

		this.#head = this.#head.next;
		this.#size--;

		// Clean up tail reference when queue becomes empty
		if (!this.#head) {
			this.#tail = undefined;
		}

		return current.value;
	}

	peek() {
		if (!this.#head) {
			return;
		}

		return this.#head.value;

		// TODO: Node.js 18.
		// return this.#head?.value;
	}

	clear() {
		this.#head = undefined;
		this.#tail = undefined;
		this.#size = 0;
	}

	get size() {
		return this.#size;
	}

	* [Symbol.iterator]() {
		let current = this.#head;

		while (current) {
			yield current.value;
			current = current.next;
		}
	}

	* drain() {
		while (this.#head) {
			yield this.dequeue();
		}
	}
}

;// CONCATENATED MODULE: ./node_modules/p-limit/index.js


function pLimit(concurrency) {
	let rejectOnClear = false;

	if (typeof concurrency === 'object') {
		({concurrency, rejectOnClear = false} = concurrency);
	}

	validateConcurrency(concurrency);

	if (typeof rejectOnClear !== 'boolean') {
		throw new TypeError('Expected `rejectOnClear` to be a boolean');
	}

	const queue = new Queue();
	let activeCount = 0;

	const resumeNext = () => {
		// Process the next queued function if we're under the concurrency limit
		if (activeCount < concurrency && queue.size > 0) {
			activeCount++;
			queue.dequeue().run();
		}
	};

	const next = () => {
		activeCount--;
		resumeNext();
	};

	const run = async (function_, resolve, arguments_) => {
		// Execute the function and capture the result promise
		const result = (async () => function_(...arguments_))();

		// Resolve immediately with the promise (don't wait for completion)
		resolve(result);

		// Wait for the function to complete (success or failure)
		// We catch errors here to prevent unhandled rejections,
		// but the original promise rejection is preserved for the caller
		try {
			await result;
		} catch {}

		// Decrement active count and process next queued function
		next();
	};

	const enqueue = (function_, resolve, reject, arguments_) => {
		const queueItem = {reject};

		// Queue the internal resolve function instead of the run function
		// to preserve the asynchronous execution context.
		new Promise(internalResolve => { // eslint-disable-line promise/param-names
			queueItem.run = internalResolve;
			queue.enqueue(queueItem);
		}).then(run.bind(undefined, function_, resolve, arguments_)); // eslint-disable-line promise/prefer-await-to-then

		// Start processing immediately if we haven't reached the concurrency limit
		if (activeCount < concurrency) {
			resumeNext();
		}
	};

	const generator = (function_, ...arguments_) => new Promise((resolve, reject) => {
		enqueue(function_, resolve, reject, arguments_);
	});

	Object.defineProperties(generator, {
		activeCount: {
			get: () => activeCount,
		},
		pendingCount: {
			get: () => queue.size,
		},
		clearQueue: {
			value() {
				if (!rejectOnClear) {
					queue.clear();
					return;
				}

				const abortError = AbortSignal.abort().reason;

				while (queue.size > 0) {
					queue.dequeue().reject(abortError);
				}
			},
		},
		concurrency: {
			get: () => concurrency,

			set(newConcurrency) {
				validateConcurrency(newConcurrency);
				concurrency = newConcurrency;

				queueMicrotask(() => {
					// eslint-disable-next-line no-unmodified-loop-condition
					while (activeCount < concurrency && queue.size > 0) {
						resumeNext();
					}
				});
			},
		},
		map: {
			async value(iterable, function_) {
				const promises = [];

				try {
					Array.from(iterable, (value, index) => {
						const promise = generator(function_, value, index);
						promises.push(promise);
						return promise;
					});
				} catch (error) {
					// The iterable threw, so `Promise.all` never observes the already scheduled promises. Observe them here to avoid unhandled rejections.
					for (const promise of promises) {
						promise.catch(() => {}); // eslint-disable-line promise/prefer-await-to-then
					}

					throw error;
				}

				return Promise.all(promises);
			},
		},
	});

	return generator;
}

function limitFunction(function_, options) {
	const limit = pLimit(options);

	const limitedFunction = (...arguments_) => limit(() => function_(...arguments_));
	Object.defineProperty(limitedFunction, 'clearQueue', {
		value: limit.clearQueue,
	});

	return limitedFunction;
}

function validateConcurrency(concurrency) {
	if (!((Number.isInteger(concurrency) || concurrency === Number.POSITIVE_INFINITY) && concurrency > 0)) {
		throw new TypeError('Expected `concurrency` to be a number from 1 and up');
	}
}

;// CONCATENATED MODULE: ./actions/lib/concurrency.ts

/**
 * `fn` over every item with at most `limit` running at once; results in the items' order. The one bounded-concurrency
 * loop of the code base (p-limit underneath), so every caller gets the same ordering and error behaviour.
 */
function mapWithLimit(items, limit, fn) {
    return pLimit(limit).map(items, (item) => fn(item));
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./actions/lib/errors.ts
var errors = __webpack_require__(32863);
// EXTERNAL MODULE: ./actions/lib/db/postgres.ts
var postgres = __webpack_require__(93570);
;// CONCATENATED MODULE: ./actions/migrate-with-telemetry/shards.ts

/** GitHub's limit on the jobs one matrix may start. */
const MAX_SHARDS = 256;
/**
 * The shard a database belongs to: a hash of its label (host:port/database), never of its position, so a retried
 * shard migrates the same databases and adding a database moves only that one.
 */
function shardOf(target, shards) {
    return (0,external_node_crypto_.createHash)('sha256').update(target.label).digest().readUInt32BE(0) % shards;
}
function targetsOfShard(targets, shard, shards) {
    return targets.filter((target) => shardOf(target, shards) === shard);
}
/**
 * What `strategy.matrix` gets: shard numbers only. The URLs are secrets, so each matrix job reads them again from
 * the same secret and keeps its own.
 */
function shardMatrix(shards) {
    return { shard: Array.from({ length: shards }, (_, i) => i) };
}

;// CONCATENATED MODULE: ./actions/migrate-with-telemetry/options.ts








const MODES = ['migrate', 'plan', 'summary'];
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** Reads and validates every input up front, so a mistake fails before any database is touched. */
function readMigrateOptions(inputs, logger, baseDir) {
    const all = readTargets(inputs, logger, baseDir);
    const sharding = readSharding(inputs);
    const options = {
        targets: sharding ? targetsOfShard(all, sharding.shard, sharding.shards) : all,
        sharding,
        parallelism: inputs.integer('parallelism', { min: 1, max: 64 }),
        environment: inputs.required('environment'),
        transaction: (0,lib_project/* readTransactionPolicy */.$)(inputs),
        outOfOrder: inputs.enum('out-of-order', ['fail', 'apply']),
        dryRun: inputs.boolean('dry-run'),
        timeoutMs: inputs.duration('timeout'),
        lockWaitMs: inputs.duration('lock-wait'),
        lockTimeoutMs: inputs.duration('lock-timeout'),
        statementTimeoutMs: inputs.optionalDuration('statement-timeout'),
    };
    const lokiUrl = inputs.optional('loki-url');
    if (lokiUrl) {
        options.loki = {
            url: httpUrl(lokiUrl, 'loki-url'),
            user: inputs.optional('loki-user'),
            token: inputs.optional('loki-token'),
            tenant: inputs.optional('loki-tenant'),
            labels: keyValueLines(inputs.string('loki-labels'), 'loki-labels', (name) => {
                if (!LABEL_NAME.test(name)) {
                    throw new errors/* ConfigurationError */.j1(`loki-labels: "${name}" is not a valid Loki label name; use letters, digits and underscores, not starting with a digit`);
                }
            }),
        };
        // Loki's Authorization header carries base64(user:token): an echoing server must not put it in a warning.
        const { user, token } = options.loki;
        if (token)
            for (const form of (0,secrets/* derivedSecretForms */.rd)(token, user ?? ''))
                logger.mask(form);
    }
    const routingKey = inputs.optional('pagerduty-routing-key');
    if (routingKey) {
        for (const form of (0,secrets/* derivedSecretForms */.rd)(routingKey))
            logger.mask(form);
        options.pagerduty = {
            routingKey,
            severity: inputs.enum('pagerduty-severity', PAGERDUTY_SEVERITIES),
            url: httpUrl(inputs.required('pagerduty-url'), 'pagerduty-url'),
        };
    }
    const otlpEndpoint = inputs.optional('otlp-endpoint');
    if (otlpEndpoint) {
        const headers = keyValueLines(inputs.string('otlp-headers'), 'otlp-headers');
        for (const value of Object.values(headers))
            for (const form of (0,secrets/* derivedSecretForms */.rd)(value))
                logger.mask(form);
        options.otlp = { endpoint: httpUrl(otlpEndpoint, 'otlp-endpoint'), headers };
    }
    return options;
}
function readShardCount(inputs) {
    return inputs.integer('shards', { min: 1, max: MAX_SHARDS });
}
/** Both shard and shards, or neither (one job migrates every target). */
function readSharding(inputs) {
    const shard = inputs.optional('shard');
    if (shard === undefined)
        return undefined;
    const shards = readShardCount(inputs);
    return { shard: inputs.integer('shard', { min: 0, max: shards - 1 }), shards };
}
function readTargets(inputs, logger, baseDir) {
    const single = inputs.optional('database-url');
    const many = [...targetLines(inputs.string('targets'), 'targets'), ...targetsFile(inputs, logger, baseDir)];
    if (single && many.length > 0) {
        throw new errors/* ConfigurationError */.j1('give either database-url or targets, not both; put every database in targets');
    }
    const lines = single ? [{ url: single, where: 'database-url' }] : many;
    const urls = lines.map((l) => l.url);
    if (urls.length === 0) {
        throw new errors/* ConfigurationError */.j1('input "database-url" is required: the PostgreSQL URL of the database to migrate (or give several in targets)');
    }
    // Each URL's password is masked before anything could print it; the whole line too, as the runner masks it.
    for (const url of urls) {
        logger.mask(url);
        for (const secret of (0,secrets/* secretsInUrl */.Ct)(url))
            logger.mask(secret);
    }
    const targets = lines.map(({ url, where }) => ({ url, label: targetLabel(url, where) }));
    const labels = new Set(targets.map((t) => t.label));
    if (labels.size < targets.length) {
        return targets.map((t, i) => ({ ...t, label: `#${i + 1} ${t.label}` }));
    }
    return targets;
}
// Line numbers as the user counts them, blank and comment lines included, so an error can point at the line.
function targetLines(text, source) {
    return text
        .split('\n')
        .map((line, i) => ({ url: line.trim(), where: `line ${i + 1} of ${source}` }))
        .filter(({ url }) => url !== '' && !url.startsWith('#'));
}
function targetsFile(inputs, logger, baseDir) {
    const file = inputs.optional('targets-file');
    if (!file)
        return [];
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)((0,external_node_path_.resolve)(baseDir, file), 'utf8');
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`targets-file: cannot read ${file}; give a file with one PostgreSQL URL per line`);
    }
    // Masked line by line before validation can quote anything: the file holds the same secrets as targets.
    for (const line of text.split('\n'))
        if (line.trim())
            logger.mask(line.trim());
    return targetLines(text, 'targets-file');
}
/** host:port/database, after the URL is validated in full: nothing is migrated anywhere if one line is wrong. */
function targetLabel(url, where) {
    (0,postgres/* validatePostgresUrl */.$1)(url, where);
    const { host, port, database } = (0,postgres/* postgresAddress */.mX)(url);
    return `${host}:${port}/${database}`;
}
function httpUrl(value, inputName) {
    try {
        const parsed = new URL(value);
        if (parsed.protocol === 'http:' || parsed.protocol === 'https:')
            return value;
    }
    catch {
        // reported below
    }
    throw new errors/* ConfigurationError */.j1(`${inputName} must be an http(s) URL, not "${value}"`);
}
function keyValueLines(text, inputName, check) {
    const result = {};
    for (const [index, line] of text.split('\n').entries()) {
        const trimmed = line.trim();
        if (trimmed === '' || trimmed.startsWith('#'))
            continue;
        const at = trimmed.indexOf('=');
        // The line itself is not quoted: it may hold a secret.
        if (at <= 0)
            throw new errors/* ConfigurationError */.j1(`${inputName}: line ${index + 1} is not name=value; write one per line`);
        const name = trimmed.slice(0, at).trim();
        check?.(name);
        result[name] = trimmed.slice(at + 1).trim();
    }
    return result;
}

// EXTERNAL MODULE: ./actions/lib/report.ts + 1 modules
var report = __webpack_require__(12530);
;// CONCATENATED MODULE: ./actions/migrate-with-telemetry/results.ts




function shardResult(results, shard, shards) {
    return {
        shard,
        shards,
        databases: results.map((r) => ({
            database: r.target.label,
            status: r.status,
            applied: r.applied.map((a) => a.migration.name),
            ...(r.failure ? { failure: r.failure } : {}),
        })),
    };
}
/**
 * Written next to the report, one file per shard, for the job to upload as an artifact. Redacted here: the summary
 * job that reads it never sees the URLs, so it could not mask them.
 */
function writeShardResult(result, env, redact) {
    const path = (0,external_node_path_.join)((0,external_node_path_.dirname)((0,report/* reportPath */.eG)('migrate-with-telemetry', env)), `migrate-result-shard-${result.shard}.json`);
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
    (0,external_node_fs_.writeFileSync)(path, `${redact(JSON.stringify(result, null, 2))}\n`);
    return path;
}
/** Every shard result under a folder (download-artifact puts each artifact in its own subfolder). */
function readShardResults(dir) {
    let files;
    try {
        files = jsonFiles(dir);
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`results-dir: ${dir} is not a readable folder; give the folder the artifacts were downloaded to`);
    }
    if (files.length === 0) {
        throw new errors/* ConfigurationError */.j1(`results-dir: no shard results (*.json) under ${dir}; download the migrate jobs' artifacts there first`);
    }
    return files.map((file) => {
        const parsed = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
        if (!Array.isArray(parsed.databases)) {
            throw new errors/* ConfigurationError */.j1(`results-dir: ${file} is not a shard result written by migrate-with-telemetry`);
        }
        return parsed;
    });
}
function jsonFiles(dir) {
    return (0,external_node_fs_.readdirSync)(dir).flatMap((name) => {
        const path = (0,external_node_path_.join)(dir, name);
        if ((0,external_node_fs_.statSync)(path).isDirectory())
            return jsonFiles(path);
        return name.endsWith('.json') ? [path] : [];
    });
}
function mergeShardResults(results) {
    const databases = results.flatMap((r) => r.databases).sort((a, b) => a.database.localeCompare(b.database));
    const shards = Math.max(...results.map((r) => r.shards));
    const seen = new Set(results.map((r) => r.shard));
    return {
        databases,
        failed: databases.filter((d) => !['applied', 'up-to-date', 'dry-run'].includes(d.status)),
        missingShards: Array.from({ length: shards }, (_, i) => i).filter((i) => !seen.has(i)),
    };
}
function renderFleetSummary(summary) {
    const count = (status) => summary.databases.filter((d) => d.status === status).length;
    const lines = [
        '## Tenant migrations',
        '',
        `${summary.databases.length} databases: ${count('applied')} applied, ${count('up-to-date')} up to date, ${summary.failed.length} failed.`,
        '',
    ];
    if (summary.missingShards.length > 0) {
        lines.push(`Missing results for shard(s) ${summary.missingShards.join(', ')}: their job did not finish.`, '');
    }
    if (summary.failed.length > 0) {
        lines.push('Failed:', '', ...summary.failed.map((d) => `- ${d.database}: ${d.failure ?? d.status}`), '');
    }
    lines.push('| Database | Status | Applied |', '| --- | --- | --- |');
    for (const d of summary.databases) {
        lines.push(`| ${d.database} | ${d.status} | ${d.applied.join(', ') || '—'} |`);
    }
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./actions/migrate-with-telemetry/fleet.ts




/** plan mode: validates every target, then outputs the shard numbers (never a URL) for strategy.matrix. */
async function planShards(context) {
    const { inputs, logger } = context;
    const targets = readTargets(inputs, logger, context.baseDir);
    const shards = readShardCount(inputs);
    for (let shard = 0; shard < shards; shard++) {
        logger.info(`shard ${shard}: ${targetsOfShard(targets, shard, shards).length} of ${targets.length} databases`);
    }
    context.setOutput('matrix', JSON.stringify(shardMatrix(shards)));
    return {};
}
/** summary mode: one report over every shard's result; fails if a database failed or a shard never reported. */
async function summariseShards(context) {
    const { logger } = context;
    const dir = (0,external_node_path_.resolve)(context.baseDir, context.inputs.required('results-dir'));
    const summary = mergeShardResults(readShardResults(dir));
    for (const failed of summary.failed)
        logger.error(`${failed.database}: ${failed.status}: ${failed.failure ?? ''}`);
    const published = await context.report.publish(logger.secrets.redact(renderFleetSummary(summary)), {
        comment: false,
    });
    context.setOutput('report', published.path);
    const problems = [
        ...(summary.failed.length > 0
            ? [`${summary.failed.length} database(s) did not migrate: ${summary.failed.map((d) => d.database).join(', ')}`]
            : []),
        ...(summary.missingShards.length > 0 ? [`no result from shard(s) ${summary.missingShards.join(', ')}`] : []),
    ];
    return problems.length > 0 ? { failure: problems.join('; ') } : {};
}

// EXTERNAL MODULE: ./actions/lib/markdown.ts
var markdown = __webpack_require__(94269);
// EXTERNAL MODULE: ./actions/lib/migrations/executor.ts
var executor = __webpack_require__(8109);
;// CONCATENATED MODULE: ./actions/migrate-with-telemetry/report.ts



const ICON = {
    applied: '✅',
    'up-to-date': '✅',
    'dry-run': '📝',
    failed: '❌',
    'timed-out': '⏱️',
    cancelled: '🛑',
};
/** SQL in a dry-run report is capped so a large first deploy still fits in the job summary. */
const DRY_RUN_SQL_LIMIT = 60_000;
function renderMigrateReport(input) {
    const { options, results, set } = input;
    const lines = [
        `## ${ICON[input.status]} Migrations ${input.status} — ${options.environment}`,
        '',
        `Run \`${input.runId}\` in ${(0,duration/* formatDuration */.a3)(input.durationMs)}; ${set.migrations.length} migrations in \`${set.displayDir}\` (${set.layout} layout), ledger \`${input.ledger.schema}.${input.ledger.table}\`, transaction: ${options.transaction}${options.dryRun ? ', dry run: nothing was changed' : ''}.`,
        '',
    ];
    if (results.length > 1) {
        lines.push((0,markdown/* markdownTable */.Qj)(['target', 'status', 'applied', 'pending after', 'problem'], results.map((r) => [
            r.target.label,
            `${ICON[r.status]} ${r.status}`,
            String(r.applied.length),
            String(r.pendingAfter),
            r.failure ?? '',
        ])), '');
    }
    for (const result of results) {
        if (results.length > 1)
            lines.push(`### ${result.target.label}`, '');
        lines.push(...targetSection(result, options));
    }
    if (input.telemetryWarnings.length > 0) {
        lines.push('### Telemetry', '', ...input.telemetryWarnings.map((w) => `- ⚠️ ${w}`), '');
    }
    return lines.join('\n');
}
function targetSection(result, options) {
    const lines = [];
    if (result.failure)
        lines.push(`**${result.status}:** ${result.failure}`, '');
    if (result.executeFailure)
        lines.push(...failureSection(result, result.executeFailure));
    for (const note of result.notes)
        lines.push(`> ${note}`, '');
    if (result.problems.length > 0) {
        lines.push((0,markdown/* markdownTable */.Qj)(['problem', 'migration', 'what to do'], result.problems.map((p) => [p.kind, p.name, p.message])), '');
    }
    if (result.applied.length > 0) {
        lines.push((0,markdown/* markdownTable */.Qj)(['applied', 'duration', 'hash'], result.applied.map((a) => [
            a.migration.name,
            (0,duration/* formatDuration */.a3)(a.durationMs),
            `\`${a.migration.hash.slice(0, 12)}\``,
        ])), '');
    }
    else if (result.status === 'up-to-date') {
        lines.push('Nothing pending: the database is up to date.', '');
    }
    if (options.dryRun && result.plan.length > 0) {
        lines.push(`Would apply ${result.plan.length} migration(s), in this order:`, '');
        let budget = DRY_RUN_SQL_LIMIT;
        // The planner decided which migrations run outside a transaction; the report only says so.
        const outside = new Set(result.batches.filter((b) => !b.transactional).flatMap((b) => b.migrations));
        for (const migration of result.plan) {
            const flag = outside.has(migration) ? ' (outside a transaction)' : '';
            lines.push(`<details><summary><code>${migration.name}</code>${flag} — ${migration.file}</summary>`, '');
            if (budget > 0) {
                lines.push((0,markdown/* codeBlock */.DV)(migration.sql.slice(0, budget), 'sql'));
                budget -= migration.sql.length;
            }
            else {
                lines.push('(SQL left out to keep the report short; see the log)');
            }
            lines.push('', '</details>', '');
        }
    }
    else if (result.plan.length > result.applied.length && result.status !== 'up-to-date') {
        // Those rolled back or failing are said above; the rest were never started.
        const told = new Set([...(result.executeFailure?.rolledBack ?? []), result.executeFailure?.migration]);
        const notApplied = result.plan.slice(result.applied.length).filter((m) => !told.has(m));
        const label = result.executeFailure ? 'Not attempted' : 'Not applied';
        if (notApplied.length)
            lines.push(`${label}: ${notApplied.map((m) => `\`${m.name}\``).join(', ')}`, '');
    }
    return lines;
}
/** What a failed run left behind: rolled back, committed, and the statement PostgreSQL refused. */
function failureSection(result, failure) {
    const names = (migrations) => migrations.map((m) => `\`${m.name}\``).join(', ');
    const lines = [];
    if (failure.rolledBack.length > 0) {
        lines.push(`**Rolled back:** ${names(failure.rolledBack)} (the transaction was rolled back; ${failure.rolledBack.length === 1 ? 'it is' : 'they are'} not applied and not in the ledger).`, '');
    }
    lines.push(result.applied.length > 0
        ? `**Committed:** ${names(result.applied.map((a) => a.migration))} stayed applied and ${result.applied.length === 1 ? 'is' : 'are'} in the ledger.`
        : failure.partial
            ? '**Committed:** no migration is recorded in the ledger.'
            : '**Committed:** nothing; the database is as it was before this run.', '');
    if (failure.error instanceof executor/* MigrationFailedError */.Yv)
        lines.push(...failingStatement(failure.error));
    return lines;
}
/** Lines of the failing statement shown around the one PostgreSQL points at. */
const STATEMENT_CONTEXT = 3;
/** The statement as psql shows a failure: file line numbers, and a caret under PostgreSQL's error position. */
function failingStatement(error) {
    const { chunk, postgres } = error;
    const leading = chunk.sql.match(/^\s*/)?.[0] ?? '';
    const text = chunk.sql.slice(leading.length).trimEnd();
    const firstLine = chunk.line;
    const offset = postgres.position !== undefined ? Math.max(0, postgres.position - 1 - leading.length) : undefined;
    const before = offset !== undefined ? text.slice(0, offset) : undefined;
    const sqlLines = text.split('\n');
    const at = before !== undefined ? before.split('\n').length - 1 : Math.max(0, error.line - firstLine);
    const column = before !== undefined ? before.length - before.lastIndexOf('\n') - 1 : undefined;
    const from = Math.max(0, at - STATEMENT_CONTEXT);
    const to = Math.min(sqlLines.length, at + STATEMENT_CONTEXT + 1);
    const width = String(firstLine + to).length;
    const shown = [];
    for (let i = from; i < to; i++) {
        shown.push(`${String(firstLine + i).padStart(width)} | ${sqlLines[i]}`);
        if (i === at && column !== undefined) {
            shown.push(`${' '.repeat(width)} | ${sqlLines[i].slice(0, column).replace(/[^\t]/g, ' ')}^`);
        }
    }
    const where = postgres.position !== undefined ? `, PostgreSQL's position ${postgres.position}` : '';
    return [
        `Failing statement (\`${error.migration.file}:${firstLine + at}\`${where}):`,
        '',
        (0,markdown/* codeBlock */.DV)(`${from > 0 ? '…\n' : ''}${shown.join('\n')}${to < sqlLines.length ? '\n…' : ''}`),
        '',
    ];
}

// EXTERNAL MODULE: ./actions/lib/migrations/ledger.ts
var migrations_ledger = __webpack_require__(96605);
// EXTERNAL MODULE: ./actions/lib/migrations/verify.ts
var verify = __webpack_require__(72453);
;// CONCATENATED MODULE: ./actions/migrate-with-telemetry/breaker.ts



/** After a cancel, how long the statement gets to stop before its backend is terminated (which also rolls back). */
const TERMINATE_AFTER_MS = 5000;
/** On a job cancel the runner allows a few seconds in all: terminate sooner. */
const TERMINATE_AFTER_CANCEL_MS = 1000;
class TimedOutError extends Error {
    name = 'TimedOutError';
}
/**
 * Stops the migration's connection from outside it: the `timeout` circuit breaker, and a job cancel. The statement
 * running on the migration's connection is cancelled from a second connection (a connection busy with a statement
 * cannot cancel itself), so PostgreSQL aborts the transaction; if the statement ignores the cancel, the backend is
 * terminated, which rolls back too. The executor also calls `check()` before each statement, since a cancel
 * reaching an idle backend is dropped.
 */
class CircuitBreaker {
    target;
    logger;
    timer;
    terminateTimer;
    control;
    reason;
    timeoutMs = 0;
    constructor(target, logger) {
        this.target = target;
        this.logger = logger;
    }
    /** Opens the control connection now, while the server is healthy; `signal` cancels the session's work. */
    static async arm(url, target, logger, signal) {
        const breaker = new CircuitBreaker(target, logger);
        breaker.control = await (0,postgres/* connectPostgres */.Mq)(url, { logger, applicationName: 'schema-actions migrate (watchdog)' });
        const onAbort = () => {
            const reason = signal.reason instanceof errors/* CancelledError */.cc ? signal.reason : new errors/* CancelledError */.cc('abort');
            void breaker.stop(reason, TERMINATE_AFTER_CANCEL_MS);
        };
        if (signal.aborted)
            onAbort();
        else
            signal.addEventListener('abort', onAbort, { once: true });
        breaker.detach = () => signal.removeEventListener('abort', onAbort);
        return breaker;
    }
    /** Starts the `timeout` clock: from here the migrations have `timeoutMs` to commit. */
    startClock(timeoutMs) {
        this.timeoutMs = timeoutMs;
        this.timer = setTimeout(() => {
            this.logger.warning(`timeout of ${(0,duration/* formatDuration */.a3)(timeoutMs)} reached: cancelling the running statement`);
            void this.stop(this.timedOut(), TERMINATE_AFTER_MS);
        }, timeoutMs);
    }
    get tripped() {
        return this.reason !== undefined;
    }
    /** Throws once the breaker has tripped or the job was cancelled; called before each statement. */
    check() {
        if (this.reason)
            throw this.reason;
    }
    /** What stopped the run: a TimedOutError or a CancelledError (undefined while it runs). */
    error() {
        return this.reason;
    }
    async disarm() {
        this.detach();
        clearTimeout(this.timer);
        clearTimeout(this.terminateTimer);
        await this.control?.close();
        this.control = undefined;
    }
    detach = () => undefined;
    timedOut() {
        return new TimedOutError(`timed out after ${(0,duration/* formatDuration */.a3)(this.timeoutMs)} (timeout): the running statement was cancelled and the transaction rolled back`);
    }
    async stop(reason, terminateAfterMs) {
        if (this.reason)
            return;
        this.reason = reason;
        clearTimeout(this.timer);
        const pid = this.target.processId;
        try {
            await this.control?.query('SELECT pg_cancel_backend($1)', [pid]);
        }
        catch (error) {
            this.logger.debug(`pg_cancel_backend failed: ${String(error)}`);
        }
        this.terminateTimer = setTimeout(() => void this.terminate(pid), terminateAfterMs);
    }
    async terminate(pid) {
        this.logger.warning('the cancelled statement did not stop; terminating its connection (PostgreSQL rolls back)');
        try {
            await this.control?.query('SELECT pg_terminate_backend($1)', [pid]);
        }
        catch (error) {
            this.logger.debug(`pg_terminate_backend failed: ${String(error)}`);
        }
    }
}

;// CONCATENATED MODULE: ./actions/migrate-with-telemetry/lock.ts

/** Lock failures PostgreSQL reports when lock_timeout expires. */
const LOCK_NOT_AVAILABLE = '55P03';
class LockWaitExpiredError extends Error {
    name = 'LockWaitExpiredError';
}
/**
 * The advisory lock key for one ledger. Runs migrating the same ledger serialise on it; two projects sharing a
 * database with different ledgers do not block each other. hashtextextended gives a stable 64-bit key inside
 * PostgreSQL, so other tools can compute the same key to take part.
 */
function lockKeyText(ledger) {
    return `schema-actions:migrate:${ledger.schema}.${ledger.table}`;
}
/**
 * Takes the session-level advisory lock for the ledger, waiting at most `waitMs` for a concurrent run to finish. The
 * lock lives as long as the connection: a crashed runner's lock disappears with its connection.
 */
async function acquireMigrationLock(client, ledger, waitMs, sessionLockTimeoutMs, logger) {
    const key = lockKeyText(ledger);
    const [first] = await client.query('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked', [key]);
    if (first?.locked)
        return;
    const holder = await lockHolder(client, key);
    const expired = new LockWaitExpiredError(`another migration run${holder} still held the lock on ${ledger.schema}.${ledger.table} after ${(0,duration/* formatDuration */.a3)(waitMs)} (lock-wait); let it finish, or raise lock-wait`);
    // lock_timeout 0 would mean "wait forever", the opposite of lock-wait: 0s.
    if (waitMs <= 0)
        throw expired;
    logger.info(`another migration run holds the lock on ${ledger.schema}.${ledger.table}${holder}; waiting up to ${(0,duration/* formatDuration */.a3)(waitMs)}`);
    // pg_advisory_lock obeys lock_timeout: the wait is bounded by the server, with no polling.
    await client.query("SELECT set_config('lock_timeout', $1, false)", [`${waitMs}ms`]);
    try {
        await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]);
    }
    catch (error) {
        if (error.code === LOCK_NOT_AVAILABLE) {
            throw expired;
        }
        throw error;
    }
    finally {
        await client
            .query("SELECT set_config('lock_timeout', $1, false)", [`${sessionLockTimeoutMs}ms`])
            .catch(() => undefined);
    }
}
async function releaseMigrationLock(client, ledger) {
    await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [lockKeyText(ledger)]);
}
async function lockHolder(client, key) {
    try {
        const rows = await client.query(`SELECT l.pid, a.application_name
         FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted
          AND ((l.classid::bigint << 32) | l.objid::bigint) = hashtextextended($1, 0)`, [key]);
        const row = rows[0];
        return row ? ` (backend ${row.pid}, ${row.application_name || 'unknown application'})` : '';
    }
    catch {
        return '';
    }
}

;// CONCATENATED MODULE: ./actions/migrate-with-telemetry/target.ts








/** Migrates one database: connect, lock, verify, plan, apply. Never throws: every outcome is a result to report. */
async function migrateTarget(target, context) {
    const result = {
        target,
        status: 'failed',
        applied: [],
        plan: [],
        batches: [],
        pendingAfter: 0,
        problems: [],
        notes: [],
    };
    try {
        if (context.signal.aborted)
            throw (0,errors/* cancellation */.WN)(context.signal);
        await withTargetSession(target, context, async (client, breaker) => {
            // Read only now, under the lock: a run that held it before us may have applied everything already.
            const ledger = await (0,migrations_ledger/* readLedger */.SC)(client, context.ledger);
            breaker.check();
            const batches = inspect(ledger, context, result);
            if (batches)
                await apply(client, breaker, { batches, ledgerExists: ledger.exists }, context, result);
        });
    }
    catch (error) {
        // A cancel during connect or the lock wait surfaces as PostgreSQL's "canceling statement" error.
        const cancelled = context.signal.aborted;
        result.status = cancelled ? 'cancelled' : 'failed';
        result.failure = cancelled ? cancelledMessage(context.signal) : (0,errors/* errorMessage */.gJ)(error);
    }
    return result;
}
function cancelledMessage(signal) {
    return `${(0,errors/* cancellation */.WN)(signal).message}: nothing more was applied, the running transaction was rolled back and the lock released`;
}
/** Connects, configures the session and (unless this is a dry run) holds the migration lock while `fn` runs. */
async function withTargetSession(target, context, fn) {
    const { options, logger, ledger } = context;
    const client = await (0,postgres/* connectPostgres */.Mq)(target.url, {
        logger,
        applicationName: 'schema-actions migrate',
        inputName: options.targets.length > 1 ? 'targets' : 'database-url',
    });
    let locked = false;
    let breaker;
    try {
        breaker = await CircuitBreaker.arm(target.url, client, logger, context.signal);
        await client.query("SELECT set_config('lock_timeout', $1, false)", [`${options.lockTimeoutMs}ms`]);
        if (options.statementTimeoutMs !== undefined) {
            await client.query("SELECT set_config('statement_timeout', $1, false)", [`${options.statementTimeoutMs}ms`]);
        }
        if (!options.dryRun) {
            await acquireMigrationLock(client, ledger, options.lockWaitMs, options.lockTimeoutMs, logger);
            locked = true;
        }
        await fn(client, breaker);
    }
    finally {
        if (locked)
            await releaseMigrationLock(client, ledger).catch(() => undefined);
        await breaker?.disarm();
        await client.close();
    }
}
/**
 * Verifies the ledger against the files and plans what is pending. Returns the batches to execute, or undefined
 * when there is nothing to do (up to date, dry run) or the run must stop (a ledger problem, a refused plan).
 */
function inspect(ledger, context, result) {
    const { set, options, logger } = context;
    if (set.layout === 'v1' && ledger.rows.length > 0 && !ledger.hasNameColumn) {
        result.failure = `${context.ledger.schema}.${context.ledger.table} has drizzle-orm 0.x's columns but ${set.displayDir} uses the 1.x folder layout; run drizzle-orm 1.x's migrate() (or drizzle-kit 1.x migrate) once to upgrade the ledger, then re-run`;
        return undefined;
    }
    const state = (0,verify/* compareLedger */.X)(set, ledger.rows);
    result.plan = state.pending;
    result.pendingAfter = state.pending.length;
    const tolerated = (p) => p.kind === 'out-of-order' && options.outOfOrder === 'apply';
    for (const problem of state.problems.filter(tolerated)) {
        result.notes.push(`applying out of order as asked: ${problem.message}`);
    }
    result.problems = state.problems.filter((p) => !tolerated(p));
    if (result.problems.length > 0) {
        result.failure = `${result.problems.length} problem(s) between the ledger and ${set.displayDir}; nothing was applied (${result.problems.map((p) => `${p.kind} ${p.name}`).join(', ')})`;
        return undefined;
    }
    if (state.pending.length === 0) {
        result.status = options.dryRun ? 'dry-run' : 'up-to-date';
        logger.info(`${result.target.label}: up to date (${state.applied.length} applied)`);
        return undefined;
    }
    const planned = (0,executor/* plan */.et)(state.pending, options.transaction);
    if (planned.refusal) {
        result.failure = `${planned.refusal.message}; ${planned.refusal.fix}. Nothing was applied`;
        result.failedAt = { file: planned.refusal.migration.file, line: 1 };
        return undefined;
    }
    result.batches = planned.batches;
    if (options.dryRun) {
        result.status = 'dry-run';
        return undefined;
    }
    return planned.batches;
}
/** Executes the batches under the circuit breaker, reporting each migration once it is committed. */
async function apply(client, breaker, work, context, result) {
    const { options, logger } = context;
    const { target } = result;
    const label = options.targets.length > 1 ? target.label : undefined;
    logger.info(`${target.label}: applying ${result.plan.length} migration(s) (transaction: ${options.transaction})`);
    breaker.startClock(options.timeoutMs);
    const outcome = await (0,executor/* execute */.g7)(client, { location: context.ledger, layout: context.set.layout, exists: work.ledgerExists }, work.batches, {
        checkpoint: () => breaker.check(),
        // Only now are they applied: reported after COMMIT, never before.
        committed: (timings) => {
            for (const timing of timings) {
                result.applied.push(timing);
                result.pendingAfter -= 1;
                logger.info(`${target.label}: applied ${timing.migration.name} in ${Math.round(timing.durationMs)} ms`);
                context.onMigration({
                    target: label,
                    ...migrationEvent(timing.migration),
                    startedAt: timing.startedAt,
                    durationMs: timing.durationMs,
                    outcome: 'applied',
                });
            }
        },
    });
    const stopped = breaker.error();
    if (outcome.failure) {
        recordFailure(stopped ? { ...outcome.failure, error: stopped } : outcome.failure, context, result);
    }
    else {
        result.status = 'applied';
        if (stopped)
            result.notes.push(`${stopped.message.split(':')[0]} while committing; the commit completed first`);
    }
}
function recordFailure(failure, context, result) {
    const timedOut = failure.error instanceof TimedOutError;
    const cancelled = failure.error instanceof errors/* CancelledError */.cc;
    result.status = timedOut ? 'timed-out' : cancelled ? 'cancelled' : 'failed';
    result.failure = cancelled ? cancelledMessage(context.signal) : (0,errors/* errorMessage */.gJ)(failure.error);
    result.executeFailure = failure;
    if (failure.error instanceof executor/* MigrationFailedError */.Yv) {
        result.failedAt = { file: failure.error.migration.file, line: failure.error.line };
    }
    if (failure.partial && failure.migration) {
        result.notes.push(`${failure.migration.name} runs outside a transaction, so the statements before the failing one stayed applied and it is not recorded in the ledger; check the database (e.g. an INVALID index left by CREATE INDEX CONCURRENTLY) before re-running`);
    }
    if (failure.migration) {
        context.onMigration({
            target: context.options.targets.length > 1 ? result.target.label : undefined,
            ...migrationEvent(failure.migration),
            startedAt: failure.startedAt,
            durationMs: (0,time/* preciseNow */.M)() - failure.startedAt,
            outcome: timedOut ? 'timed-out' : cancelled ? 'cancelled' : 'failed',
            error: result.failure,
        });
    }
}
function migrationEvent(migration) {
    return { name: migration.name, hash: migration.hash };
}

;// CONCATENATED MODULE: ./actions/migrate-with-telemetry/run.ts













async function run(context) {
    const mode = context.inputs.enum('mode', MODES);
    if (mode === 'plan')
        return planShards(context);
    if (mode === 'summary')
        return summariseShards(context);
    return migrate(context);
}
async function migrate(context) {
    const started = (0,time/* preciseNow */.M)();
    const options = readMigrateOptions(context.inputs, context.logger, context.baseDir);
    const project = await readProjectWarningProblems(context);
    const identity = runIdentity(context, options, started);
    const telemetry = new Telemetry(createSinks(options, identity, context.logger));
    telemetry.start();
    const results = await migrateAll(context, project, options, telemetry);
    const summary = summarise(results, options);
    // A cancelled job has seconds left before the runner kills it: telemetry gets one of them.
    const settleCapMs = context.signal.aborted ? 1000 : undefined;
    const telemetryWarnings = await finishTelemetry(context.logger, telemetry, summary, started, settleCapMs);
    reportTargetFailures(context.logger, results, options);
    const durationMs = Math.round((0,time/* preciseNow */.M)() - started);
    setOutputs(context, results, summary, options, { runId: identity.runId, durationMs });
    const markdown = renderMigrateReport({
        ...summary,
        ...project,
        runId: identity.runId,
        durationMs,
        options,
        results,
        telemetryWarnings,
    });
    const published = await context.report.publish(context.logger.secrets.redact(markdown), { comment: false });
    context.setOutput('report', published.path);
    if (!['failed', 'timed-out', 'cancelled'].includes(summary.status))
        return {};
    const where = options.targets.length === 1 ? results[0]?.failedAt : undefined;
    return { failure: summary.failure ?? summary.status, where };
}
/** Folder problems do not change what is applied: migrate warns, schema-check is where they fail a build. */
async function readProjectWarningProblems(context) {
    const project = await (0,lib_project/* readProject */.W)(context);
    for (const problem of project.set.problems)
        context.logger.warning(problem.message, problem);
    return project;
}
function runIdentity(context, options, startedAt) {
    const { github } = context;
    return {
        runId: (0,external_node_crypto_.randomUUID)(),
        environment: options.environment,
        repository: github.repository,
        service: github.repo || 'schema-actions',
        commit: github.sha,
        runUrl: github.runId && github.repository
            ? `${github.serverUrl}/${github.repository}/actions/runs/${github.runId}`
            : undefined,
        startedAt,
    };
}
async function migrateAll(context, project, options, telemetry) {
    const { logger } = context;
    return logger.group(options.dryRun ? 'Plan (dry run)' : 'Apply migrations', async () => {
        const results = await mapWithLimit(options.targets, options.parallelism, (target) => migrateTarget(target, {
            set: project.set,
            ledger: project.ledger,
            options,
            logger,
            signal: context.signal,
            onMigration: (event) => telemetry.migration(event),
        }));
        if (options.dryRun)
            printPlan(results, logger);
        return results;
    });
}
function summarise(results, options) {
    const failures = results.filter((r) => r.failure);
    const first = failures[0];
    return {
        status: overallStatus(results, options.dryRun),
        appliedCount: results.reduce((sum, r) => sum + r.applied.length, 0),
        pendingCount: results.reduce((sum, r) => sum + r.pendingAfter, 0),
        failure: first && options.targets.length > 1
            ? `${failures.length} of ${options.targets.length} targets did not migrate; ${first.target.label}: ${first.failure}`
            : first?.failure,
    };
}
async function finishTelemetry(logger, telemetry, summary, started, settleCapMs) {
    return logger.group('Telemetry', async () => {
        telemetry.end({ ...summary, endedAt: (0,time/* preciseNow */.M)(), durationMs: (0,time/* preciseNow */.M)() - started });
        const warnings = await telemetry.settle(settleCapMs);
        for (const warning of warnings)
            logger.warning(`telemetry is best-effort and did not stop the migration: ${warning}`);
        if (telemetry.sinks.length === 0)
            logger.info('no telemetry configured');
        return warnings;
    });
}
/**
 * With several targets each failure gets its own line (the run's one line only names the first); a single
 * target's failure is the run's failure line. Ledger problems are annotated on their files either way.
 */
function reportTargetFailures(logger, results, options) {
    for (const result of results) {
        if (options.targets.length > 1 && result.failure) {
            logger.error(`${result.target.label}: ${result.failure}`, result.failedAt);
        }
        for (const problem of result.problems)
            logger.error(problem.message, problem);
    }
}
function setOutputs(context, results, summary, options, run) {
    const applied = results.flatMap((r) => r.applied.map((a) => ({
        name: a.migration.name,
        hash: a.migration.hash,
        'duration-ms': Math.round(a.durationMs),
        ...(options.targets.length > 1 ? { target: r.target.label } : {}),
    })));
    context.setOutput('status', summary.status);
    context.setOutput('applied-count', summary.appliedCount);
    context.setOutput('pending-count', summary.pendingCount);
    context.setOutput('applied', applied);
    context.setOutput('duration-ms', run.durationMs);
    context.setOutput('run-id', run.runId);
    const { shard, shards } = options.sharding ?? { shard: 0, shards: 1 };
    context.setOutput('result-json', writeShardResult(shardResult(results, shard, shards), context.env, (text) => context.logger.secrets.redact(text)));
}
function createSinks(options, identity, logger) {
    const redact = (text) => logger.secrets.redact(text);
    const sinks = [];
    if (options.loki)
        sinks.push(new LokiSink(options.loki, identity, redact));
    if (options.pagerduty)
        sinks.push(new PagerDutySink(options.pagerduty, identity, redact));
    if (options.otlp)
        sinks.push(new OtlpSink(options.otlp, identity, redact));
    return sinks;
}
/** The run's status is its worst target's: one failure fails the run, whatever the others did. */
function overallStatus(results, dryRun) {
    const has = (status) => results.some((r) => r.status === status);
    if (has('failed'))
        return 'failed';
    if (has('cancelled'))
        return 'cancelled';
    if (has('timed-out'))
        return 'timed-out';
    if (dryRun)
        return 'dry-run';
    if (has('applied'))
        return 'applied';
    return 'up-to-date';
}
function printPlan(results, logger) {
    const printed = new Set();
    for (const result of results) {
        if (result.failure)
            continue;
        const names = result.plan.map((m) => m.name);
        logger.info(`${result.target.label}: ${names.length === 0 ? 'nothing to apply' : `would apply ${names.length}: ${names.join(', ')}`}`);
        for (const batch of result.batches) {
            for (const migration of batch.migrations) {
                if (printed.has(migration.name))
                    continue;
                printed.add(migration.name);
                const how = batch.transactional ? '' : ' (outside a transaction)';
                logger.info(`-- ${migration.file}${how}\n${migration.sql}`);
            }
        }
    }
}


/***/ })

};
