export const id = 529;
export const ids = [529];
export const modules = {

/***/ 63529:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./actions/lib/duration.ts
var duration = __webpack_require__(41428);
// EXTERNAL MODULE: ./actions/lib/errors.ts
var errors = __webpack_require__(32863);
// EXTERNAL MODULE: ./actions/lib/secrets.ts
var secrets = __webpack_require__(19039);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./actions/canary-monitor/config.ts





function readCanaryConfig(inputs, logger, baseDir) {
    const urls = inputs.list('url').map((url) => checkUrl(url, logger));
    const intervalMs = inputs.duration('interval');
    const durationMs = inputs.duration('duration');
    const timeoutMs = inputs.duration('request-timeout');
    const probe = {
        timeoutMs,
        headers: parseHeaders(inputs.string('headers'), logger),
        expectStatus: parseStatusRanges(inputs.string('expect-status')),
        expectBody: parseBodyExpectation(inputs.optional('expect-body')),
    };
    const maxP95 = inputs.optional('max-p95-ms');
    const thresholds = {
        maxErrorRate: inputs.number('max-error-rate', { min: 0, max: 1 }),
        maxP95Ms: maxP95 === undefined ? undefined : inputs.number('max-p95-ms', { min: 0 }),
        minSamples: inputs.integer('min-samples', { min: 1 }),
        failFastAfter: inputs.integer('fail-fast-after', { min: 0 }),
    };
    const vercel = readVercelSettings(inputs, baseDir);
    if (urls.length === 0 && !vercel?.deploymentId && !vercel?.deployDir) {
        throw new errors/* ConfigurationError */.j1('input "url" is required: give the URL(s) to probe, or a Vercel deployment-id / deploy-dir to probe its URL');
    }
    const ticksPerUrl = Math.ceil(durationMs / intervalMs);
    const capacity = ticksPerUrl * Math.max(urls.length, 1);
    if (capacity < thresholds.minSamples) {
        throw new errors/* ConfigurationError */.j1(`duration ${(0,duration/* formatDuration */.a3)(durationMs)} at interval ${(0,duration/* formatDuration */.a3)(intervalMs)} gives at most ${capacity} ` +
            `probe(s), fewer than min-samples ${thresholds.minSamples}: lengthen duration, shorten interval or lower min-samples`);
    }
    return {
        urls,
        intervalMs,
        durationMs,
        probe,
        thresholds,
        failOnUnhealthy: inputs.boolean('fail-on-unhealthy'),
        vercel,
    };
}
function checkUrl(url, logger) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`input "url": "${url}" is not a URL; write it like https://my-app.vercel.app/api/health`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        throw new errors/* ConfigurationError */.j1(`input "url": "${url}" must start with http:// or https://`);
    }
    for (const secret of (0,secrets/* secretsInUrl */.Ct)(url))
        logger.mask(secret);
    return url;
}
/** `Name: value` lines; values are masked because they are usually bypass tokens or API keys. */
function parseHeaders(text, logger) {
    const headers = {};
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const colon = line.indexOf(':');
        const name = colon > 0 ? line.slice(0, colon).trim() : '';
        if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
            // The line may hold a secret, so it is not echoed back.
            throw new errors/* ConfigurationError */.j1('input "headers": each line must look like `Name: value` (one header per line)');
        }
        const value = line.slice(colon + 1).trim();
        logger.mask(value);
        headers[name] = value;
    }
    return headers;
}
function parseStatusRanges(text) {
    const ranges = [];
    for (const part of text.split(/[\s,]+/).filter(Boolean)) {
        const match = /^(\d{3})(?:-(\d{3}))?$/.exec(part);
        const low = Number(match?.[1]);
        const high = Number(match?.[2] ?? match?.[1]);
        if (!match || low < 100 || high > 599 || low > high) {
            throw new errors/* ConfigurationError */.j1(`input "expect-status": "${part}" is not a status or range; write codes and ranges like 200-399 or 200,204`);
        }
        ranges.push([low, high]);
    }
    if (ranges.length === 0)
        throw new errors/* ConfigurationError */.j1('input "expect-status" is empty; write e.g. 200-399');
    return ranges;
}
function parseBodyExpectation(text) {
    if (text === undefined)
        return undefined;
    const regex = /^\/(.*)\/([dgimsuvy]*)$/s.exec(text);
    if (!regex)
        return { kind: 'substring', text };
    try {
        return { kind: 'regex', regex: new RegExp(regex[1], regex[2].replace(/[gy]/g, '')) };
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`input "expect-body": ${text} is not a valid regular expression (${error.message}); ` +
            'write /pattern/flags, or plain text to match a substring');
    }
}
function readVercelSettings(inputs, baseDir) {
    const token = inputs.optional('vercel-token');
    const projectId = inputs.optional('vercel-project-id');
    const deploymentId = inputs.optional('deployment-id');
    const deployDirInput = inputs.optional('deploy-dir');
    const onHealthy = inputs.enum('on-healthy', ['promote', 'none']);
    const onUnhealthy = inputs.enum('on-unhealthy', ['rollback', 'none']);
    const wantsVercel = deploymentId || deployDirInput || onHealthy !== 'none' || onUnhealthy !== 'none';
    if (!token) {
        if (wantsVercel) {
            throw new errors/* ConfigurationError */.j1('input "vercel-token" is required with deployment-id, deploy-dir, on-healthy or on-unhealthy: ' +
                'give a Vercel API token (secrets.VERCEL_TOKEN)');
        }
        return undefined;
    }
    if (!projectId) {
        throw new errors/* ConfigurationError */.j1('input "vercel-project-id" is required with vercel-token: give the prj_... ID');
    }
    if (deploymentId && deployDirInput) {
        throw new errors/* ConfigurationError */.j1('inputs "deployment-id" and "deploy-dir" exclude each other: give one of them');
    }
    if (!deploymentId && !deployDirInput) {
        throw new errors/* ConfigurationError */.j1('with vercel-token, give "deployment-id" (the deployment to watch) or "deploy-dir" (a directory to deploy)');
    }
    let deployDir;
    if (deployDirInput) {
        deployDir = (0,external_node_path_.resolve)(baseDir, deployDirInput);
        if (!(0,external_node_fs_.existsSync)(deployDir) || !(0,external_node_fs_.statSync)(deployDir).isDirectory()) {
            throw new errors/* ConfigurationError */.j1(`input "deploy-dir": ${deployDirInput} is not a directory; give the folder to deploy`);
        }
    }
    const apiUrl = inputs.string('vercel-api-url').replace(/\/+$/, '');
    try {
        new URL(apiUrl);
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`input "vercel-api-url": "${apiUrl}" is not a URL; leave it empty for api.vercel.com`);
    }
    return {
        token,
        projectId,
        teamId: inputs.optional('vercel-team-id'),
        apiUrl,
        deploymentId,
        deployDir,
        onHealthy,
        onUnhealthy,
        rollbackTo: inputs.optional('rollback-to'),
    };
}

