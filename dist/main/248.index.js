export const id = 248;
export const ids = [248];
export const modules = {

/***/ 57866:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DR: () => (/* binding */ lineOfPosition),
/* harmony export */   R2: () => (/* binding */ wantsNoTransaction),
/* harmony export */   bV: () => (/* binding */ splitChunks),
/* harmony export */   sc: () => (/* binding */ sha256)
/* harmony export */ });
/* unused harmony export BREAKPOINT */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

const BREAKPOINT = '--> statement-breakpoint';
const NO_TRANSACTION = /^\s*--\s*schema-actions:no-transaction\b/;
/**
 * Splits a migration file exactly as drizzle-orm's readMigrationFiles does (on `--> statement-breakpoint`, nothing
 * trimmed), and remembers where each chunk starts so errors can point at a line. Chunks holding only whitespace or
 * comments are dropped, since PostgreSQL would answer them with an empty query.
 */
function splitChunks(text) {
    const chunks = [];
    let line = 1;
    for (const piece of text.split(BREAKPOINT)) {
        const leading = piece.match(/^\s*/)?.[0] ?? '';
        if (hasStatement(piece))
            chunks.push({ sql: piece, line: line + countNewlines(leading) });
        line += countNewlines(piece);
    }
    return chunks;
}
function sha256(text) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex');
}
function wantsNoTransaction(text) {
    const firstLine = text.split('\n').find((l) => l.trim() !== '') ?? '';
    return NO_TRANSACTION.test(firstLine);
}
/** The file line of a 1-based character position inside a chunk (PostgreSQL's error position). */
function lineOfPosition(chunk, position) {
    const leading = chunk.sql.match(/^\s*/)?.[0] ?? '';
    const startOfText = chunk.line - countNewlines(leading);
    return startOfText + countNewlines(chunk.sql.slice(0, Math.max(0, position - 1)));
}
function countNewlines(text) {
    let count = 0;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
        count++;
    return count;
}
function hasStatement(text) {
    const withoutComments = text.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
    return withoutComments.trim() !== '';
}


/***/ }),

/***/ 6430:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ readDrizzleConfig),
/* harmony export */   x: () => (/* binding */ resolveMigrationsDir)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(32863);



const CANDIDATES = [
    'drizzle.config.ts',
    'drizzle.config.mts',
    'drizzle.config.js',
    'drizzle.config.mjs',
    'drizzle.config.cjs',
    'drizzle.config.json',
];
const SETTINGS = [
    { field: 'out', path: ['out'], input: 'migrations-dir' },
    { field: 'dialect', path: ['dialect'] },
    { field: 'migrationsTable', path: ['migrations', 'table'], input: 'migrations-table' },
    { field: 'migrationsSchema', path: ['migrations', 'schema'], input: 'migrations-schema' },
];
const INPUTS = SETTINGS.flatMap((s) => (s.input ? [s.input] : []));
/**
 * Reads the settings we need from drizzle.config without executing it: running the user's config would need their
 * TypeScript toolchain and environment variables, and a check must not run arbitrary code before it is reviewed.
 * The file is parsed; a value the source states (a string, a `const`, an object literal, `defineConfig(...)`) is
 * read, and one only running the config could tell is reported with the input that replaces it, unless that input
 * is among `given` (then the setting is not needed). Nothing is guessed: a wrong ledger table would re-apply every
 * migration.
 */
