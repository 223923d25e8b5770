export const id = 412;
export const ids = [412];
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

/***/ 39412:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./actions/lib/db/postgres.ts
var postgres = __webpack_require__(93570);
// EXTERNAL MODULE: ./actions/lib/migrations/executor.ts
var executor = __webpack_require__(8109);
// EXTERNAL MODULE: ./actions/lib/migrations/ledger.ts
var migrations_ledger = __webpack_require__(96605);
// EXTERNAL MODULE: ./actions/lib/migrations/verify.ts
var verify = __webpack_require__(72453);
// EXTERNAL MODULE: ./actions/lib/project.ts
var lib_project = __webpack_require__(92647);
// EXTERNAL MODULE: ./actions/lib/markdown.ts
var markdown = __webpack_require__(94269);
;// CONCATENATED MODULE: ./actions/status/report.ts


function renderStatusReport(set, ledger, state, next) {
    const lines = ['## Migration status', ''];
    const verdict = state.problems.length
        ? `❌ ${state.problems.length} problem(s)`
        : state.pending.length
            ? `⏳ ${state.pending.length} pending`
            : '✅ up to date';
    lines.push(`${verdict} — ${state.applied.length} applied, ${state.pending.length} pending, in \`${set.displayDir}\` (${set.layout} layout), ledger \`${ledger.schema}.${ledger.table}\`.`, '');
    if (state.problems.length) {
        lines.push('### Problems', '');
        lines.push((0,verify/* ledgerProblemsTable */.i)(state.problems), '');
    }
    if (state.pending.length) {
        lines.push('### Pending', '', planSentence(state.pending.length, next), '');
        lines.push((0,markdown/* markdownTable */.Qj)(['migration', 'file', 'created'], state.pending.map((m) => [m.name, m.file, iso(m.createdAt)])), '');
    }
    lines.push('### Applied', '');
    if (state.applied.length === 0) {
        lines.push('Nothing applied yet.', '');
    }
    else {
        lines.push((0,markdown/* markdownTable */.Qj)(['#', 'migration', 'created (ledger `created_at`)', 'applied at'], state.applied.map(({ row, migration }) => [
            String(row.id),
            migration?.name ?? row.name ?? '(file missing)',
            row.createdAt === null ? '' : iso(row.createdAt),
            // drizzle-orm 0.x records no application time; 1.x does (and leaves it empty for upgraded rows).
            row.appliedAt ? row.appliedAt.toISOString() : 'not recorded',
        ])), '');
    }
    return lines.join('\n');
}
/** How migrate-with-telemetry would run the pending migrations with the same `transaction` input. */
function planSentence(pending, next) {
    if (next.plan.refusal) {
        return `❌ With transaction: ${next.policy}, migrate would apply nothing: ${next.plan.refusal.message}; ${next.plan.refusal.fix}.`;
    }
    const outside = next.plan.batches.filter((b) => !b.transactional).length;
    if (next.policy === 'all')
        return `With transaction: all, migrate applies these ${pending} in one transaction.`;
    return `With transaction: each, migrate applies these ${pending} one transaction per migration${outside ? ` (${outside} outside a transaction)` : ''}.`;
}
function iso(ms) {
    return new Date(ms).toISOString();
}

;// CONCATENATED MODULE: ./actions/status/run.ts






async function run(context) {
    const { inputs, logger } = context;
    const url = inputs.required('database-url');
    (0,postgres/* validatePostgresUrl */.$1)(url);
    const failOnProblems = inputs.boolean('fail-on-problems');
    const policy = (0,lib_project/* readTransactionPolicy */.$)(inputs);
    const project = await (0,lib_project/* readProject */.W)(context);
    const state = await readState(context, url, project);
    // The plan migrate-with-telemetry would run with the same transaction input.
    const planned = (0,executor/* plan */.et)(state.pending, policy);
    // Folder problems do not change what is applied; status shows them, schema-check is where they fail a build.
    for (const problem of project.set.problems)
        logger.warning(problem.message, problem);
    for (const problem of state.problems)
        logger.error(problem.message, problem);
    if (planned.refusal) {
        logger.error(`${planned.refusal.message}; ${planned.refusal.fix}`, {
            file: planned.refusal.migration.file,
            line: 1,
        });
    }
    context.setOutput('applied-count', state.applied.length);
    context.setOutput('pending-count', state.pending.length);
    context.setOutput('problems', state.problems.map(({ kind, name, message }) => ({ kind, name, message })));
    const markdown = renderStatusReport(project.set, project.ledger, state, { policy, plan: planned });
    const published = await context.report.publish(markdown, { comment: false });
    context.setOutput('report', published.path);
    return failOnProblems ? verdict(state, planned, project) : {};
}
async function readState(context, url, project) {
    const { logger } = context;
    return logger.group('Read the ledger', async () => {
        const client = await (0,postgres/* connectPostgres */.Mq)(url, { logger });
        try {
            const ledger = await (0,migrations_ledger/* readLedger */.SC)(client, project.ledger);
            if (!ledger.exists)
                logger.info(`${project.ledger.schema}.${project.ledger.table} does not exist yet: nothing applied`);
            return (0,verify/* compareLedger */.X)(project.set, ledger.rows);
        }
        finally {
            await client.close();
        }
    });
}
function verdict(state, planned, project) {
    if (state.problems.length > 0) {
        return {
            failure: `${state.problems.length} problem(s) between the ledger and ${project.set.displayDir}; see the report`,
        };
    }
    if (planned.refusal)
        return { failure: `migrate would refuse the pending migrations: ${planned.refusal.message}` };
    return {};
}


/***/ })

};