// EXTERNAL MODULE: ./actions/lib/retry-after.ts
var retry_after = __webpack_require__(65743);
// EXTERNAL MODULE: ./actions/lib/retry.ts
var retry = __webpack_require__(40432);
;// CONCATENATED MODULE: ./actions/canary-monitor/vercel-api.ts





/** A Vercel API call that did not succeed, with a message that says what to do about it. */
class VercelApiError extends Error {
    status;
    name = 'VercelApiError';
    constructor(message, status) {
        super(message);
        this.status = status;
    }
}
/** A failed attempt: no answer at all (`status` undefined), or an HTTP error answer. */
class FailedRequest extends Error {
    status;
    detail;
    retryAfter;
    constructor(status, detail, retryAfter = null) {
        super(detail);
        this.status = status;
        this.detail = detail;
        this.retryAfter = retryAfter;
    }
}
/**
 * The few Vercel REST calls canary-monitor makes, with the team as `teamId` query parameter, bounded retries for
 * 429 (honouring Retry-After), 5xx and network errors, and every other failure turned into an error naming the fix.
 */
class VercelApi {
    options;
    policy;
    constructor(options) {
        this.options = options;
        this.policy = {
            attempts: (options.maxRetries ?? 3) + 1,
            firstDelayMs: options.backoffMs ?? 500,
            maxWaitMs: options.maxRetryAfterMs ?? 60_000,
            longerWait: 'give-up',
            sleep: options.sleep,
        };
    }
    async request(method, path, options = {}) {
        const url = new URL(`${this.options.apiUrl}${path}`);
        for (const [key, value] of Object.entries(options.query ?? {}))
            url.searchParams.set(key, value);
        if (this.options.teamId)
            url.searchParams.set('teamId', this.options.teamId);
        const what = `${method} ${path}`;
        const text = await (0,retry/* withRetry */.b)({
            ...this.policy,
            decide: (error) => verdict(error, what),
            giveUp: (error, stop) => giveUpError(error, stop, what, url),
        }, () => this.attempt(url, method, options.body));
        return (text === '' ? {} : JSON.parse(text));
    }
    /** One request; its body as text when it succeeded. */
    async attempt(url, method, body) {
        let response;
        try {
            response = await fetch(url, {
                method,
                headers: {
                    authorization: `Bearer ${this.options.token}`,
                    accept: 'application/json',
                    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
                },
                body: body === undefined ? undefined : JSON.stringify(body),
                signal: AbortSignal.timeout(30_000),
            });
        }
        catch (error) {
            const cause = error.cause?.code ?? error.message;
            throw new FailedRequest(undefined, cause);
        }
        const text = await response.text();
        if (response.ok)
            return text;
        throw new FailedRequest(response.status, apiMessage(text), response.headers.get('retry-after'));
    }
}
/** Vercel's rules: network errors, 429 (after Retry-After, 5 s without one) and 5xx retry; the rest are final. */
function verdict(error, what) {
    if (!(error instanceof FailedRequest))
        return { retry: false, error };
    const { status } = error;
    if (status === undefined || status >= 500)
        return { retry: true };
    if (status === 429)
        return { retry: true, retryAfterMs: retryAfterMs(error.retryAfter) };
    return { retry: false, error: describeClientError(status, what, error.detail) };
}
function giveUpError(failure, stop, what, url) {
    if (failure.status === undefined) {
        return new VercelApiError(`Vercel API unreachable at ${url.origin} (${failure.detail}) for ${what}`);
    }
    if (failure.status === 429) {
        const tooLong = stop.reason === 'wait-too-long' ? ` (Retry-After ${(0,duration/* formatDuration */.a3)(stop.waitMs)} is too long to wait)` : '';
        return new VercelApiError(`Vercel API rate limit (HTTP 429) on ${what} still hit after ${stop.attempts} attempt(s)${tooLong}: ${failure.detail}`, 429);
    }
    return new VercelApiError(`Vercel API error HTTP ${failure.status} on ${what} after ${stop.attempts} attempt(s): ${failure.detail}`, failure.status);
}
function describeClientError(status, what, message) {
    switch (status) {
        case 401:
            return new errors/* ConfigurationError */.j1(`Vercel rejected vercel-token (HTTP 401 on ${what}): ${message}; create a new token at vercel.com/account/tokens`);
        case 403:
            return new errors/* ConfigurationError */.j1(`vercel-token may not do ${what} (HTTP 403): ${message}; use a token with access to the project's team ` +
                '(and set vercel-team-id)');
        case 404:
            return new VercelApiError(`Vercel found nothing at ${what} (HTTP 404): ${message}; check vercel-project-id, vercel-team-id and the deployment ID`, 404);
        case 409:
            return new VercelApiError(`Vercel refused ${what} because of a conflict (HTTP 409): ${message}; another promotion or rollback may be running`, 409);
        default:
            return new VercelApiError(`Vercel API error HTTP ${status} on ${what}: ${message}`, status);
    }
}
/** Vercel answers `{ error: { code, message } }`; anything else is shown as text, shortened. */
function apiMessage(text) {
    try {
        const parsed = JSON.parse(text);
        const message = parsed.error?.message ?? parsed.message;
        if (message)
            return parsed.error?.code ? `${message} (${parsed.error.code})` : message;
    }
    catch {
        // not JSON
    }
    return (0,secrets/* bodyReason */.XV)(text) || 'no details';
}
/** Retry-After in milliseconds; 5 s when absent, as @vercel/client does. */
function retryAfterMs(header) {
    return (0,retry_after/* parseRetryAfter */.m)(header) ?? 5000;
}