async function readDrizzleConfig(projectRoot, configPath, given = new Set()) {
    const found = locateConfig(projectRoot, configPath);
    if (!found)
        return {};
    const { path, shown } = found;
    const needed = INPUTS.filter((input) => !given.has(input));
    const exported = await readExport((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'), path, shown, needed);
    if (!exported || (exported.kind !== 'object' && needed.length === 0))
        return { file: shown };
    if (exported.kind !== 'object') {
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${shown}: the exported config is ${describe(exported)}, and schema-actions reads the config without running it; set ${inputs(needed)} instead`);
    }
    const config = { file: shown };
    for (const setting of SETTINGS) {
        const value = lookup(exported, setting.path);
        if (value?.kind === 'string')
            config[setting.field] = value.value;
        else if (value && setting.input && needed.includes(setting.input)) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${shown}: "${setting.path.join('.')}" is ${describe(value)}, and schema-actions reads the config without running it; set the ${setting.input} input instead`);
        }
    }
    return config;
}
/** The config file: the one given, else the first candidate that exists; undefined when the project has none. */
function locateConfig(projectRoot, configPath) {
    const explicit = configPath && configPath !== 'drizzle.config.ts';
    const file = explicit
        ? configPath
        : [configPath ?? 'drizzle.config.ts', ...CANDIDATES].find((c) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(projectRoot, c)));
    if (!file)
        return undefined;
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(file) ? file : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(projectRoot, file);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path)) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`drizzle config ${file} does not exist; set drizzle-config to your config file's path, relative to working-directory`);
    }
    return { path, shown: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(projectRoot, path) || file };
}
/**
 * The config's exported value. Undefined when every input it could provide is given, so a file this parser cannot
 * read (or that exports nothing) is no obstacle then.
 */
async function readExport(text, path, shown, needed) {
    let exported;
    try {
        exported = path.endsWith('.json') ? fromJson(JSON.parse(text)) : await readScriptExport(text, path);
    }
    catch (error) {
        if (!(error instanceof SyntaxError))
            throw error;
        if (needed.length === 0)
            return undefined;
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${shown} cannot be parsed (${error.message}); fix the file, or set ${inputs(needed)}`);
    }
    if (exported || needed.length === 0)
        return exported;
    throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${shown} exports no config (no export default or module.exports); export it as drizzle-kit expects, or set ${inputs(needed)}`);
}
/** The JavaScript/TypeScript parser (acorn, 450 kB) loads only for a config written in code. */
async function readScriptExport(text, path) {
    const { ModuleSyntaxError, readDefaultExport } = await Promise.all(/* import() */[__webpack_require__.e(841), __webpack_require__.e(79)]).then(__webpack_require__.bind(__webpack_require__, 43079));
    try {
        return readDefaultExport(text, { typeScript: /\.[cm]?ts$/.test(path), commonJs: path.endsWith('.cjs') });
    }
    catch (error) {
        // One kind of parse failure for the caller, JSON's or the script parser's.
        if (error instanceof ModuleSyntaxError)
            throw new SyntaxError(error.message);
        throw error;
    }
}
function fromJson(value) {
    if (typeof value === 'string')
        return { kind: 'string', value };
    if (value && typeof value === 'object' && !Array.isArray(value)) {
        const record = value;
        return { kind: 'object', read: (key) => (Object.hasOwn(record, key) ? fromJson(record[key]) : undefined) };
    }
    return { kind: 'computed', text: JSON.stringify(value) };
}
function lookup(value, path) {
    let current = value;
    for (const key of path) {
        if (current?.kind !== 'object')
            return current?.kind === 'computed' ? current : undefined;
        current = current.read(key);
    }
    return current;
}
/** Why a value cannot be used: only running the config could tell it, or it is not the kind expected there. */
function describe(value) {
    if (value.kind === 'computed')
        return `computed (${value.text})`;
    return value.kind === 'object' ? 'an object, not a string' : 'a string, not an object';
}
/** "the migrations-dir input", "the migrations-dir, migrations-table and migrations-schema inputs". */
function inputs(names) {
    if (names.length === 1)
        return `the ${names[0]} input`;
    return `the ${names.slice(0, -1).join(', ')} and ${names.at(-1)} inputs`;
}
/**
 * The migrations folder: the `migrations-dir` input, else the config's `out`, else the first of `drizzle` and
 * `migrations` that holds migrations.
 */
