export const id = 943;
export const ids = [943];
export const modules = {

/***/ 84943:
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
// EXTERNAL MODULE: ./actions/lib/catalog/introspect.ts
var introspect = __webpack_require__(6123);
// EXTERNAL MODULE: ./actions/lib/catalog/diff.ts
var diff = __webpack_require__(92195);
// EXTERNAL MODULE: ./actions/lib/catalog/flatten.ts
var flatten = __webpack_require__(84176);
// EXTERNAL MODULE: ./actions/lib/catalog/replay.ts
var replay = __webpack_require__(1067);
;// CONCATENATED MODULE: ./actions/lib/catalog/index.ts






// EXTERNAL MODULE: ./actions/lib/db/postgres.ts
var postgres = __webpack_require__(93570);
// EXTERNAL MODULE: ./actions/lib/errors.ts
var errors = __webpack_require__(32863);
// EXTERNAL MODULE: ./actions/lib/migrations/executor.ts
var executor = __webpack_require__(8109);
;// CONCATENATED MODULE: ./actions/lib/phase.ts
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

// EXTERNAL MODULE: ./actions/lib/project-inputs.ts
var project_inputs = __webpack_require__(51573);
// EXTERNAL MODULE: ./actions/lib/db/client.ts
var db_client = __webpack_require__(92314);
// EXTERNAL MODULE: ./actions/lib/migrations/ledger.ts
var migrations_ledger = __webpack_require__(96605);
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
async function applyChange(client, change, target, hooks = {}) {
    const outcome = { target, baseMs: 0, baseApplied: 0, seeded: false, timings: [], notes: [] };
    // A database that already has a ledger (a preview branch of a migrated database) gets only what it lacks.
    const ledger = await (0,migrations_ledger/* readLedger */.SC)(client, change.ledger);
    const appliedHashes = new Set(ledger.rows.map((r) => r.hash));
    if (ledger.rows.length > 0) {
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
    outcome.failure = await applySeed(client, change.seed, ledger.rows.length === 0, outcome);
    if (outcome.failure)
        return outcome;
    await hooks.beforeNew?.(client);
    await applyAdded(client, ledgerTarget, change.added.filter((m) => !appliedHashes.has(m.hash)), change.policy, outcome, hooks.executor);
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

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
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

// EXTERNAL MODULE: ./actions/lib/migrations/folder.ts + 7 modules
var folder = __webpack_require__(69383);
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

// EXTERNAL MODULE: ./actions/lib/db/pglite.ts
var pglite = __webpack_require__(82212);
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
async function applyOnEmbedded(change, logger, hasDatabaseUrl) {
    const migrations = [...change.base, ...change.added];
    const wanted = (0,migrations_extensions/* extensionsCreatedBy */.u)(migrations.map((m) => m.sql).concat(change.seed ? [change.seed.sql] : []));
    const { extensions, unavailable } = await (0,pglite/* resolveEmbeddedExtensions */.nS)(wanted);
    if (unavailable.length) {
        return {
            phase: skipped(`extension${unavailable.length > 1 ? 's' : ''} ${unavailable.join(', ')} not available in PGlite`),
            findings: [unavailableFinding(unavailable, migrations, hasDatabaseUrl)],
        };
    }
    const bootStarted = performance.now();
    const client = await (0,pglite/* openEmbedded */.fc)({ extensions });
    const bootMs = performance.now() - bootStarted;
    const loaded = Object.keys(extensions);
    logger.info(`PGlite ready in ${Math.round(bootMs)} ms${loaded.length ? ` with ${loaded.join(', ')}` : ''}`);
    const ledgerTable = `${change.ledger.schema}.${change.ledger.table}`;
    try {
        let before;
        const outcome = await applyChange(client, change, 'embedded', {
            beforeNew: async (c) => {
                before = await (0,introspect/* introspect */.q)(c, { excludeTables: [ledgerTable] });
            },
        });
        const after = outcome.failure ? undefined : await (0,introspect/* introspect */.q)(client, { excludeTables: [ledgerTable] });
        logger.info(`base: ${outcome.baseApplied} in ${Math.round(outcome.baseMs)} ms; new: ${outcome.timings.map((t) => `${t.migration.name} ${Math.round(t.durationMs)} ms`).join(', ') || 'none'}`);
        return { phase: done({ outcome, bootMs, before, after }), findings: outcome.failure ? [outcome.failure] : [] };
    }
    finally {
        await client.close();
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
/** Runs a shell command with stdin closed, in its own process group so a time limit kills all of it. */
function runCommand(command, cwd, timeoutMs, env) {
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
        const timer = setTimeout(() => {
            timedOut = true;
            try {
                if (child.pid)
                    process.kill(-child.pid, 'SIGKILL');
            }
            catch {
                // Already gone.
            }
        }, timeoutMs);
        child.on('error', (error) => {
            output += `\n${error.message}`;
        });
        child.on('close', (exitCode) => {
            clearTimeout(timer);
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
        outcome = await runCommand(options.command, options.projectRoot, options.timeoutMs, options.env);
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

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./actions/schema-check/lint/parser.ts



let loaded;
/**
 * PostgreSQL's own parser (libpg-query, compiled to wasm). Like PGlite it is loaded at run time: from dist/libpg-query/
 * in the bundle (its wasm must sit next to its script, which bundling would break), from node_modules in sources.
 */
function loadSqlParser() {
    loaded ??= (async () => {
        const vendored = (0,external_node_path_.join)((0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url)), '..', 'libpg-query', 'index.js');
        const module = ((0,external_node_fs_.existsSync)(vendored)
            ? await import(/* webpackIgnore: true */ (0,external_node_url_.pathToFileURL)(vendored).href)
            : await import(/* webpackIgnore: true */ 'libpg-query'));
        await module.loadModule();
        return module;
    })();
    return loaded;
}

;// CONCATENATED MODULE: ./actions/schema-check/lint/rules.ts
/** Every rule, its default severity and its safe alternative. Ids are what `lint-ignore` and ignore comments name. */
const RULES = {
    'drop-table': {
        severity: 'error',
        alternative: 'Deploy a release that no longer reads or writes the table first, then drop it in a later migration (keep a backup or snapshot).',
    },
    'drop-column': {
        severity: 'error',
        alternative: 'Deploy code that no longer uses the column first (remove it from the Drizzle schema in one release), then drop it in a later migration.',
    },
    'rename-table': {
        severity: 'error',
        alternative: 'Running code still uses the old name: create the new table (or a view with the new name), move code over, then drop the old one later.',
    },
    'rename-column': {
        severity: 'error',
        alternative: 'Running code still uses the old name: add the new column, write to both and backfill, switch reads, then drop the old column in a later release.',
    },
    'alter-column-type': {
        severity: 'error',
        alternative: 'Changing a type rewrites the table under an ACCESS EXCLUSIVE lock. Add a new column with the new type, backfill in batches, switch the code, then drop the old column. Widening varchar(n) to a larger n or to text is safe.',
    },
    'add-not-null-column-without-default': {
        severity: 'error',
        alternative: 'Fails on a table that has rows. Add the column with a DEFAULT, or add it nullable, backfill, then SET NOT NULL.',
    },
    'set-not-null': {
        severity: 'warning',
        alternative: 'SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock. First ADD CONSTRAINT ... CHECK (col IS NOT NULL) NOT VALID, then VALIDATE CONSTRAINT, then SET NOT NULL (PostgreSQL 12+ uses the validated check and skips the scan).',
    },
    'create-index-without-concurrently': {
        severity: 'warning',
        alternative: 'CREATE INDEX blocks writes to the table while it builds. Use CREATE INDEX CONCURRENTLY in a migration whose first line is `-- schema-actions:no-transaction`.',
    },
    'concurrently-in-transaction': {
        severity: 'error',
        alternative: 'Drizzle runs all pending migrations in one transaction, and PostgreSQL refuses CONCURRENTLY inside a transaction. Put the statement alone in a migration whose first line is `-- schema-actions:no-transaction` (applied outside the transaction by migrate-with-telemetry), or drop CONCURRENTLY if the table is small.',
    },
    'add-foreign-key-without-not-valid': {
        severity: 'warning',
        alternative: 'Adding a foreign key checks every row while locking both tables. Add it with NOT VALID, then run ALTER TABLE ... VALIDATE CONSTRAINT in a later migration.',
    },
    'add-check-without-not-valid': {
        severity: 'warning',
        alternative: 'Adding a CHECK scans the table under an ACCESS EXCLUSIVE lock. Add it with NOT VALID, then VALIDATE CONSTRAINT in a later migration.',
    },
    'add-unique-constraint': {
        severity: 'warning',
        alternative: 'Adding a UNIQUE or PRIMARY KEY constraint builds its index while blocking writes. CREATE UNIQUE INDEX CONCURRENTLY first (no-transaction migration), then ADD CONSTRAINT ... UNIQUE USING INDEX.',
    },
    'drop-type': {
        severity: 'warning',
        alternative: 'Make sure no running code or column still uses the type; drop it in a release after the code stopped using it.',
    },
    truncate: {
        severity: 'error',
        alternative: 'TRUNCATE deletes every row in every environment. Delete data deliberately with a WHERE clause, or move it aside first.',
    },
    'delete-without-where': {
        severity: 'error',
        alternative: 'A DELETE without WHERE empties the table in every environment. Add a WHERE clause naming the rows to delete.',
    },
    'update-without-where': {
        severity: 'warning',
        alternative: 'An UPDATE without WHERE rewrites every row in one transaction, locking them all. Add a WHERE clause, or backfill in batches outside the migration.',
    },
};
function isRuleId(id) {
    return Object.prototype.hasOwnProperty.call(RULES, id);
}
function qualified(relation) {
    return `${relation?.schemaname ?? 'public'}.${relation?.relname ?? '?'}`;
}
function nameOf(node) {
    if ('String' in node)
        return node.String.sval ?? '';
    if ('TypeName' in node)
        return (node.TypeName.names ?? []).map(nameOf).join('.');
    if ('List' in node)
        return (node.List.items ?? []).map(nameOf).join('.');
    return '?';
}
function constraintsOf(column) {
    return (column.constraints ?? []).flatMap((c) => ('Constraint' in c ? [c.Constraint] : []));
}
/** The new type's base name and numeric modifiers, e.g. varchar [50]. */
function typeParts(type) {
    const names = (type?.names ?? []).map(nameOf);
    const mods = (type?.typmods ?? []).map((m) => ('A_Const' in m ? Number(m.A_Const.ival?.ival ?? 0) : NaN));
    return { name: names[names.length - 1] ?? '', mods };
}
/** format_type text of the old type → base name and modifiers: `character varying(255)` → varchar [255]. */
function oldTypeParts(text) {
    const match = text.match(/^([a-z ]+?)\s*(?:\(([\d,\s]+)\))?$/i);
    const base = (match?.[1] ?? text).toLowerCase();
    const aliases = { 'character varying': 'varchar', character: 'bpchar', integer: 'int4' };
    const mods = match?.[2] ? match[2].split(',').map((n) => Number(n.trim())) : [];
    return { name: aliases[base] ?? base, mods };
}
/** Type changes PostgreSQL makes without rewriting the table or rechecking rows. */
function isSafeWidening(oldType, newType, hasUsing) {
    if (!oldType || hasUsing)
        return false;
    const from = oldTypeParts(oldType);
    const to = typeParts(newType);
    if (from.name === 'varchar' || from.name === 'text') {
        if (to.name === 'text')
            return true;
        if (to.name === 'varchar')
            return to.mods.length === 0 || (from.name === 'varchar' && from.mods.length > 0 && to.mods[0] >= from.mods[0]);
    }
    if (from.name === 'numeric' && to.name === 'numeric') {
        if (to.mods.length === 0)
            return true;
        const [p1 = 0, s1 = 0] = from.mods;
        const [p2 = 0, s2 = 0] = to.mods;
        return from.mods.length > 0 && s2 === s1 && p2 >= p1;
    }
    return from.name === 'cidr' && to.name === 'inet';
}
function alterTableViolations(stmt, context) {
    if (stmt.objtype && stmt.objtype !== 'OBJECT_TABLE')
        return [];
    const table = qualified(stmt.relation);
    if (context.isNewTable(table))
        return [];
    const out = [];
    for (const node of stmt.cmds ?? []) {
        if (!('AlterTableCmd' in node))
            continue;
        out.push(...alterCommandViolations(node.AlterTableCmd, table, context));
    }
    return out;
}
function alterCommandViolations(cmd, table, context) {
    const column = cmd.name ?? '';
    switch (cmd.subtype) {
        case 'AT_DropColumn':
            return [
                {
                    rule: 'drop-column',
                    message: `drops column ${table}.${column}; running code that still selects or writes it breaks`,
                },
            ];
        case 'AT_AlterColumnType': {
            const def = cmd.def && 'ColumnDef' in cmd.def ? cmd.def.ColumnDef : undefined;
            const oldType = context.columnType(table, column);
            if (isSafeWidening(oldType, def?.typeName, !!def?.raw_default))
                return [];
            const newType = typeParts(def?.typeName);
            const to = `${newType.name}${newType.mods.length ? `(${newType.mods.join(',')})` : ''}`;
            return [
                {
                    rule: 'alter-column-type',
                    message: `changes the type of ${table}.${column}${oldType ? ` from ${oldType}` : ''} to ${to}, which rewrites the table (or rechecks every row) under an ACCESS EXCLUSIVE lock`,
                },
            ];
        }
        case 'AT_AddColumn': {
            const def = cmd.def && 'ColumnDef' in cmd.def ? cmd.def.ColumnDef : undefined;
            if (!def)
                return [];
            const constraints = constraintsOf(def);
            const notNull = def.is_not_null || constraints.some((c) => c.contype === 'CONSTR_NOTNULL' || c.contype === 'CONSTR_PRIMARY');
            const filled = constraints.some((c) => ['CONSTR_DEFAULT', 'CONSTR_IDENTITY', 'CONSTR_GENERATED'].includes(c.contype ?? '')) ||
                /serial$/i.test(typeParts(def.typeName).name);
            if (!notNull || filled)
                return [];
            return [
                {
                    rule: 'add-not-null-column-without-default',
                    message: `adds NOT NULL column ${table}.${def.colname ?? '?'} without a default; it fails on any environment where ${table} has rows`,
                },
            ];
        }
        case 'AT_SetNotNull':
            return [
                {
                    rule: 'set-not-null',
                    message: `sets ${table}.${column} NOT NULL, scanning the whole table under an ACCESS EXCLUSIVE lock`,
                },
            ];
        case 'AT_AddConstraint': {
            const constraint = cmd.def && 'Constraint' in cmd.def ? cmd.def.Constraint : undefined;
            if (!constraint)
                return [];
            const name = constraint.conname ? ` ${constraint.conname}` : '';
            if (constraint.contype === 'CONSTR_FOREIGN' && !constraint.skip_validation) {
                return [
                    {
                        rule: 'add-foreign-key-without-not-valid',
                        message: `adds foreign key${name} on ${table} without NOT VALID: every row is checked while ${table} and ${qualified(constraint.pktable)} are locked`,
                    },
                ];
            }
            if (constraint.contype === 'CONSTR_CHECK' && !constraint.skip_validation) {
                return [
                    {
                        rule: 'add-check-without-not-valid',
                        message: `adds check constraint${name} on ${table} without NOT VALID: the whole table is scanned under lock`,
                    },
                ];
            }
            if ((constraint.contype === 'CONSTR_UNIQUE' || constraint.contype === 'CONSTR_PRIMARY') &&
                !constraint.indexname) {
                const kind = constraint.contype === 'CONSTR_UNIQUE' ? 'unique' : 'primary key';
                return [
                    {
                        rule: 'add-unique-constraint',
                        message: `adds ${kind} constraint${name} on ${table}, building its index while writes are blocked`,
                    },
                ];
            }
            return [];
        }
        default:
            return [];
    }
}
function isConcurrentReindex(params) {
    return (params ?? []).some((p) => 'DefElem' in p && p.DefElem.defname === 'concurrently');
}
/** The rule violations of one parsed statement. */
function statementViolations(node, context) {
    const concurrently = (what) => context.noTransaction
        ? []
        : [
            {
                rule: 'concurrently-in-transaction',
                message: `${what} CONCURRENTLY cannot run inside a transaction block, and Drizzle runs every pending migration in one transaction: this migration fails when deployed`,
            },
        ];
    if ('IndexStmt' in node) {
        const stmt = node.IndexStmt;
        const table = qualified(stmt.relation);
        if (stmt.concurrent)
            return concurrently('CREATE INDEX');
        if (context.isNewTable(table))
            return [];
        return [
            {
                rule: 'create-index-without-concurrently',
                message: `creates index ${stmt.idxname ?? ''} on existing table ${table} without CONCURRENTLY, blocking writes while it builds`.replace('  ', ' '),
            },
        ];
    }
    if ('DropStmt' in node) {
        const stmt = node.DropStmt;
        const objects = (stmt.objects ?? []).map(nameOf);
        if (stmt.concurrent)
            return concurrently('DROP INDEX');
        if (stmt.removeType === 'OBJECT_TABLE') {
            return objects
                .map((o) => (o.includes('.') ? o : `public.${o}`))
                .filter((o) => !context.isNewTable(o))
                .map((o) => ({ rule: 'drop-table', message: `drops table ${o} and all its data` }));
        }
        if (stmt.removeType === 'OBJECT_TYPE') {
            return [{ rule: 'drop-type', message: `drops type ${objects.join(', ')}` }];
        }
        return [];
    }
    if ('ReindexStmt' in node)
        return isConcurrentReindex(node.ReindexStmt.params) ? concurrently('REINDEX') : [];
    if ('RenameStmt' in node) {
        const stmt = node.RenameStmt;
        const table = qualified(stmt.relation);
        if (context.isNewTable(table))
            return [];
        if (stmt.renameType === 'OBJECT_TABLE') {
            return [
                {
                    rule: 'rename-table',
                    message: `renames table ${table} to ${stmt.newname}; running code that uses the old name breaks`,
                },
            ];
        }
        if (stmt.renameType === 'OBJECT_COLUMN') {
            return [
                {
                    rule: 'rename-column',
                    message: `renames column ${table}.${stmt.subname} to ${stmt.newname}; running code that uses the old name breaks`,
                },
            ];
        }
        return [];
    }
    if ('AlterTableStmt' in node)
        return alterTableViolations(node.AlterTableStmt, context);
    if ('TruncateStmt' in node) {
        const tables = (node.TruncateStmt.relations ?? []).flatMap((r) => ('RangeVar' in r ? [qualified(r.RangeVar)] : []));
        return [{ rule: 'truncate', message: `truncates ${tables.join(', ')}, deleting every row` }];
    }
    if ('DeleteStmt' in node) {
        const stmt = node.DeleteStmt;
        const table = qualified(stmt.relation);
        if (stmt.whereClause || context.isNewTable(table))
            return [];
        return [{ rule: 'delete-without-where', message: `deletes every row of ${table}` }];
    }
    if ('UpdateStmt' in node) {
        const stmt = node.UpdateStmt;
        const table = qualified(stmt.relation);
        if (stmt.whereClause || context.isNewTable(table))
            return [];
        return [{ rule: 'update-without-where', message: `updates every row of ${table} in one transaction` }];
    }
    return [];
}
/** Tables a statement creates (CREATE TABLE, CREATE TABLE AS). */
function tablesCreated(node) {
    if ('CreateStmt' in node)
        return [qualified(node.CreateStmt.relation)];
    if ('CreateTableAsStmt' in node)
        return [qualified(node.CreateTableAsStmt.into?.rel)];
    return [];
}

// EXTERNAL MODULE: ./actions/lib/migrations/chunks.ts
var chunks = __webpack_require__(57866);
;// CONCATENATED MODULE: ./actions/schema-check/lint/statements.ts

/** Skips whitespace and comments from `offset`, so a statement's line is that of its first keyword. */
function skipTrivia(sql, offset) {
    let i = offset;
    for (;;) {
        while (i < sql.length && /\s/.test(sql[i]))
            i++;
        if (sql.startsWith('--', i)) {
            const end = sql.indexOf('\n', i);
            i = end === -1 ? sql.length : end + 1;
        }
        else if (sql.startsWith('/*', i)) {
            const end = sql.indexOf('*/', i + 2);
            i = end === -1 ? sql.length : end + 2;
        }
        else {
            return i;
        }
    }
}
/** libpg-query reports UTF-8 byte offsets; JavaScript strings count UTF-16 units. */
function charOffset(bytes, byteOffset) {
    return bytes.subarray(0, byteOffset).toString('utf8').length;
}
/** Every statement of a migration, parsed by PostgreSQL's parser, with the file line it starts on. */
async function parseMigration(parser, migration) {
    const statements = [];
    const failures = [];
    for (const chunk of migration.chunks) {
        let result;
        try {
            result = await parser.parse(chunk.sql);
        }
        catch (error) {
            const cursor = error.sqlDetails?.cursorPosition;
            failures.push({
                migration,
                line: cursor !== undefined && cursor >= 0 ? (0,chunks/* lineOfPosition */.DR)(chunk, cursor + 1) : chunk.line,
                message: error.message,
            });
            continue;
        }
        const bytes = Buffer.from(chunk.sql, 'utf8');
        for (const raw of result.stmts ?? []) {
            if (!raw.stmt)
                continue;
            const from = charOffset(bytes, raw.stmt_location ?? 0);
            const to = raw.stmt_len ? charOffset(bytes, (raw.stmt_location ?? 0) + raw.stmt_len) : chunk.sql.length;
            const start = skipTrivia(chunk.sql, from);
            statements.push({
                migration,
                line: (0,chunks/* lineOfPosition */.DR)(chunk, start + 1),
                node: raw.stmt,
                text: chunk.sql.slice(start, to).trim(),
            });
        }
    }
    return { statements, failures };
}

;// CONCATENATED MODULE: ./actions/schema-check/lint/index.ts




const IGNORE_COMMENT = /^\s*--\s*schema-check:ignore\s+([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*(.*)$/i;
/** The `-- schema-check:ignore` comments in the run of comment lines right above a statement. */
function ignoreCommentsAbove(lines, statementLine) {
    const found = [];
    for (let index = statementLine - 2; index >= 0; index--) {
        const text = lines[index].trim();
        if (!text.startsWith('--') || text.startsWith('-->'))
            break;
        const match = text.match(IGNORE_COMMENT);
        if (match)
            found.push({ rules: match[1].split(',').map((r) => r.trim()), reason: match[2].trim(), line: index + 1 });
    }
    return found;
}
/** Lints the change's new migrations with PostgreSQL's own parser. */
async function lintMigrations(migrations, options) {
    const parser = await loadSqlParser();
    const ignored = new Set(options.ignore);
    const findings = [];
    const suppressed = [];
    for (const rule of options.ignore) {
        if (!isRuleId(rule)) {
            findings.push({
                check: 'lint',
                rule: 'unknown-rule',
                severity: 'warning',
                message: `lint-ignore names "${rule}", which is not a rule; known rules: ${Object.keys(RULES).join(', ')}`,
            });
        }
    }
    const parsed = [];
    for (const migration of migrations) {
        const { statements, failures } = await parseMigration(parser, migration);
        parsed.push(...statements);
        for (const failure of failures) {
            findings.push({
                check: 'lint',
                rule: 'syntax-error',
                severity: 'error',
                migration: migration.name,
                file: migration.file,
                line: failure.line,
                message: `PostgreSQL's parser rejects this statement: ${failure.message}`,
            });
        }
    }
    const created = new Set(parsed.flatMap((s) => tablesCreated(s.node)));
    for (const statement of parsed) {
        const { migration } = statement;
        const violations = statementViolations(statement.node, {
            isNewTable: (table) => created.has(table),
            noTransaction: migration.noTransaction,
            columnType: (table, column) => options.columnType?.(table, column),
        });
        if (violations.length === 0)
            continue;
        const lines = migration.sql.split('\n');
        const comments = ignoreCommentsAbove(lines, statement.line);
        for (const violation of violations) {
            if (ignored.has(violation.rule))
                continue;
            const comment = comments.find((c) => c.rules.includes(violation.rule));
            if (comment?.reason) {
                suppressed.push({ rule: violation.rule, file: migration.file, line: statement.line, reason: comment.reason });
                continue;
            }
            findings.push(toFinding(violation.rule, violation.message, statement));
            if (comment) {
                findings.push({
                    check: 'lint',
                    rule: 'ignore-without-reason',
                    severity: 'warning',
                    migration: migration.name,
                    file: migration.file,
                    line: comment.line,
                    message: `\`-- schema-check:ignore ${violation.rule}\` needs a reason after the rule id, so reviewers know why it is safe here; it was not applied`,
                });
            }
        }
    }
    return { findings, suppressed, statements: parsed.length };
}
function toFinding(rule, message, statement) {
    return {
        check: 'lint',
        rule,
        severity: RULES[rule].severity,
        migration: statement.migration.name,
        file: statement.migration.file,
        line: statement.line,
        message: `${statement.migration.name}: ${message}`,
        alternative: RULES[rule].alternative,
    };
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

// EXTERNAL MODULE: ./actions/lib/duration.ts
var duration = __webpack_require__(41428);
// EXTERNAL MODULE: ./actions/lib/markdown.ts
var markdown = __webpack_require__(94269);
;// CONCATENATED MODULE: ./actions/schema-check/changes.ts

/** Tables touched by the differences: added, removed, or with a changed column, constraint, index, policy… */
function changedTables(differences) {
    const tables = new Set();
    for (const d of differences) {
        if (d.objectType === 'table')
            tables.add(d.object);
        else if (d.table)
            tables.add(d.table);
    }
    return [...tables].sort();
}
function renderChangesTable(differences) {
    return (0,markdown/* markdownTable */.Q)(['change', 'object', 'name', 'before', 'after'], differences.map((d) => [d.change, d.objectType, `\`${d.object}\``, clip(d.from), clip(d.to)]));
}
function clip(text, max = 160) {
    if (!text)
        return '';
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
function entityName(qualified) {
    const name = qualified.startsWith('public.') ? qualified.slice('public.'.length) : qualified;
    return name.replace(/[^A-Za-z0-9_]/g, '_');
}
function attributeType(type) {
    return type.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_|_$/g, '') || 'unknown';
}
function findTable(catalog, qualified) {
    return catalog.tables.find((t) => `${t.schema}.${t.name}` === qualified);
}
const REFERENCES = /FOREIGN KEY \(([^)]*)\) REFERENCES ([^\s(]+)\s*\(/i;
/**
 * A Mermaid ER diagram of the changed tables as they are after the change (removed tables as they were), each
 * column marked with what happened to it, and the foreign keys between them.
 */
function renderErDiagram(before, after, differences) {
    const tables = changedTables(differences);
    if (tables.length === 0)
        return '';
    const columnChange = new Map();
    for (const d of differences)
        if (d.objectType === 'column')
            columnChange.set(d.object, d.change);
    const lines = ['erDiagram'];
    const relations = [];
    for (const qualified of tables) {
        const table = findTable(after, qualified) ?? findTable(before, qualified);
        if (!table)
            continue;
        const tableChange = differences.find((d) => d.objectType === 'table' && d.object === qualified)?.change;
        const primary = new Set(table.constraints
            .filter((c) => c.kind === 'primary-key')
            .flatMap((c) => (c.definition.match(/\(([^)]*)\)/)?.[1] ?? '').split(',').map((n) => n.trim().replace(/"/g, ''))));
        const foreign = new Set();
        for (const constraint of table.constraints.filter((c) => c.kind === 'foreign-key')) {
            const match = constraint.definition.match(REFERENCES);
            if (!match)
                continue;
            match[1].split(',').forEach((n) => foreign.add(n.trim().replace(/"/g, '')));
            const target = match[2].replace(/"/g, '');
            const targetQualified = target.includes('.') ? target : `public.${target}`;
            relations.push(`  ${entityName(targetQualified)} ||--o{ ${entityName(qualified)} : "${constraint.name}"`);
        }
        const removedColumns = (findTable(before, qualified)?.columns ?? []).filter((c) => columnChange.get(`${qualified}.${c.name}`) === 'removed');
        lines.push(`  ${entityName(qualified)} {`);
        for (const column of [...table.columns, ...(table === findTable(after, qualified) ? removedColumns : [])]) {
            const keys = [primary.has(column.name) && 'PK', foreign.has(column.name) && 'FK'].filter(Boolean).join(',');
            const change = tableChange ?? columnChange.get(`${qualified}.${column.name}`);
            const comment = change ? ` "${change}"` : '';
            lines.push(`    ${attributeType(column.type)} ${column.name.replace(/[^A-Za-z0-9_]/g, '_')}${keys ? ` ${keys}` : ''}${comment}`);
        }
        lines.push('  }');
    }
    lines.push(...new Set(relations));
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./actions/schema-check/report.ts




const ICON = { passed: '✅', failed: '❌', warning: '⚠️', skipped: '⏭️' };
function stateOf(findings, check, lintFails) {
    const mine = findings.filter((f) => f.check === check);
    const failing = lintFails ? mine.filter(lintFails) : mine.filter((f) => f.severity === 'error');
    if (failing.length)
        return 'failed';
    return mine.length ? 'warning' : 'passed';
}
function where(f) {
    if (!f.file)
        return '';
    return f.line ? `\`${f.file}:${f.line}\`` : `\`${f.file}\``;
}
function ms(value) {
    return (0,duration/* formatDuration */.a3)(value);
}
function renderReport(r, lintFails) {
    const count = r.added.length;
    const sections = [
        [
            `## Schema check ${r.passed ? '✅ passed' : '❌ failed'}`,
            '',
            `${count} new migration${count === 1 ? '' : 's'} in \`${r.set.displayDir}\` (${r.set.layout} layout) compared with \`${r.base.sha.slice(0, 12)}\` (${r.base.source}); ${ms(r.durationMs)}.`,
            '',
        ],
        problemsSection(r.findings, lintFails),
        [(0,markdown/* markdownTable */.Q)(['check', 'result'], checkRows(r, lintFails)), ''],
        generateSection(r),
        newMigrationsSection(r),
        lintSection(dataOf(r.lint)),
        changesSection(r.changes),
        notesSection(r),
    ];
    return sections.flat().join('\n');
}
/** Every finding that fails the check, errors first, lint included: what a reviewer must read first. */
function problemsSection(findings, lintFails) {
    const fails = (f) => (f.check === 'lint' ? lintFails(f) : f.severity === 'error');
    const shown = findings
        .filter((f) => fails(f) || f.check !== 'lint')
        .sort((a, b) => Number(fails(b)) - Number(fails(a)));
    if (!shown.length)
        return [];
    return [
        '### Problems',
        '',
        (0,markdown/* markdownTable */.Q)(['severity', 'rule', 'where', 'what', 'fix'], shown.map((f) => [fails(f) ? 'error' : f.severity, f.rule, where(f), f.message, f.alternative ?? ''])),
        '',
    ];
}
function checkRows(r, lintFails) {
    const row = (label, check, ok) => [
        `${ICON[stateOf(r.findings, check, check === 'lint' ? lintFails : undefined)]} ${label}`,
        summarise(r.findings, check, ok),
    ];
    const skippedRow = (label, reason) => [`${ICON.skipped} ${label}`, reason];
    const embedded = dataOf(r.embedded);
    const database = dataOf(r.database);
    const lint = dataOf(r.lint);
    const changes = dataOf(r.changes);
    return [
        row('Folder integrity', 'integrity', 'journal, files and snapshots agree'),
        row('Order against base', 'order', 'new migrations come after every base migration'),
        r.generate.status === 'done'
            ? row('Generated and committed', 'generate', `\`${r.generate.data.command}\` writes nothing new`)
            : skippedRow('Generated and committed', r.generate.reason),
        embedded
            ? applyRow('Apply on embedded PostgreSQL (PGlite)', embedded.outcome, embedded.bootMs)
            : skippedRow('Apply on embedded PostgreSQL (PGlite)', r.embedded.status === 'skipped' ? r.embedded.reason : ''),
        ...(database ? [applyRow('Apply on database-url', database)] : []),
        lint
            ? [
                `${ICON[stateOf(r.findings, 'lint', lintFails)]} Lint`,
                `${lint.statements} statement(s): ${lint.findings.filter((f) => f.severity === 'error').length} error(s), ${lint.findings.filter((f) => f.severity !== 'error').length} warning(s), ${lint.suppressed.length} ignored by comment; fail-on: ${r.failOn}`,
            ]
            : skippedRow('Lint', r.lint.status === 'skipped' ? r.lint.reason : ''),
        changes
            ? ['ℹ️ What changes', `${changes.differences.length} structural difference(s)`]
            : skippedRow('What changes', r.changes.status === 'skipped' ? r.changes.reason : ''),
    ];
}
function applyRow(label, outcome, bootMs) {
    if (outcome.failure)
        return [`${ICON.failed} ${label}`, outcome.failure.message];
    const total = outcome.timings.reduce((sum, t) => sum + t.durationMs, 0);
    const boot = bootMs !== undefined ? `ready in ${ms(bootMs)}; ` : '';
    return [
        `${ICON.passed} ${label}`,
        `${boot}${outcome.baseApplied} base migration(s) in ${ms(outcome.baseMs)}${outcome.seeded ? ', seed' : ''}, then ${outcome.timings.length} new in ${ms(total)}`,
    ];
}
function generateSection(r) {
    const generate = dataOf(r.generate);
    if (!generate)
        return [];
    const out = [];
    if (generate.changed.length) {
        out.push('### What `generate` wrote (not committed)', '');
        out.push(`\`${generate.command}\` changed these files; the work tree was restored afterwards. Commit them:`, '');
        for (const file of generate.changed)
            out.push(`- \`${file.file}\` (${file.change})`);
        out.push('');
        for (const file of generate.changed.filter((f) => f.sql !== undefined)) {
            out.push(`<details open><summary><code>${file.file}</code></summary>`, '', (0,markdown/* codeBlock */.D)(file.sql, 'sql'), '', '</details>', '');
        }
    }
    if (r.findings.some((f) => f.rule === 'generate-failed' || f.rule === 'generate-needs-answer')) {
        out.push('<details><summary>generate output</summary>', '', (0,markdown/* codeBlock */.D)(generate.output.slice(-4000)), '', '</details>', '');
    }
    return out;
}
function newMigrationsSection(r) {
    if (!r.added.length)
        return [];
    const embedded = new Map(dataOf(r.embedded)?.outcome.timings.map((t) => [t.migration.name, t.durationMs]));
    const database = dataOf(r.database);
    const onDatabase = new Map(database?.timings.map((t) => [t.migration.name, t.durationMs]));
    const time = (timings, name) => (timings.has(name) ? ms(timings.get(name)) : '—');
    return [
        '### New migrations',
        '',
        (0,markdown/* markdownTable */.Q)(['migration', 'file', 'embedded apply', ...(database ? ['database-url apply'] : [])], r.added.map((m) => [
            m.name,
            `\`${m.file}\``,
            time(embedded, m.name),
            ...(database ? [time(onDatabase, m.name)] : []),
        ])),
        '',
    ];
}
function lintSection(lint) {
    if (!lint || (!lint.findings.length && !lint.suppressed.length))
        return [];
    const out = ['### Lint', ''];
    if (lint.findings.length) {
        out.push((0,markdown/* markdownTable */.Q)(['severity', 'rule', 'where', 'finding', 'safe alternative'], lint.findings.map((f) => [f.severity, f.rule, where(f), f.message, f.alternative ?? ''])), '');
    }
    if (lint.suppressed.length) {
        out.push('Ignored by `-- schema-check:ignore` comments:', '');
        out.push((0,markdown/* markdownTable */.Q)(['rule', 'where', 'reason'], lint.suppressed.map((s) => [s.rule, `\`${s.file}:${s.line}\``, s.reason])), '');
    }
    return out;
}
function changesSection(phase) {
    const changes = dataOf(phase);
    if (!changes)
        return [];
    if (changes.differences.length === 0) {
        return ['### What changes', '', 'No structural change to tables, columns, indexes, constraints or enums.', ''];
    }
    const diagram = renderErDiagram(changes.before, changes.after, changes.differences);
    return [
        '### What changes',
        '',
        renderChangesTable(changes.differences),
        '',
        ...(diagram ? [(0,markdown/* codeBlock */.D)(diagram, 'mermaid'), ''] : []),
    ];
}
function notesSection(r) {
    const outcomes = [dataOf(r.embedded)?.outcome, dataOf(r.database)].filter((o) => !!o);
    return outcomes.flatMap((o) => o.notes.flatMap((note) => [`> ${o.target}: ${note}`, '']));
}
function summarise(findings, check, ok) {
    const mine = findings.filter((f) => f.check === check);
    if (!mine.length)
        return ok;
    return mine.map((f) => f.message).join('<br>');
}

;// CONCATENATED MODULE: ./actions/schema-check/run.ts
















const FAIL_ON = ['error', 'warning', 'never'];
async function run(context) {
    const started = performance.now();
    const options = readOptions(context);
    const project = await readProject(context);
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
    const generate = options.generate
        ? done(await generatePhase(context, project, options.generateTimeoutMs))
        : skipped('generate: false');
    const embedded = await context.logger.group('Apply on embedded PostgreSQL (PGlite)', () => applyOnEmbedded(toApply, context.logger, options.databaseUrl !== undefined));
    const database = options.databaseUrl
        ? done(await databasePhase(context, options.databaseUrl, toApply))
        : skipped('no database-url');
    const before = dataOf(embedded.phase)?.before;
    const lint = options.lint
        ? done(await lintPhase(context, change, options, before))
        : skipped('lint: false');
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
        }),
        failOn: options.failOn,
        generate,
        embedded: embedded.phase,
        database,
        lint,
        changes: whatChanges(before, dataOf(embedded.phase)?.after),
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
        databaseUrl: inputs.optional('database-url'),
        transaction: (0,project_inputs/* readTransactionPolicy */.$N)(context),
    };
}
async function readProject(context) {
    return context.logger.group('Read migrations', async () => {
        const project = (0,project_inputs/* loadProject */.gi)(context);
        const { set } = project;
        context.logger.info(`${set.migrations.length} migrations in ${set.displayDir} (${set.layout} layout)`);
        return project;
    });
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
async function generatePhase(context, project, timeoutMs) {
    const { inputs, logger } = context;
    const configInput = inputs.string('drizzle-config') || 'drizzle.config.ts';
    const command = inputs.optional('generate-command') ?? `npx drizzle-kit generate --config ${shellQuote(configInput)}`;
    return logger.group('Generate (must write nothing)', async () => {
        const result = await runGenerate({
            command,
            projectRoot: project.projectRoot,
            migrationsDir: project.set.dir,
            timeoutMs,
            env: context.env,
        });
        logger.info(result.output.trim());
        logger.info(`${command}: exit code ${result.exitCode}, ${result.changed.length} file(s) written, work tree restored`);
        return result;
    });
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
        const columns = columnTypes(before);
        const result = await lintMigrations(change.added, {
            ignore: options.lintIgnore,
            columnType: (table, column) => columns.get(`${table}.${column}`),
        });
        context.logger.info(`${result.statements} statement(s), ${result.findings.length} finding(s), ${result.suppressed.length} ignored by comment`);
        return result;
    });
}
function whatChanges(before, after) {
    if (!before || !after)
        return skipped('needs a successful apply on the embedded database');
    return done({ before, after, differences: (0,diff/* diffCatalogs */.U)(before, after) });
}
/** Every finding of every phase, in the order the report lists the checks. */
function collectFindings(project, change, options, phases) {
    const integrity = integrityFindings(project.set.problems, phases.inherited);
    const refusal = (0,executor/* plan */.et)(change.added, options.transaction).refusal;
    const databaseFailure = dataOf(phases.database)?.failure;
    const generated = dataOf(phases.generate);
    return [
        ...integrity,
        ...change.findings,
        ...(generated ? generateFindings(generated) : []),
        ...(refusal ? [refusalFinding(refusal)] : []),
        ...phases.embedded,
        ...(databaseFailure ? [databaseFailure] : []),
        ...(dataOf(phases.lint)?.findings ?? []),
    ];
}
/** Decides the verdict, annotates, publishes the report and sets the outputs. */
async function conclude(context, report, options, started) {
    const lintFails = (f) => f.check === 'lint' && (options.failOn === 'warning' || (options.failOn === 'error' && f.severity === 'error'));
    const failing = report.findings.filter((f) => (f.check === 'lint' ? lintFails(f) : f.severity === 'error'));
    report.passed = failing.length === 0;
    report.durationMs = performance.now() - started;
    for (const finding of report.findings)
        annotate(context, finding);
    const published = await context.report.publish(renderReport(report, lintFails));
    context.setOutput('result', report.passed ? 'passed' : 'failed');
    context.setOutput('new-migrations', report.added.map((m) => m.name));
    context.setOutput('findings', report.findings.map((f) => ({ ...f, file: f.file && context.logger.repositoryPath(f.file) })));
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