;// CONCATENATED MODULE: ./actions/canary-monitor/decision.ts

/** Promotes or rolls back on Vercel according to the verdict and the on-healthy / on-unhealthy inputs. */
async function applyDecision(healthy, settings, api, deployment, logger) {
    const project = encodeURIComponent(settings.projectId);
    const wanted = healthy ? settings.onHealthy : settings.onUnhealthy;
    if (wanted === 'none') {
        return { decision: 'none', detail: `on-${healthy ? 'healthy' : 'unhealthy'} is none: nothing changed on Vercel` };
    }
    const rolling = await activeRollingRelease(api, project);
    if (rolling && rolling.canaryDeployment?.id !== deployment.id) {
        throw new VercelApiError(`a rolling release of another deployment (${rolling.canaryDeployment?.id ?? 'unknown'}) is in progress; ` +
            'finish or abort it before this one can be promoted or rolled back');
    }
    if (rolling)
        return healthy ? advanceRollingRelease(api, project, rolling) : abortRollingRelease(api, project, rolling);
    const production = await productionDeployment(api, project);
    if (healthy) {
        if (production === deployment.id) {
            return { decision: 'none', detail: `${deployment.id} already serves production: nothing to promote` };
        }
        return promote(api, project, deployment);
    }
    // A staged deployment that never served production has nothing to roll back from.
    if (production !== undefined && production !== deployment.id) {
        return {
            decision: 'none',
            detail: `production runs ${production}, not ${deployment.id}: nothing to roll back; ${deployment.id} stays unpromoted`,
        };
    }
    return rollback(api, project, settings, deployment, logger);
}
/** The deployment serving production, from the project's `targets`; undefined when Vercel does not say. */
async function productionDeployment(api, project) {
    const body = await api.request('GET', `/v9/projects/${project}`);
    return body.targets?.production?.id ?? undefined;
}
async function activeRollingRelease(api, project) {
    const body = await api.request('GET', `/v1/projects/${project}/rolling-release`);
    return body.rollingRelease?.state === 'ACTIVE' ? body.rollingRelease : undefined;
}
async function promote(api, project, deployment) {
    await api.request('POST', `/v10/projects/${project}/promote/${encodeURIComponent(deployment.id)}`);
    return { decision: 'promoted', detail: `promoted ${deployment.id} to production` };
}
/** Approves the next stage, or completes the release when the next stage is the last (100%). */
async function advanceRollingRelease(api, project, rr) {
    const canaryDeploymentId = rr.canaryDeployment.id;
    const next = rr.nextStage;
    if (!next || next.isFinalStage) {
        await api.request('POST', `/v1/projects/${project}/rolling-release/complete`, { body: { canaryDeploymentId } });
        return { decision: 'promoted', detail: `completed the rolling release of ${canaryDeploymentId}` };
    }
    await api.request('POST', `/v1/projects/${project}/rolling-release/approve-stage`, {
        body: { activeStageIndex: rr.activeStageIndex, nextStageIndex: rr.activeStageIndex + 1, canaryDeploymentId },
    });
    const share = next.targetPercentage === undefined ? '' : ` (${next.targetPercentage}% of traffic)`;
    return {
        decision: 'promoted',
        detail: `approved stage ${rr.activeStageIndex + 2}${share} of the rolling release of ${canaryDeploymentId}`,
    };
}
/**
 * Vercel aborts a rolling release by rolling production back to the deployment it was replacing; the Vercel CLI's
 * `rolling-release abort` makes exactly this call.
 */