function resolveMigrationsDir(projectRoot, input, config, holdsMigrations) {
    if (input) {
        const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(projectRoot, input);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dir)) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`migrations-dir ${input} does not exist; set it to the folder drizzle-kit generates into`);
        }
        return dir;
    }
    if (config.out) {
        const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(projectRoot, config.out);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dir)) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${config.file} sets out to ${config.out}, which does not exist; run drizzle-kit generate or set migrations-dir`);
        }
        return dir;
    }
    for (const candidate of ['drizzle', 'migrations']) {
        const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(projectRoot, candidate);
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dir) && holdsMigrations(dir))
            return dir;
    }
    throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`no migrations folder found in ${projectRoot}: set migrations-dir, or out in drizzle.config.ts`);
}


/***/ }),

/***/ 21867:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ey: () => (/* binding */ detectLayout),
  lr: () => (/* binding */ loadMigrationFolder),
  bK: () => (/* binding */ loadProjectMigrations)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./actions/lib/errors.ts
var errors = __webpack_require__(32863);
// EXTERNAL MODULE: ./actions/lib/migrations/config.ts
var migrations_config = __webpack_require__(6430);
// EXTERNAL MODULE: ./actions/lib/migrations/chunks.ts
var chunks = __webpack_require__(57866);
;// CONCATENATED MODULE: ./actions/lib/migrations/files.ts



/**
 * Reads a migration file the way the database will receive it, refusing what must never run: a file that resolves
 * (through a symlink) outside the repository, which would execute and echo text nobody reviewed, and bytes that are
 * not valid UTF-8 or hold a NUL, which PostgreSQL would receive mangled (replacement characters) or not at all.
 */
function readMigrationText(absolutePath, display, boundary) {
    const real = (0,external_node_fs_.realpathSync)(absolutePath);
    const inside = (0,external_node_path_.relative)((0,external_node_fs_.realpathSync)(boundary), real);
    if (inside.startsWith('..') || (0,external_node_path_.isAbsolute)(inside)) {
        throw new errors/* ConfigurationError */.j1(`migration file ${display} resolves outside the repository (a symlink); migration files must be real files in the repository`);
    }
    const bytes = (0,external_node_fs_.readFileSync)(real);
    const nul = bytes.indexOf(0);
    if (nul !== -1) {
        throw new errors/* ConfigurationError */.j1(`migration file ${display} holds a NUL byte at byte offset ${nul}; PostgreSQL cannot receive it: remove it (the file may be binary or UTF-16)`);
    }
    const invalid = invalidUtf8Offset(bytes);
    if (invalid !== -1) {
        throw new errors/* ConfigurationError */.j1(`migration file ${display} is not valid UTF-8 at byte offset ${invalid}; save it as UTF-8`);
    }
    return bytes.toString('utf8');
}
/** The offset of the first byte that breaks UTF-8 (overlong forms, surrogates and > U+10FFFF included), or -1. */
function invalidUtf8Offset(bytes) {
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        let need;
        let min;
        let max = 0xbf;
        if (b >= 0xc2 && b <= 0xdf)
            [need, min] = [1, 0x80];
        else if (b === 0xe0)
            [need, min] = [2, 0xa0];
        else if (b === 0xed)
            [need, min, max] = [2, 0x80, 0x9f];
        else if (b >= 0xe1 && b <= 0xef)
            [need, min] = [2, 0x80];
        else if (b === 0xf0)
            [need, min] = [3, 0x90];
        else if (b === 0xf4)
            [need, min, max] = [3, 0x80, 0x8f];
        else if (b >= 0xf1 && b <= 0xf3)
            [need, min] = [3, 0x80];
        else
            return i;
        for (let k = 1; k <= need; k++) {
            const c = bytes[i + k];
            const [lo, hi] = k === 1 ? [min, max] : [0x80, 0xbf];
            if (c === undefined || c < lo || c > hi)
                return i;
        }
        i += need + 1;
    }
    return -1;
}

;// CONCATENATED MODULE: ./actions/lib/migrations/journal.ts





const JOURNAL_PATH = (0,external_node_path_.join)('meta', '_journal.json');
/** Reads `<dir>/meta/_journal.json`, any version drizzle-kit has written (5 with dialect "pg", 7 with "postgresql"). */
function readJournal(dir, displayDir) {
    const path = (0,external_node_path_.join)(dir, JOURNAL_PATH);
    const shown = (0,external_node_path_.join)(displayDir, JOURNAL_PATH);
    let parsed;
    try {
        parsed = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`${shown} is not valid JSON (${error.message}); restore it from git or regenerate it with drizzle-kit`);
    }
    const journal = parsed;
    if (!journal || typeof journal !== 'object' || !Array.isArray(journal.entries)) {
        throw new errors/* ConfigurationError */.j1(`${shown} has no "entries" array; restore it from git or regenerate it with drizzle-kit`);
    }
    if (journal.dialect && !['pg', 'postgresql'].includes(journal.dialect)) {
        throw new errors/* ConfigurationError */.j1(`${shown} is for dialect "${journal.dialect}"; schema-actions supports PostgreSQL migrations only`);
    }
    journal.entries.forEach((entry, position) => {
        const e = entry;
        if (typeof e?.tag !== 'string' || typeof e.when !== 'number' || typeof e.idx !== 'number') {
            throw new errors/* ConfigurationError */.j1(`${shown}: entry ${position} needs a string "tag" and numeric "idx" and "when"; restore the journal from git or regenerate it with drizzle-kit`);
        }
    });
    return { version: String(journal.version ?? ''), dialect: journal.dialect ?? 'postgresql', entries: journal.entries };
}
/** Loads the migrations a journal lists, in journal order, as drizzle-orm's migrator would read them. */
function loadJournalMigrations(dir, projectRoot, displayDir, boundary = projectRoot) {
    const journal = readJournal(dir, displayDir);
    const migrations = journal.entries.map((entry, index) => {
        const absolutePath = (0,external_node_path_.join)(dir, `${entry.tag}.sql`);
        const file = (0,external_node_path_.relative)(projectRoot, absolutePath);
        if (!(0,external_node_fs_.existsSync)(absolutePath)) {
            throw new errors/* ConfigurationError */.j1(`${(0,external_node_path_.join)(displayDir, JOURNAL_PATH)} lists "${entry.tag}" but ${file} does not exist; restore the file from git, or remove the entry by regenerating with drizzle-kit`);
        }
        const sql = readMigrationText(absolutePath, file, boundary);
        return {
            name: entry.tag,
            index,
            file,
            absolutePath,
            sql,
            hash: (0,chunks/* sha256 */.sc)(sql),
            createdAt: entry.when,
            chunks: (0,chunks/* splitChunks */.bV)(sql),
            noTransaction: (0,chunks/* wantsNoTransaction */.R2)(sql),
        };
    });
    return { migrations, journal };
}
/** SQL files in the folder that the journal does not list: Drizzle never runs them. */
function unlistedSqlFiles(dir, journal) {
    const listed = new Set(journal.entries.map((e) => `${e.tag}.sql`));
    return (0,external_node_fs_.readdirSync)(dir)
        .filter((f) => f.endsWith('.sql') && !listed.has(f))
        .sort();
}
function journalProblems(dir, projectRoot, journal) {
    const problems = [];
    const journalFile = (0,external_node_path_.relative)(projectRoot, (0,external_node_path_.join)(dir, JOURNAL_PATH));
    journal.entries.forEach((entry, position) => {
        const previous = journal.entries[position - 1];
        // One problem where the numbering breaks, not one per later entry: a deleted entry is one gap, and entries
        // drizzle-kit appends after it (numbered on from the last idx) add nothing to it.
        const expectedIdx = previous ? previous.idx + 1 : 0;
        if (entry.idx !== expectedIdx) {
            problems.push({
                code: 'journal-index-gap',
                severity: 'error',
                file: journalFile,
                message: `journal entry "${entry.tag}" has idx ${entry.idx} where ${expectedIdx} was expected${previous ? ` after "${previous.tag}"` : ''}: an entry was deleted or edited by hand; restore it from git, or regenerate the journal with drizzle-kit`,
            });
        }
        if (previous && entry.when <= previous.when) {
            problems.push({
                code: 'journal-when-not-increasing',
                severity: 'error',
                file: journalFile,
                message: `journal entry "${entry.tag}" has "when" ${entry.when}, not after "${previous.tag}" (${previous.when}): Drizzle applies only migrations newer than the newest applied one, so it would skip "${entry.tag}" wherever "${previous.tag}" is applied; regenerate it after "${previous.tag}"`,
            });
        }
    });
    const byNumber = new Map();
    for (const entry of journal.entries) {
        const number = entry.tag.match(/^(\d+)_/)?.[1];
        if (number)
            byNumber.set(number, [...(byNumber.get(number) ?? []), entry.tag]);
    }
    for (const [number, tags] of byNumber) {
        if (tags.length > 1) {
            problems.push({
                code: 'duplicate-migration-number',
                severity: 'error',
                file: journalFile,
                message: `migrations ${tags.join(' and ')} share number ${number}: two branches each generated a migration; delete the newer one and run drizzle-kit generate again on top of the other`,
            });
        }
    }
    for (const file of unlistedSqlFiles(dir, journal)) {
        problems.push({
            code: 'sql-file-not-in-journal',
            severity: 'warning',
            file: (0,external_node_path_.relative)(projectRoot, (0,external_node_path_.join)(dir, file)),
            message: `${file} is not listed in the journal, so Drizzle never runs it; delete it or regenerate it with drizzle-kit`,
        });
    }
    problems.push(...snapshotChainProblems(dir, projectRoot));
    return problems;
}
/**
 * drizzle-kit chains snapshots by `prevId`. Two snapshots with the same `prevId` mean two branches generated
 * migrations from the same parent: the second was never diffed against the first, so its SQL may be wrong.
 */
function snapshotChainProblems(dir, projectRoot) {
    const metaDir = (0,external_node_path_.join)(dir, 'meta');
    if (!(0,external_node_fs_.existsSync)(metaDir))
        return [];
    const snapshots = (0,external_node_fs_.readdirSync)(metaDir)
        .filter((f) => /_snapshot\.json$/.test(f))
        .sort()
        .map((f) => {
        const file = (0,external_node_path_.relative)(projectRoot, (0,external_node_path_.join)(metaDir, f));
        try {
            const json = JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(metaDir, f), 'utf8'));
            return { file, id: json.id, prevId: json.prevId };
        }
        catch {
            return { file };
        }
    });
    return chainProblems(snapshots);
}
function chainProblems(snapshots) {
    const problems = [];
    const byId = new Map();
    const byPrev = new Map();
    for (const snapshot of snapshots) {
        if (!snapshot.id) {
            problems.push({
                code: 'snapshot-unreadable',
                severity: 'warning',
                file: snapshot.file,
                message: `${snapshot.file} is not a readable drizzle-kit snapshot; restore it from git`,
            });
            continue;
        }
        const sameId = byId.get(snapshot.id);
        if (sameId) {
            problems.push({
                code: 'snapshot-id-collision',
                severity: 'error',
                file: snapshot.file,
                message: `${snapshot.file} has the same id as ${sameId}: one was copied from the other; delete the newer migration and generate it again`,
            });
        }
        byId.set(snapshot.id, snapshot.file);
        if (snapshot.prevId) {
            const sibling = byPrev.get(snapshot.prevId);
            if (sibling) {
                problems.push({
                    code: 'snapshot-prevId-collision',
                    severity: 'error',
                    file: snapshot.file,
                    message: `${snapshot.file} and ${sibling} both follow snapshot ${snapshot.prevId}: two branches generated migrations from the same parent; delete the newer migration and run drizzle-kit generate again after merging`,
                });
            }
            byPrev.set(snapshot.prevId, snapshot.file);
        }
    }
    return problems;
}

;// CONCATENATED MODULE: ./actions/lib/migrations/v1.ts





const FOLDER = /^(\d{14})_.+/;
/** Folders `<YYYYMMDDhhmmss>_<name>/` holding a migration.sql: drizzle-kit 1.x's layout. */
function v1Folders(dir) {
    return (0,external_node_fs_.readdirSync)(dir)
        .filter((name) => FOLDER.test(name) && isDirectory((0,external_node_path_.join)(dir, name)))
        .filter((name) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, name, 'migration.sql')));
}
/**
 * Folders holding a migration.sql that drizzle-orm 1.x would misread: a name without the 14-digit UTC timestamp
 * (skipped silently) or a timestamp that is no real time (month 13 still sorts and applies). Each is a mistake to
 * fix, never a migration to ignore.
 */
function unrecognisedV1Folders(dir) {
    return (0,external_node_fs_.readdirSync)(dir)
        .filter((name) => isDirectory((0,external_node_path_.join)(dir, name)) && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, name, 'migration.sql')))
        .flatMap((name) => {
        if (!FOLDER.test(name))
            return [{ name, reason: 'its name does not start with a 14-digit UTC timestamp and _' }];
        if (!isRealTime(name.slice(0, 14)))
            return [{ name, reason: `${name.slice(0, 14)} is not a real date and time` }];
        return [];
    });
}
function isRealTime(stamp) {
    const [y, mo, d, h, mi, s] = [0, 4, 6, 8, 10, 12].map((at, i) => Number(stamp.slice(at, i === 0 ? 4 : at + 2)));
    const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
    return (date.getUTCFullYear() === y &&
        date.getUTCMonth() === mo - 1 &&
        date.getUTCDate() === d &&
        date.getUTCHours() === h &&
        date.getUTCMinutes() === mi &&
        date.getUTCSeconds() === s);
}
/** drizzle-orm 1.x's formatToMillis: the folder's 14-digit prefix read as a UTC time. */
function folderMillis(name) {
    const d = name.slice(0, 14);
    return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(4, 6)) - 1, Number(d.slice(6, 8)), Number(d.slice(8, 10)), Number(d.slice(10, 12)), Number(d.slice(12, 14)));
}
/** Loads the v1 layout in drizzle-orm 1.x's order (folder names compared with localeCompare). */
function loadV1Migrations(dir, projectRoot, boundary = projectRoot) {
    return v1Folders(dir)
        .sort((a, b) => a.localeCompare(b))
        .map((name, index) => {
        const absolutePath = (0,external_node_path_.join)(dir, name, 'migration.sql');
        const file = (0,external_node_path_.relative)(projectRoot, absolutePath);
        const sql = readMigrationText(absolutePath, file, boundary);
        return {
            name,
            index,
            file,
            absolutePath,
            sql,
            hash: (0,chunks/* sha256 */.sc)(sql),
            createdAt: folderMillis(name),
            chunks: (0,chunks/* splitChunks */.bV)(sql),
            noTransaction: (0,chunks/* wantsNoTransaction */.R2)(sql),
        };
    });
}
function v1Problems(dir, projectRoot, migrations) {
    const problems = [];
    const byStamp = new Map();
    for (const migration of migrations) {
        const stamp = migration.name.slice(0, 14);
        const other = byStamp.get(stamp);
        if (other) {
            problems.push({
                code: 'duplicate-migration-number',
                severity: 'error',
                file: migration.file,
                message: `migrations ${other} and ${migration.name} share timestamp ${stamp}; delete the newer one and generate it again`,
            });
        }
        byStamp.set(stamp, migration.name);
    }
    for (const name of (0,external_node_fs_.readdirSync)(dir)) {
        const path = (0,external_node_path_.join)(dir, name);
        if (isDirectory(path) && FOLDER.test(name) && !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(path, 'migration.sql'))) {
            problems.push({
                code: 'migration-folder-without-sql',
                severity: 'warning',
                file: (0,external_node_path_.relative)(projectRoot, path),
                message: `${name}/ has no migration.sql, so Drizzle skips it; restore the file or delete the folder`,
            });
        }
    }
    const snapshots = migrations.flatMap((m) => {
        const path = (0,external_node_path_.join)(dir, m.name, 'snapshot.json');
        if (!(0,external_node_fs_.existsSync)(path))
            return [];
        const file = (0,external_node_path_.relative)(projectRoot, path);
        try {
            const json = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
            // A merge snapshot lists several parents; two snapshots with the same parents are siblings, i.e. a collision.
            const parents = json.prevIds ?? (json.prevId ? [json.prevId] : []);
            return [{ file, id: json.id, prevId: parents.length ? [...parents].sort().join(',') : undefined }];
        }
        catch {
            return [{ file }];
        }
    });
    problems.push(...chainProblems(snapshots));
    return problems;
}
function isDirectory(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isDirectory();
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./actions/lib/migrations/folder.ts






/** Which of Drizzle's two layouts a folder uses; undefined when it holds no migrations at all. */
function detectLayout(dir) {
    const hasJournal = (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, JOURNAL_PATH));
    const hasV1 = v1Folders(dir).length > 0;
    if (hasJournal && hasV1) {
        throw new errors/* ConfigurationError */.j1(`${dir} mixes both Drizzle layouts (meta/_journal.json and <timestamp>_<name>/ folders); finish "drizzle-kit up" and remove the old journal, or point migrations-dir at one of them`);
    }
    if (hasJournal)
        return 'journal';
    if (hasV1)
        return 'v1';
    return undefined;
}
/**
 * Reads a migrations folder in whichever layout it uses; fails clearly when it is in neither. Migration files must
 * resolve inside `boundary` (the repository).
 */
function loadMigrationFolder(dir, projectRoot, boundary = projectRoot) {
    const displayDir = (0,external_node_path_.relative)(projectRoot, dir) || '.';
    if (!(0,external_node_fs_.existsSync)(dir)) {
        throw new errors/* ConfigurationError */.j1(`migrations folder ${displayDir} does not exist; set migrations-dir`);
    }
    const layout = detectLayout(dir);
    if (layout === 'journal') {
        const { migrations, journal } = loadJournalMigrations(dir, projectRoot, displayDir, boundary);
        return { layout, dir, displayDir, migrations, problems: journalProblems(dir, projectRoot, journal) };
    }
    const unrecognised = unrecognisedV1Folders(dir);
    if (unrecognised.length > 0) {
        const [first] = unrecognised;
        throw new errors/* ConfigurationError */.j1(`${(0,external_node_path_.join)(displayDir, first.name)}/ is not a drizzle-kit 1.x migration folder: ${first.reason}${unrecognised.length > 1 ? ` (and ${unrecognised.length - 1} more)` : ''}; name it <YYYYMMDDhhmmss>_<name> as drizzle-kit generate does, or move it out of ${displayDir}`);
    }
    if (layout === 'v1') {
        const migrations = loadV1Migrations(dir, projectRoot, boundary);
        return { layout, dir, displayDir, migrations, problems: v1Problems(dir, projectRoot, migrations) };
    }
    const entries = (0,external_node_fs_.readdirSync)(dir).filter((f) => !f.startsWith('.'));
    if (entries.some((f) => f.endsWith('.sql'))) {
        throw new errors/* ConfigurationError */.j1(`${displayDir} holds SQL files but is in no Drizzle layout (no meta/_journal.json, no <timestamp>_<name>/migration.sql folders); generate migrations with drizzle-kit, or point migrations-dir at the folder drizzle-kit writes`);
    }
    const unknown = entries;
    if (unknown.length > 0) {
        throw new errors/* ConfigurationError */.j1(`${displayDir} is not empty but holds no Drizzle migrations (no meta/_journal.json, no <timestamp>_<name>/migration.sql folders; found ${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? ', …' : ''}); generate migrations with drizzle-kit, or point migrations-dir at the folder drizzle-kit writes`);
    }
    // An empty folder is a valid start: nothing generated yet.
    return { layout: 'journal', dir, displayDir, migrations: [], problems: [] };
}
/** Everything the actions need to know about a project's migrations, from inputs and drizzle.config. */
async function loadProjectMigrations(options) {
    const given = new Set();
    if (options.migrationsDir)
        given.add('migrations-dir');
    if (options.migrationsTable)
        given.add('migrations-table');
    if (options.migrationsSchema)
        given.add('migrations-schema');
    const config = await (0,migrations_config/* readDrizzleConfig */.h)(options.projectRoot, options.drizzleConfig, given);
    if (config.dialect && config.dialect !== 'postgresql') {
        throw new errors/* ConfigurationError */.j1(`${config.file} uses dialect "${config.dialect}"; schema-actions supports PostgreSQL (dialect "postgresql") only`);
    }
    const dir = (0,migrations_config/* resolveMigrationsDir */.x)(options.projectRoot, options.migrationsDir, config, (d) => detectLayout(d) !== undefined);
    return {
        config,
        set: loadMigrationFolder(dir, options.projectRoot, boundaryOf(options)),
        ledger: {
            schema: options.migrationsSchema || config.migrationsSchema || 'drizzle',
            table: options.migrationsTable || config.migrationsTable || '__drizzle_migrations',
        },
    };
}
/** The repository when the project is inside it (the usual case), else the project itself. */
function boundaryOf(options) {
    const root = options.repositoryRoot;
    if (!root)
        return options.projectRoot;
    const inside = (0,external_node_path_.relative)(root, options.projectRoot);
    return inside.startsWith('..') || (0,external_node_path_.isAbsolute)(inside) ? options.projectRoot : root;
}


/***/ })

};
