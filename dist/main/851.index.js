export const id = 851;
export const ids = [851];
export const modules = {

/***/ 48851:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  commentMode: () => (/* binding */ commentMode),
  renderReport: () => (/* binding */ renderReport),
  reportContext: () => (/* binding */ reportContext),
  suggestionComments: () => (/* binding */ suggestionComments)
});

// EXTERNAL MODULE: ./actions/lib/duration.ts
var duration = __webpack_require__(41428);
// EXTERNAL MODULE: ./actions/lib/markdown.ts
var markdown = __webpack_require__(94269);
// EXTERNAL MODULE: ./actions/lib/report.ts + 1 modules
var report = __webpack_require__(12530);
// EXTERNAL MODULE: ./actions/lib/phase.ts
var lib_phase = __webpack_require__(1833);
// EXTERNAL MODULE: ./actions/schema-check/effects.ts
var schema_check_effects = __webpack_require__(64095);
;// CONCATENATED MODULE: ./actions/schema-check/changes.ts

/** Past about this many tables Mermaid shrinks an ER diagram below reading size (and nears its 50,000 limit). */
const MAX_DIAGRAM_TABLES = 15;
/** Columns drawn per table; keys and changed columns always are. */
const MAX_DIAGRAM_COLUMNS = 20;
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
function changesTable(differences) {
    return [
        ['change', 'object', 'name', 'before', 'after'],
        differences.map((d) => [d.change, d.objectType, (0,markdown/* inlineCode */.ti)(d.object), clip(d.from), clip(d.to)]),
    ];
}
function clip(text, max = 160) {
    if (!text)
        return '';
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
/** `users` for public tables, `auth.users` elsewhere: how a reader names them. */
function displayName(qualified) {
    return qualified.startsWith('public.') ? qualified.slice('public.'.length) : qualified;
}
/** Mermaid's entity and attribute names are words: letters, digits and `_`, not starting with a digit. */
function word(text) {
    const safe = text.replace(/[^A-Za-z0-9_]/g, '_');
    return /^[0-9]/.test(safe) ? `_${safe}` : safe || '_';
}
const TYPE_ALIASES = [
    [/^timestamp(\(\d+\))? with time zone/, 'timestamptz$1'],
    [/^timestamp(\(\d+\))? without time zone/, 'timestamp$1'],
    [/^time(\(\d+\))? with time zone/, 'timetz$1'],
    [/^time(\(\d+\))? without time zone/, 'time$1'],
    [/^character varying/, 'varchar'],
    [/^character/, 'char'],
    [/^double precision/, 'float8'],
    [/^bit varying/, 'varbit'],
    [/^public\./, ''],
];
/**
 * PostgreSQL's short name for a type (`timestamptz`, `varchar(255)`, enum `role` rather than `public.role`): a
 * Mermaid attribute type cannot hold spaces, and the short names are the ones people write.
 */
function readableType(type) {
    let short = type;
    for (const [pattern, alias] of TYPE_ALIASES)
        short = short.replace(pattern, alias);
    return (short
        .replace(/"/g, '')
        .replace(/\s+/g, '-')
        .replace(/[^A-Za-z0-9_\-[\](),.]/g, '_') || 'unknown');
}
function findTable(catalog, qualified) {
    return catalog.tables.find((t) => `${t.schema}.${t.name}` === qualified);
}
const REFERENCES = /FOREIGN KEY \(([^)]*)\) REFERENCES ([^\s(]+)\s*\(/i;
function foreignKeys(qualified, table) {
    return table.constraints.flatMap((constraint) => {
        const match = constraint.kind === 'foreign-key' ? constraint.definition.match(REFERENCES) : null;
        if (!match)
            return [];
        const target = match[2].replace(/"/g, '');
        return [
            {
                name: constraint.name,
                from: qualified,
                to: target.includes('.') ? target : `public.${target}`,
                columns: match[1].split(',').map((n) => n.trim().replace(/"/g, '')),
            },
        ];
    });
}
function primaryKey(table) {
    return new Set(table.constraints
        .filter((c) => c.kind === 'primary-key')
        .flatMap((c) => (c.definition.match(/\(([^)]*)\)/)?.[1] ?? '').split(',').map((n) => n.trim().replace(/"/g, ''))));
}
/** What happened to each changed table and column, as the diagram labels it. */
class ChangeMarks {
    tables = new Map();
    columns = new Map();
    counts = new Map();
    constructor(differences) {
        for (const d of differences) {
            if (d.objectType === 'table')
                this.tables.set(d.object, d.change);
            if (d.objectType === 'column') {
                this.columns.set(d.object, d.change === 'changed' && d.aspects?.length ? `changed ${d.aspects.join(', ')}` : d.change);
            }
            const table = d.objectType === 'table' ? d.object : d.table;
            if (table)
                this.counts.set(table, (this.counts.get(table) ?? 0) + 1);
        }
    }
    table(qualified) {
        return this.tables.get(qualified);
    }
    column(qualified, column) {
        return this.columns.get(`${qualified}.${column}`);
    }
    /**
     * Most changed and most joined first: with more changed tables than fit, the diagram shows those, so a new
     * schema is drawn around its hub tables rather than the first ones in the alphabet.
     */
    rank(tables, catalog) {
        const degree = new Map();
        for (const table of catalog.tables) {
            for (const fk of foreignKeys(`${table.schema}.${table.name}`, table)) {
                degree.set(fk.from, (degree.get(fk.from) ?? 0) + 1);
                degree.set(fk.to, (degree.get(fk.to) ?? 0) + 1);
            }
        }
        const score = (q) => (this.counts.get(q) ?? 0) + (degree.get(q) ?? 0);
        return [...tables].sort((a, b) => score(b) - score(a) || a.localeCompare(b));
    }
}
/**
 * The ER diagram of the changed tables (a fenced Mermaid block, with the tables it leaves out listed after it):
 * at most MAX_DIAGRAM_TABLES, the most changed first, then unchanged tables their foreign keys join as stubs;
 * each table and column marked with what happened to it. Empty when no table changed.
 */
function renderErDiagram(before, after, differences) {
    const marks = new ChangeMarks(differences);
    const changed = marks
        .rank(changedTables(differences), after)
        .filter((q) => findTable(after, q) ?? findTable(before, q));
    if (changed.length === 0)
        return '';
    const drawn = chooseTables(before, after, changed);
    const lines = ['erDiagram', ...drawn.flatMap((t) => entityLines(t, before, after, marks)), ...relationLines(drawn)];
    const left = changed.filter((q) => !drawn.some((t) => t.qualified === q));
    const rest = left.length
        ? `\n\n${left.length} more changed table(s), not drawn: ${left.map((q) => (0,markdown/* inlineCode */.ti)(displayName(q))).join(', ')}.`
        : '';
    return `${(0,markdown/* codeBlock */.DV)(lines.join('\n'), 'mermaid')}${rest}`;
}
function chooseTables(before, after, changed) {
    const drawn = changed.slice(0, MAX_DIAGRAM_TABLES).map((qualified) => ({
        qualified,
        table: (findTable(after, qualified) ?? findTable(before, qualified)),
        stub: false,
    }));
    const isDrawn = (q) => drawn.some((t) => t.qualified === q);
    const neighbours = new Set();
    for (const t of drawn)
        for (const fk of foreignKeys(t.qualified, t.table))
            neighbours.add(fk.to);
    for (const table of after.tables) {
        const qualified = `${table.schema}.${table.name}`;
        if (foreignKeys(qualified, table).some((fk) => isDrawn(fk.to)))
            neighbours.add(qualified);
    }
    for (const qualified of [...neighbours].sort()) {
        if (drawn.length >= MAX_DIAGRAM_TABLES)
            break;
        const table = findTable(after, qualified);
        if (table && !isDrawn(qualified))
            drawn.push({ qualified, table, stub: true });
    }
    return drawn;
}
function entityLines(t, before, after, marks) {
    const name = displayName(t.qualified);
    const tableMark = marks.table(t.qualified);
    const label = tableMark ? `${name} (${tableMark})` : t.stub ? `${name} (unchanged)` : name;
    const head = `  ${word(name)}["${label}"]`;
    if (t.stub)
        return [head];
    const primary = primaryKey(t.table);
    const foreign = new Set(foreignKeys(t.qualified, t.table).flatMap((fk) => fk.columns));
    const removed = findTable(after, t.qualified) === t.table
        ? (findTable(before, t.qualified)?.columns ?? []).filter((c) => marks.column(t.qualified, c.name) === 'removed')
        : [];
    const columns = [...t.table.columns, ...removed];
    const important = (c) => primary.has(c.name) || foreign.has(c.name) || !!marks.column(t.qualified, c.name);
    let room = MAX_DIAGRAM_COLUMNS - columns.filter(important).length;
    const shown = columns.filter((c) => important(c) || room-- > 0);
    const lines = shown.map((column) => {
        const keys = [primary.has(column.name) && 'PK', foreign.has(column.name) && 'FK'].filter(Boolean).join(',');
        const change = tableMark ? undefined : marks.column(t.qualified, column.name);
        return `    ${readableType(column.type)} ${word(column.name)}${keys ? ` ${keys}` : ''}${change ? ` "${change}"` : ''}`;
    });
    if (shown.length < columns.length)
        lines.push(`    more columns "${columns.length - shown.length} not drawn"`);
    return [`${head} {`, ...lines, '  }'];
}
function relationLines(drawn) {
    const isDrawn = (q) => drawn.some((t) => t.qualified === q);
    const relations = drawn
        .filter((t) => !t.stub)
        .flatMap((t) => foreignKeys(t.qualified, t.table))
        .concat(drawn.filter((t) => t.stub).flatMap((t) => foreignKeys(t.qualified, t.table)))
        .filter((fk) => isDrawn(fk.from) && isDrawn(fk.to))
        .map((fk) => `  ${word(displayName(fk.to))} ||--o{ ${word(displayName(fk.from))} : "${fk.name.replace(/"/g, "'")}"`);
    return [...new Set(relations)];
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./actions/schema-check/suggestions.ts

const NO_TRANSACTION = '-- schema-actions:no-transaction';
/** A suggestion replacing more lines than this (to put the marker on line 1) is too much to review at a glance. */
const MAX_SPAN = 30;
const CREATE_INDEX = /\bCREATE\s+(UNIQUE\s+)?INDEX\b(?!\s+CONCURRENTLY)/i;
/** `… ADD CONSTRAINT "name" …;` with the whole statement on the line, then Drizzle's breakpoint or nothing. */
const ADD_CONSTRAINT = /^(ALTER TABLE\s+(.+?)\s+ADD CONSTRAINT\s+("[^"]+"|\S+)\s.*?)\s*;(\s*-->\s*statement-breakpoint)?\s*$/i;
/**
 * The mechanical fixes of lint findings, as suggestions on their lines: CONCURRENTLY plus the no-transaction
 * marker for an index, NOT VALID (and the VALIDATE to run later) for a constraint. A statement spread over several
 * lines gets none: the fix is then not mechanical enough to apply blindly.
 */
function lintSuggestions(findings, migrations) {
    return findings.flatMap((finding) => {
        const migration = migrations.find((m) => m.name === finding.migration && m.file === finding.file);
        if (finding.check !== 'lint' || !migration || !finding.line)
            return [];
        const lines = migration.sql.split('\n');
        const text = lines[finding.line - 1];
        if (text === undefined)
            return [];
        const made = suggest(finding.rule, text, finding.line, lines);
        if (!made)
            return [];
        return [
            {
                file: migration.file,
                line: finding.line,
                rule: finding.rule,
                key: (0,external_node_crypto_.createHash)('sha256')
                    .update(`${migration.file}\0${finding.rule}\0${text.trim()}`)
                    .digest('hex')
                    .slice(0, 16),
                ...made,
            },
        ];
    });
}
function suggest(rule, text, line, lines) {
    if (rule === 'create-index-without-concurrently' && CREATE_INDEX.test(text)) {
        const concurrent = text.replace(CREATE_INDEX, (match) => `${match} CONCURRENTLY`);
        const marked = lines[0]?.trim() === NO_TRANSACTION;
        // The marker must be the file's first line, so without it the suggestion spans from line 1 to the index.
        if (!marked && line > MAX_SPAN)
            return undefined;
        return {
            ...(marked || line === 1 ? {} : { startLine: 1 }),
            replacement: marked ? concurrent : [NO_TRANSACTION, ...lines.slice(0, line - 1), concurrent].join('\n'),
            explanation: 'Build the index without blocking writes. `CONCURRENTLY` cannot run in a transaction, so the file is marked to run outside one (needs `transaction: each`).',
        };
    }
    if (rule === 'add-foreign-key-without-not-valid' || rule === 'add-check-without-not-valid') {
        const match = text.match(ADD_CONSTRAINT);
        if (!match || /\bNOT\s+VALID\b/i.test(text))
            return undefined;
        const [, statement, table, name, breakpoint = ''] = match;
        return {
            replacement: `${statement} NOT VALID;${breakpoint}`,
            explanation: `Add the constraint without checking existing rows under lock, then check them in a later migration (a weaker lock, writes continue): \`ALTER TABLE ${table} VALIDATE CONSTRAINT ${name};\``,
        };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./actions/schema-check/report.ts







const ICON = { passed: '✅', failed: '❌', warning: '⚠️', skipped: '⏭️' };
function stateOf(findings, check, fails) {
    const mine = findings.filter((f) => f.check === check);
    if (mine.some(fails))
        return 'failed';
    return mine.length ? 'warning' : 'passed';
}
function ms(value) {
    return (0,duration/* formatDuration */.a3)(value);
}
/** Links to the head commit's lines, naming files as the repository does. */
function reportContext(context, lintFails) {
    const sha = context.github.pullRequest?.headSha ?? context.github.sha;
    const path = (file) => context.logger.repositoryPath(file);
    return {
        lintFails,
        repositoryPath: path,
        link: context.mode === 'action' ? (file, line) => (0,report/* blobUrl */.b0)(context.github, sha, path(file), line) : undefined,
    };
}
/** The `comment` input as the publisher takes it. */
function commentMode(input, passed) {
    if (input === 'never')
        return false;
    return input === 'always' || !passed ? true : 'update';
}
function renderReport(r, context) {
    const fails = (f) => (f.check === 'lint' ? context.lintFails(f) : f.severity === 'error');
    const failing = r.findings.filter(fails);
    const sections = [
        verdictSection(r, failing.length),
        findingsSection('Problems', failing, context),
        findingsSection('Warnings', r.findings.filter((f) => !fails(f)), context),
        { markdown: (0,markdown/* markdownTable */.Qj)(['check', 'result'], checkRows(r, fails)) },
        generateSection(r),
        newMigrationsSection(r),
        ignoredSection((0,lib_phase/* dataOf */.qu)(r.lint), context),
        effectsSection(r.effects),
        ...changesSections(r.changes),
        notesSection(r),
    ];
    return sections.filter((s) => !!s);
}
function verdictSection(r, problems) {
    const count = r.added.length;
    const verdict = r.passed ? '✅ passed' : `❌ failed: ${problems} problem${problems === 1 ? '' : 's'}`;
    return {
        markdown: [
            `## Schema check ${verdict}`,
            '',
            `${count} new migration${count === 1 ? '' : 's'} in \`${r.set.displayDir}\` (${r.set.layout} layout) compared with \`${r.base.sha.slice(0, 12)}\` (${r.base.source}); ${ms(r.durationMs)}.`,
        ].join('\n'),
    };
}
const SEVERITY_ORDER = { error: 0, warning: 1 };
/** Findings sorted by severity, each once, with a link to its line and its fix. */
function findingsSection(title, findings, context) {
    if (!findings.length)
        return undefined;
    const sorted = [...findings].sort((a, b) => (SEVERITY_ORDER[a.severity] ?? 2) - (SEVERITY_ORDER[b.severity] ?? 2));
    const rows = sorted.map((f) => [
        `${title === 'Problems' ? ICON.failed : ICON.warning} ${f.rule}`,
        where(f, context),
        messageOf(f),
        f.alternative ?? '',
    ]);
    const section = (0,report/* tableSection */.Yc)(`### ${title}`, ['', 'where', 'problem', 'fix'], rows, title.toLowerCase());
    // What fails the check stays on the pull request whatever the length; warnings may be condensed.
    return title === 'Problems' ? { markdown: section.markdown } : section;
}
function where(f, context) {
    if (!f.file)
        return '';
    const path = context.repositoryPath?.(f.file) ?? f.file;
    const text = (0,markdown/* inlineCode */.ti)(f.line ? `${path}:${f.line}` : path);
    return (0,markdown/* markdownLink */.iQ)(text, context.link?.(f.file, f.line));
}
/** Lint prefixes its messages with the migration's name, which the `where` column already shows. */
function messageOf(f) {
    const prefix = f.migration ? `${f.migration}: ` : '';
    return prefix && f.message.startsWith(prefix) ? f.message.slice(prefix.length) : f.message;
}
function checkRows(r, fails) {
    const row = (label, check, ok) => [
        `${ICON[stateOf(r.findings, check, fails)]} ${label}`,
        summarise(r.findings, check, ok, fails),
    ];
    const skippedRow = (label, reason) => [`${ICON.skipped} ${label}`, reason];
    const embedded = (0,lib_phase/* dataOf */.qu)(r.embedded);
    const database = (0,lib_phase/* dataOf */.qu)(r.database);
    const lint = (0,lib_phase/* dataOf */.qu)(r.lint);
    const changes = (0,lib_phase/* dataOf */.qu)(r.changes);
    return [
        row('Folder integrity', 'integrity', 'journal, files and snapshots agree'),
        row('Order against base', 'order', 'new migrations come after every base migration'),
        r.generate.status === 'done'
            ? row('Generated and committed', 'generate', `\`${r.generate.data.command}\` writes nothing new`)
            : skippedRow('Generated and committed', r.generate.reason),
        embedded
            ? applyRow('Apply on embedded PostgreSQL (PGlite)', embedded.outcome, embedded.bootMs, embedded.cache?.restored)
            : skippedRow('Apply on embedded PostgreSQL (PGlite)', r.embedded.status === 'skipped' ? r.embedded.reason : ''),
        ...(database ? [applyRow('Apply on database-url', database)] : []),
        lint
            ? [
                `${ICON[stateOf(r.findings, 'lint', fails)]} Lint`,
                `${lint.statements} statement(s): ${lint.findings.filter((f) => f.severity === 'error').length} error(s), ${lint.findings.filter((f) => f.severity !== 'error').length} warning(s), ${lint.suppressed.length} ignored by comment; fail-on: ${r.failOn}`,
            ]
            : skippedRow('Lint', r.lint.status === 'skipped' ? r.lint.reason : ''),
        changes
            ? ['ℹ️ What changes', `${changes.differences.length} structural difference(s)`]
            : skippedRow('What changes', r.changes.status === 'skipped' ? r.changes.reason : ''),
    ];
}
function applyRow(label, outcome, bootMs, baseRestored) {
    if (outcome.failure)
        return [`${ICON.failed} ${label}`, 'failed: see Problems'];
    const total = outcome.timings.reduce((sum, t) => sum + t.durationMs, 0);
    const boot = bootMs !== undefined ? `ready in ${ms(bootMs)}; ` : '';
    const base = baseRestored
        ? 'base migrations restored from the saved state (embedded-cache)'
        : `${outcome.baseApplied} base migration(s) in ${ms(outcome.baseMs)}`;
    return [
        `${ICON.passed} ${label}`,
        `${boot}${base}${outcome.seeded ? ', seed' : ''}, then ${outcome.timings.length} new in ${ms(total)}`,
    ];
}
function generateSection(r) {
    const generate = (0,lib_phase/* dataOf */.qu)(r.generate);
    if (!generate)
        return undefined;
    const out = [];
    const written = generate.changed.filter((f) => f.sql !== undefined);
    if (written.length) {
        out.push('### SQL from `generate`, not committed', '');
        for (const file of written) {
            out.push(`<details open><summary><code>${file.file}</code> (${file.change})</summary>`, '', (0,markdown/* codeBlock */.DV)(file.sql, 'sql'), '', '</details>', '');
        }
    }
    if (r.findings.some((f) => f.rule === 'generate-failed' || f.rule === 'generate-needs-answer')) {
        out.push('<details><summary>generate output</summary>', '', (0,markdown/* codeBlock */.DV)(generate.output.slice(-4000)), '', '</details>');
    }
    if (!out.length)
        return undefined;
    return {
        markdown: out.join('\n'),
        shrink: 'detail',
        short: '_The SQL from `generate` is in the job summary._',
    };
}
function newMigrationsSection(r) {
    if (!r.added.length)
        return undefined;
    const embedded = new Map((0,lib_phase/* dataOf */.qu)(r.embedded)?.outcome.timings.map((t) => [t.migration.name, t.durationMs]));
    const database = (0,lib_phase/* dataOf */.qu)(r.database);
    const onDatabase = new Map(database?.timings.map((t) => [t.migration.name, t.durationMs]));
    const time = (timings, name) => (timings.has(name) ? ms(timings.get(name)) : '—');
    return (0,report/* tableSection */.Yc)('### New migrations', ['file', 'embedded apply', ...(database ? ['database-url apply'] : [])], r.added.map((m) => [(0,markdown/* inlineCode */.ti)(m.file), time(embedded, m.name), ...(database ? [time(onDatabase, m.name)] : [])]), 'migrations');
}
/** Locks, rewrites and scans PostgreSQL was seen to take on existing tables, and how long each lock lasted. */
function effectsSection(effects) {
    if (!effects.length)
        return undefined;
    const rows = groupEffects(effects).map((group) => {
        const [e] = group;
        const modes = group.flatMap((g) => (g.lock ? [g.lock] : [])).sort((a, b) => lockRank(b) - lockRank(a));
        const [strongest, ...weaker] = modes.map(schema_check_effects/* lockName */.l4);
        const lock = strongest
            ? `${strongest}${weaker.length ? ` (also ${weaker.join(', ')})` : ''}`
            : 'lock not observable';
        const what = [lock, group.some((g) => g.rewrite) && 'rewrite', group.some((g) => g.scan) && 'scan'];
        const n = e['statements-later'];
        const later = e['held-until'] === 'commit' ? `, ${n} statement${n === 1 ? '' : 's'} later (${ms(e['ms-later'])})` : '';
        return [
            `${what.filter(Boolean).join(', ')} on ${(0,markdown/* inlineCode */.ti)(e.relation)} from ${e.migration}:${e.line} until ${e['held-until']}${later}`,
        ];
    });
    return (0,report/* tableSection */.Yc)('### Observed effects on existing tables', ['what PostgreSQL did'], rows, 'effects');
}
/** One row per statement and relation. */
function groupEffects(effects) {
    const groups = new Map();
    for (const e of effects) {
        const key = `${e.migration}:${e.line}:${e.relation}`;
        groups.set(key, [...(groups.get(key) ?? []), e]);
    }
    return [...groups.values()];
}
const LOCK_ORDER = [
    'AccessShareLock',
    'RowShareLock',
    'RowExclusiveLock',
    'ShareUpdateExclusiveLock',
    'ShareLock',
    'ShareRowExclusiveLock',
    'ExclusiveLock',
    'AccessExclusiveLock',
];
function lockRank(mode) {
    return LOCK_ORDER.indexOf(mode);
}
function ignoredSection(lint, context) {
    if (!lint?.suppressed.length)
        return undefined;
    return (0,report/* tableSection */.Yc)('Ignored by `-- schema-check:ignore` comments:', ['rule', 'where', 'reason'], lint.suppressed.map((s) => [
        s.rule,
        (0,markdown/* markdownLink */.iQ)((0,markdown/* inlineCode */.ti)(`${context.repositoryPath?.(s.file) ?? s.file}:${s.line}`), context.link?.(s.file, s.line)),
        s.reason,
    ]), 'ignored findings');
}
function changesSections(phase) {
    const changes = (0,lib_phase/* dataOf */.qu)(phase);
    if (!changes)
        return [];
    if (changes.differences.length === 0) {
        return [
            { markdown: '### What changes\n\nNo structural change to tables, columns, indexes, constraints or enums.' },
        ];
    }
    const diagram = renderErDiagram(changes.before, changes.after, changes.differences);
    return [
        (0,report/* tableSection */.Yc)('### What changes', ...changesTable(changes.differences), 'changes'),
        ...(diagram
            ? [
                {
                    markdown: diagram,
                    shrink: 'diagram',
                    short: '_The ER diagram of the changed tables is in the job summary._',
                },
            ]
            : []),
    ];
}
function notesSection(r) {
    const outcomes = [(0,lib_phase/* dataOf */.qu)(r.embedded)?.outcome, (0,lib_phase/* dataOf */.qu)(r.database)].filter((o) => !!o);
    const notes = outcomes.flatMap((o) => o.notes.map((note) => `> ${o.target}: ${note}`));
    return notes.length ? { markdown: notes.join('\n>\n') } : undefined;
}
/** The check row's result: what it proved, or how many findings it has (they are listed above, once). */
function summarise(findings, check, ok, fails) {
    const mine = findings.filter((f) => f.check === check);
    if (!mine.length)
        return ok;
    const failing = mine.filter(fails).length;
    const parts = [failing && `${failing} problem(s)`, mine.length - failing && `${mine.length - failing} warning(s)`];
    return `${parts.filter(Boolean).join(', ')}: see above`;
}
/** The lint fixes GitHub can apply, as review comments with a `suggestion` block on their lines. */
function suggestionComments(r, context) {
    return lintSuggestions((0,lib_phase/* dataOf */.qu)(r.lint)?.findings ?? [], r.added).map((s) => ({
        path: context.repositoryPath?.(s.file) ?? s.file,
        ...(s.startLine !== undefined ? { startLine: s.startLine } : {}),
        line: s.line,
        key: s.key,
        body: [`**schema-check: ${s.rule}** — ${s.explanation}`, '', (0,markdown/* codeBlock */.DV)(s.replacement, 'suggestion')].join('\n'),
    }));
}


/***/ })

};