async function abortRollingRelease(api, project, rr) {
    const current = rr.currentDeployment?.id;
    if (!current)
        throw new VercelApiError('the active rolling release names no current deployment to return to');
    await api.request('POST', `/v9/projects/${project}/rollback/${encodeURIComponent(current)}`, { body: {} });
    return {
        decision: 'rolled-back',
        detail: `aborted the rolling release of ${rr.canaryDeployment.id}; production stays on ${current}`,
    };
}
async function rollback(api, project, settings, deployment, logger) {
    const target = settings.rollbackTo ?? (await previousProduction(api, settings, deployment));
    if (target === deployment.id) {
        throw new VercelApiError(`rollback-to names the deployment being watched (${target}); give an earlier one`);
    }
    logger.info(`Rolling production back to ${target}`);
    await api.request('POST', `/v9/projects/${project}/rollback/${encodeURIComponent(target)}`, { body: {} });
    return { decision: 'rolled-back', detail: `rolled production back to ${target}` };
}
async function previousProduction(api, settings, deployment) {
    const { deployments = [] } = await api.request('GET', '/v6/deployments', {
        query: { projectId: settings.projectId, target: 'production', state: 'READY', limit: '20' },
    });
    const previous = deployments
        .filter((d) => d.uid !== deployment.id && (d.readyState ?? d.state ?? 'READY') === 'READY')
        .sort((a, b) => (b.created ?? 0) - (a.created ?? 0))[0];
    if (!previous) {
        throw new VercelApiError('found no earlier READY production deployment to roll back to; set rollback-to to the deployment ID to restore');
    }
    return previous.uid;
}

;// CONCATENATED MODULE: ./actions/canary-monitor/deployment.ts


const FAILED_STATES = new Set(['ERROR', 'CANCELED']);
const READY_TIMEOUT_MS = 30 * 60_000;
/** The deployment to watch: created from deploy-dir, or looked up by deployment-id; either way READY. */
async function prepareDeployment(settings, api, logger) {
    if (settings.deployDir)
        return deployDirectory(settings, logger);
    return waitUntilReady(settings, api, settings.deploymentId, logger);
}
async function waitUntilReady(settings, api, idOrUrl, logger) {
    const started = Date.now();
    const path = `/v13/deployments/${encodeURIComponent(idOrUrl.replace(/^https?:\/\//, '').replace(/\/.*$/, ''))}`;
    for (let poll = 0;; poll += 1) {
        const body = await api.request('GET', path);
        const deployment = toWatched(body);
        if (body.projectId && body.projectId !== settings.projectId) {
            throw new errors/* ConfigurationError */.j1(`deployment ${deployment.id} belongs to project ${body.projectId}, not vercel-project-id ${settings.projectId}`);
        }
        if (deployment.readyState === 'READY')
            return deployment;
        if (FAILED_STATES.has(deployment.readyState)) {
            throw new VercelApiError(`deployment ${deployment.id} is ${deployment.readyState}${body.errorMessage ? `: ${body.errorMessage}` : ''}; nothing to watch`);
        }
        if (Date.now() - started > READY_TIMEOUT_MS) {
            throw new VercelApiError(`deployment ${deployment.id} is still ${deployment.readyState} after 30 minutes`);
        }
        if (poll === 0)
            logger.info(`Deployment ${deployment.id} is ${deployment.readyState}; waiting until READY`);
        // Same cadence as @vercel/client: quick at first, then easing off.
        await new Promise((resolve) => setTimeout(resolve, Date.now() - started < 15_000 ? 1000 : 5000));
    }
}
async function deployDirectory(settings, logger) {
    // A production deployment without domains is what `promote` later points production at; without promote,
    // a preview deployment leaves production alone.
    const options = {
        project: settings.projectId,
        ...(settings.onHealthy === 'promote' ? { target: 'production', autoAssignCustomDomains: false } : {}),
    };
    let created;
    // Vercel's client (1.3 MB of bundled code) loads only for a run that uploads a directory.
    const { createDeployment } = await Promise.all(/* import() */[__webpack_require__.e(758), __webpack_require__.e(208), __webpack_require__.e(865)]).then(__webpack_require__.t.bind(__webpack_require__, 61208, 23));
    const events = createDeployment({ token: settings.token, path: settings.deployDir, teamId: settings.teamId, apiUrl: settings.apiUrl }, options);
    for await (const event of events) {
        const payload = event.payload;
        switch (event.type) {
            case 'created':
                created = toWatched(payload);
                logger.info(`Created deployment ${created.id} (${created.url}); waiting until READY`);
                break;
            case 'ready':
            case 'alias-assigned':
                return { ...toWatched(payload), readyState: 'READY' };
            case 'canceled':
                throw new VercelApiError(`deployment ${created?.id ?? ''} was canceled before it was ready`);
            case 'checks-v2-failed':
                throw new VercelApiError(`deployment ${created?.id ?? ''} failed its deployment checks`);
            case 'error':
                throw deploymentError(payload);
            case 'warning':
                logger.warning(`Vercel: ${String(event.payload)}`);
                break;
            default:
                break;
        }
    }
    throw new VercelApiError('the deployment ended without becoming READY');
}
function deploymentError(payload) {
    const detail = payload.message ?? payload.code ?? payload.readyState ?? 'unknown error';
    if (payload.status === 401 || payload.status === 403) {
        return new errors/* ConfigurationError */.j1(`Vercel rejected vercel-token while creating the deployment (HTTP ${payload.status}): ${detail}; ` +
            'check the token and vercel-team-id');
    }
    const status = payload.status ? ` (HTTP ${payload.status})` : '';
    return new VercelApiError(`creating the deployment failed${status}: ${detail}`, payload.status);
}
function toWatched(body) {
    const id = body.id ?? body.uid;
    if (!id || !body.url)
        throw new VercelApiError('Vercel answered without a deployment id or url');
    return { id, url: body.url, readyState: body.readyState ?? 'UNKNOWN' };
}

;// CONCATENATED MODULE: ./actions/canary-monitor/probe.ts
/** Bodies are read to measure the full response, but only this much is kept for expect-body. */
const BODY_LIMIT = 1024 * 1024;
/**
 * One request: success means a response within the timeout whose status is expected and whose body matches.
 * Redirects are not followed, so a 3xx counts as itself (the default 200-399 accepts it).
 */
async function probeOnce(url, at, settings, stop) {
    const started = performance.now();
    const timeout = AbortSignal.timeout(settings.timeoutMs);
    const signal = AbortSignal.any([timeout, stop]);
    const elapsed = () => Math.round(performance.now() - started);
    try {
        const response = await fetch(url, {
            headers: { 'user-agent': 'schema-actions-canary-monitor', ...settings.headers },
            redirect: 'manual',
            signal,
        });
        const body = await readBody(response);
        const latencyMs = elapsed();
        const status = response.status;
        if (!statusExpected(status, settings.expectStatus)) {
            return { url, at, latencyMs, status, ok: false, reason: `HTTP ${status} ${response.statusText}`.trim() };
        }
        const mismatch = bodyMismatch(body, settings.expectBody);
        if (mismatch)
            return { url, at, latencyMs, status, ok: false, reason: mismatch };
        return { url, at, latencyMs, status, ok: true };
    }
    catch (error) {
        const latencyMs = elapsed();
        if (timeout.aborted) {
            return { url, at, latencyMs, ok: false, reason: `timed out after ${settings.timeoutMs}ms` };
        }
        if (stop.aborted)
            return { url, at, latencyMs, ok: false, reason: 'cancelled' };
        return { url, at, latencyMs, ok: false, reason: networkReason(error, url) };
    }
}
async function readBody(response) {
    if (!response.body)
        return '';
    const decoder = new TextDecoder();
    let text = '';
    for await (const chunk of response.body) {
        if (text.length < BODY_LIMIT)
            text += decoder.decode(chunk, { stream: true });
    }
    return text.slice(0, BODY_LIMIT);
}
function statusExpected(status, ranges) {
    return ranges.some(([low, high]) => status >= low && status <= high);
}
function bodyMismatch(body, expectation) {
    if (!expectation)
        return undefined;
    if (expectation.kind === 'substring') {
        return body.includes(expectation.text) ? undefined : `body does not contain "${expectation.text}"`;
    }
    return expectation.regex.test(body) ? undefined : `body does not match ${String(expectation.regex)}`;
}
/** Node's fetch hides the socket error in `cause`; these are the ones a user can act on. */
function networkReason(error, url) {
    const cause = error.cause;
    const code = cause?.code ?? error.code;
    const host = safeHost(url);
    switch (code) {
        case 'ENOTFOUND':
        case 'EAI_AGAIN':
        case 'EAI_NONAME':
            return `DNS lookup failed for ${host} (${code})`;
        case 'ECONNREFUSED':
            return `connection refused by ${host}`;
        case 'ECONNRESET':
        case 'UND_ERR_SOCKET':
            return `connection reset by ${host}`;
        case 'UND_ERR_HEADERS_TIMEOUT':
        case 'UND_ERR_BODY_TIMEOUT':
        case 'ETIMEDOUT':
            return `timed out talking to ${host} (${code})`;
        default: {
            const detail = cause?.message ?? error.message ?? String(error);
            return code ? `request failed: ${code} ${detail}` : `request failed: ${detail}`;
        }
    }
}
function safeHost(url) {
    try {
        return new URL(url).host;
    }
    catch {
        return 'the host';
    }
}

;// CONCATENATED MODULE: ./actions/canary-monitor/monitor.ts

const sleepUntil = (deadline, stop) => new Promise((resolve) => {
    const delay = deadline - performance.now();
    if (delay <= 0 || stop.aborted)
        return resolve();
    const timer = setTimeout(done, delay);
    stop.addEventListener('abort', done, { once: true });
    function done() {
        clearTimeout(timer);
        stop.removeEventListener('abort', done);
        resolve();
    }
});
/**
 * Probes every URL at start + k × interval until the duration is over. The ticks are anchored to the start time, so
 * a slow probe never shifts later ones; while a URL's probe is still running its next tick is skipped (and counted),
 * keeping one probe in flight per URL.
 */
async function monitor(plan, hooks = {}, cancel) {
    const start = performance.now();
    const stop = new AbortController();
    // A cancelled job stops probing at once; probes in flight are cut short and not counted.
    cancel?.addEventListener('abort', () => stop.abort(), { once: true });
    if (cancel?.aborted)
        stop.abort();
    const results = [];
    const skippedTicks = {};
    let failFast;
    const watchUrl = async (url) => {
        skippedTicks[url] = 0;
        let consecutive = 0;
        let inFlight;
        for (let tick = 0;; tick += 1) {
            const offset = tick * plan.intervalMs;
            if (offset >= plan.durationMs)
                break;
            await sleepUntil(start + offset, stop.signal);
            if (stop.signal.aborted)
                break;
            if (inFlight) {
                skippedTicks[url] += 1;
                hooks.onSkip?.(url, offset);
                continue;
            }
            inFlight = probeOnce(url, offset, plan.probe, stop.signal).then((result) => {
                inFlight = undefined;
                // A probe cut short by fail-fast on another URL says nothing about this one.
                if (result.reason === 'cancelled')
                    return;
                results.push(result);
                hooks.onResult?.(result);
                consecutive = result.ok ? 0 : consecutive + 1;
                if (plan.failFastAfter > 0 && consecutive >= plan.failFastAfter && !failFast) {
                    failFast = { url, consecutive, atMs: Math.round(performance.now() - start) };
                    stop.abort();
                }
            });
        }
        await inFlight;
    };
    await Promise.all(plan.urls.map(watchUrl));
    results.sort((a, b) => a.at - b.at || a.url.localeCompare(b.url));
    return { results, skippedTicks, failFast, elapsedMs: Math.round(performance.now() - start) };
}

// EXTERNAL MODULE: ./actions/lib/markdown.ts
var markdown = __webpack_require__(94269);
;// CONCATENATED MODULE: ./actions/canary-monitor/verdict.ts
/** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
function percentile(sorted, p) {
    if (sorted.length === 0)
        return undefined;
    const rank = Math.ceil((p / 100) * sorted.length);
    return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
}
/**
 * Latency counts only probes that got a response: a refused connection takes ~0 ms and a timeout takes exactly the
 * timeout, so either would distort what users experience. Those failures weigh in through the error rate instead.
 */
function latencyStats(latencies) {
    const sorted = [...latencies].sort((a, b) => a - b);
    return { p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95), maxMs: sorted.at(-1) };
}
function decideVerdict(run, thresholds) {
    const samples = run.results.length;
    const errors = run.results.filter((r) => !r.ok).length;
    const errorRate = samples === 0 ? 0 : errors / samples;
    const stats = latencyStats(run.results.filter((r) => r.status !== undefined).map((r) => r.latencyMs));
    const reasons = [];
    if (run.failFast) {
        reasons.push(`${run.failFast.consecutive} consecutive failed probes of ${run.failFast.url} (fail-fast-after)`);
    }
    if (errorRate > thresholds.maxErrorRate) {
        reasons.push(`error rate ${percent(errorRate)} is above max-error-rate ${percent(thresholds.maxErrorRate)}`);
    }
    if (thresholds.maxP95Ms !== undefined) {
        if (stats.p95Ms === undefined)
            reasons.push('no probe got a response, so p95 latency is unknown');
        else if (stats.p95Ms > thresholds.maxP95Ms) {
            reasons.push(`p95 latency ${stats.p95Ms}ms is above max-p95-ms ${thresholds.maxP95Ms}ms`);
        }
    }
    if (samples < thresholds.minSamples) {
        reasons.push(`only ${samples} completed probe(s), fewer than min-samples ${thresholds.minSamples}`);
    }
    const skippedTicks = Object.values(run.skippedTicks).reduce((sum, n) => sum + n, 0);
    return { healthy: reasons.length === 0, samples, errors, errorRate, skippedTicks, reasons, ...stats };
}
function percent(rate) {
    return `${(rate * 100).toFixed(rate * 100 < 10 && rate > 0 ? 1 : 0)}%`;
}

;// CONCATENATED MODULE: ./actions/canary-monitor/report.ts




/** Mermaid renders a readable chart up to about this many points; longer watches are bucketed. */
const MAX_CHART_POINTS = 60;
const MAX_CHARTS = 5;
const MAX_FAILURE_ROWS = 50;
function renderCanaryReport(report) {
    const { config, run, verdict } = report;
    const lines = [];
    lines.push(`## Canary monitor: ${verdict.healthy ? '✅ healthy' : '❌ unhealthy'}`, '');
    if (!verdict.healthy)
        lines.push(...verdict.reasons.map((reason) => `- ${reason}`), '');
    if (report.deployment)
        lines.push(`Deployment \`${report.deployment.id}\` (${report.deployment.url})`, '');
    if (report.decisionError)
        lines.push(`**Vercel step failed:** ${report.decisionError}`, '');
    else if (report.decision)
        lines.push(`**Decision: ${report.decision.decision}** — ${report.decision.detail}`, '');
    lines.push(verdictTable(config, run, verdict), '');
    lines.push(`Watched ${config.urls.map((u) => `\`${(0,secrets/* redactUrl */.BO)(u)}\``).join(', ')} every ${(0,duration/* formatDuration */.a3)(config.intervalMs)} ` +
        `for ${(0,duration/* formatDuration */.a3)(config.durationMs)}` +
        (run.failFast ? ` (ended early by fail-fast after ${(0,duration/* formatDuration */.a3)(run.failFast.atMs)}).` : '.'), '');
    lines.push('### Latency over time', '');
    const urls = config.urls.slice(0, MAX_CHARTS);
    for (const url of urls)
        lines.push(latencyChart(url, run.results.filter((r) => r.url === url), config), '');
    if (config.urls.length > MAX_CHARTS)
        lines.push(`_Charts for ${config.urls.length - MAX_CHARTS} more URL(s) omitted._`, '');
    lines.push(chartLegend(config), '');
    const failures = run.results.filter((r) => !r.ok);
    lines.push(`### Failures (${failures.length})`, '');
    if (failures.length === 0)
        lines.push('No probe failed.');
    else {
        const rows = failures
            .slice(0, MAX_FAILURE_ROWS)
            .map((r) => [
            (0,duration/* formatDuration */.a3)(r.at),
            (0,secrets/* redactUrl */.BO)(r.url),
            r.status ? String(r.status) : '—',
            `${r.latencyMs}ms`,
            r.reason ?? '',
        ]);
        lines.push((0,markdown/* markdownTable */.Qj)(['At', 'URL', 'Status', 'Took', 'Reason'], rows));
        if (failures.length > MAX_FAILURE_ROWS)
            lines.push('', `_${failures.length - MAX_FAILURE_ROWS} more failure(s) omitted._`);
    }
    return `${lines.join('\n')}\n`;
}
function chartLegend(config) {
    const limit = config.thresholds.maxP95Ms;
    return ('_Short bars: latency of the probes that succeeded, in ms. Full-height bars in the second colour: ticks where a ' +
        `probe failed or timed out (not a response time). No bar: no probe ran.${limit !== undefined ? ` Line: max-p95-ms (${limit} ms).` : ''}_`);
}
function verdictTable(config, run, verdict) {
    const t = config.thresholds;
    const mark = (ok) => (ok ? '✅' : '❌');
    const ms = (value) => (value === undefined ? '—' : `${value} ms`);
    const p95ok = t.maxP95Ms === undefined || (verdict.p95Ms !== undefined && verdict.p95Ms <= t.maxP95Ms);
    const rows = [
        ['Samples', String(verdict.samples), `≥ ${t.minSamples}`, mark(verdict.samples >= t.minSamples)],
        [
            'Error rate',
            `${percent(verdict.errorRate)} (${verdict.errors} failed)`,
            `≤ ${percent(t.maxErrorRate)}`,
            mark(verdict.errorRate <= t.maxErrorRate),
        ],
        ['p50 latency', ms(verdict.p50Ms), '', ''],
        [
            'p95 latency',
            ms(verdict.p95Ms),
            t.maxP95Ms === undefined ? '' : `≤ ${t.maxP95Ms} ms`,
            t.maxP95Ms === undefined ? '' : mark(p95ok),
        ],
        ['Max latency', ms(verdict.maxMs), '', ''],
        [
            'Consecutive failures',
            run.failFast ? `${run.failFast.consecutive} on ${(0,secrets/* redactUrl */.BO)(run.failFast.url)}` : 'below limit',
            t.failFastAfter > 0 ? `< ${t.failFastAfter}` : 'fail-fast off',
            t.failFastAfter > 0 ? mark(!run.failFast) : '',
        ],
        ['Skipped ticks (previous probe still running)', String(verdict.skippedTicks), '', ''],
    ];
    return (0,markdown/* markdownTable */.Qj)(['Check', 'Value', 'Threshold', 'Result'], rows);
}
/**
 * One xychart per URL. Latency of the probes that succeeded is a bar per tick (the slowest, when ticks are bucketed);
 * a tick where a probe failed or timed out is a full-height bar of its own series instead of a latency, so a timeout cannot pose
 * as a slow response; a tick with no probe has no bar. The x-axis is numeric, so Mermaid picks a few readable
 * ticks however long the watch; max-p95-ms, when set, is a line across.
 */
function latencyChart(url, results, config) {
    const planned = Math.max(1, Math.ceil(config.durationMs / config.intervalMs));
    // After fail-fast the rest of the planned window holds no probes; charting it would flatten the story.
    const lastTick = Math.max(0, ...results.map((r) => Math.round(r.at / config.intervalMs)));
    const ticks = results.length > 0 ? Math.min(planned, lastTick + 1) : planned;
    const perBucket = Math.ceil(ticks / MAX_CHART_POINTS);
    const buckets = Math.ceil(ticks / perBucket);
    const latency = new Array(buckets).fill(0);
    const failed = new Array(buckets).fill(false);
    for (const r of results) {
        const bucket = Math.min(buckets - 1, Math.floor(Math.round(r.at / config.intervalMs) / perBucket));
        if (r.ok)
            latency[bucket] = Math.max(latency[bucket], r.latencyMs);
        else
            failed[bucket] = true;
    }
    const limit = config.thresholds.maxP95Ms;
    const top = Math.ceil(Math.max(10, limit ?? 0, ...latency) * 1.1);
    const bucketMs = perBucket * config.intervalMs;
    const minutes = (buckets - 1) * bucketMs >= 10 * 60_000;
    const unit = minutes ? 60_000 : 1000;
    const span = round(((buckets - 1) * bucketMs) / unit) || 1;
    const title = (0,secrets/* redactUrl */.BO)(url).replace(/"/g, "'");
    return [
        '```mermaid',
        'xychart-beta',
        `  title "${title}"`,
        `  x-axis "${minutes ? 'minutes' : 'seconds'} since start" 0 --> ${span}`,
        `  y-axis "latency (ms)" 0 --> ${top}`,
        `  bar [${latency.map((v, i) => (failed[i] ? 0 : v)).join(', ')}]`,
        `  bar [${failed.map((f) => (f ? top : 0)).join(', ')}]`,
        ...(limit !== undefined ? [`  line [${latency.map(() => limit).join(', ')}]`] : []),
        '```',
    ].join('\n');
}
function round(value) {
    return Math.round(value * 10) / 10;
}

;// CONCATENATED MODULE: ./actions/canary-monitor/run.ts










async function run(context) {
    const config = readCanaryConfig(context.inputs, context.logger, context.baseDir);
    const vercel = await prepareVercel(context, config);
    const result = await probe(context, config);
    const verdict = decideVerdict(result, config.thresholds);
    context.logger.info(`Verdict: ${verdict.healthy ? 'healthy' : 'unhealthy'} — ${verdict.samples} samples, ${verdict.errors} errors ` +
        `(${percent(verdict.errorRate)}), p50 ${verdict.p50Ms ?? '—'}ms, p95 ${verdict.p95Ms ?? '—'}ms`);
    const cancelled = context.signal.aborted;
    const { decision, decisionError } = await decide(context, verdict, vercel);
    context.setOutput('healthy', verdict.healthy && !cancelled);
    context.setOutput('decision', decision.decision);
    context.setOutput('samples', verdict.samples);
    context.setOutput('errors', verdict.errors);
    context.setOutput('error-rate', Number(verdict.errorRate.toFixed(4)));
    context.setOutput('p50-ms', verdict.p50Ms ?? '');
    context.setOutput('p95-ms', verdict.p95Ms ?? '');
    const published = await context.report.publish(renderCanaryReport({ config, run: result, verdict, deployment: vercel?.deployment, decision, decisionError }), { comment: false });
    context.setOutput('report', published.path);
    if (cancelled)
        return { failure: `${decision.detail} (${verdict.samples} probe(s) ran)` };
    if (decisionError)
        return { failure: `the Vercel step failed: ${decisionError}` };
    if (!verdict.healthy && config.failOnUnhealthy) {
        const done = decision.decision === 'rolled-back' ? `; ${decision.detail}` : '';
        return { failure: `unhealthy: ${verdict.reasons.join('; ')}${done}` };
    }
    return {};
}
/** With Vercel inputs: the deployment to watch, created from deploy-dir or looked up, and READY. */
async function prepareVercel(context, config) {
    const { logger } = context;
    const settings = config.vercel;
    if (!settings)
        return undefined;
    const api = new VercelApi({ token: settings.token, apiUrl: settings.apiUrl, teamId: settings.teamId });
    const deployment = await logger.group('Prepare the Vercel deployment', async () => {
        const ready = await prepareDeployment(settings, api, logger);
        logger.info(`Deployment ${ready.id} is READY at https://${ready.url}`);
        return ready;
    });
    context.setOutput('deployment-url', `https://${deployment.url}`);
    if (config.urls.length === 0)
        config.urls = [`https://${deployment.url}`];
    return { settings, api, deployment };
}
async function probe(context, config) {
    const { logger } = context;
    const result = await logger.group('Probe', async () => {
        logger.info(`Probing ${config.urls.map(secrets/* redactUrl */.BO).join(', ')} every ${(0,duration/* formatDuration */.a3)(config.intervalMs)} ` +
            `for ${(0,duration/* formatDuration */.a3)(config.durationMs)}`);
        return monitor({
            urls: config.urls,
            intervalMs: config.intervalMs,
            durationMs: config.durationMs,
            probe: config.probe,
            failFastAfter: config.thresholds.failFastAfter,
        }, {
            onResult: (r) => logger.info([
                `${(0,duration/* formatDuration */.a3)(r.at)} ${(0,secrets/* redactUrl */.BO)(r.url)}:`,
                r.ok ? 'ok' : 'FAILED',
                r.status,
                `${r.latencyMs}ms`,
                r.reason && `— ${r.reason}`,
            ]
                .filter((part) => part !== undefined && part !== '')
                .join(' ')),
            onSkip: (url, at) => logger.warning(`${(0,duration/* formatDuration */.a3)(at)} ${(0,secrets/* redactUrl */.BO)(url)}: tick skipped, the previous probe is still running`),
        }, context.signal);
    });
    if (result.failFast) {
        logger.error(`Stopped early: ${result.failFast.consecutive} consecutive failed probes of ${(0,secrets/* redactUrl */.BO)(result.failFast.url)}`);
    }
    return result;
}
/**
 * Promotes or rolls back on Vercel as the verdict says. A cancelled canary has not seen enough to vouch for the
 * deployment: it never promotes (nor rolls back). A Vercel failure here ends in the report, not a bare exception.
 */
async function decide(context, verdict, vercel) {
    const { logger } = context;
    if (context.signal.aborted) {
        const detail = `${(0,errors/* cancellation */.WN)(context.signal).message}: nothing was promoted or rolled back`;
        return { decision: { decision: 'none', detail } };
    }
    if (!vercel)
        return { decision: { decision: 'none', detail: 'no Vercel inputs: nothing changed' } };
    try {
        const decision = await logger.group('Decide on Vercel', () => applyDecision(verdict.healthy, vercel.settings, vercel.api, vercel.deployment, logger));
        logger.info(decision.detail);
        return { decision };
    }
    catch (error) {
        const decisionError = (0,errors/* errorMessage */.gJ)(error);
        logger.error(decisionError);
        return { decision: { decision: 'none', detail: decisionError }, decisionError };
    }
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


/***/ })

};
