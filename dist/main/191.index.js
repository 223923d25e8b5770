export const id = 191;
export const ids = [191];
export const modules = {

/***/ 46191:
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
// EXTERNAL MODULE: ./actions/lib/migrations/config.ts
var migrations_config = __webpack_require__(6430);
// EXTERNAL MODULE: ./actions/lib/migrations/folder.ts + 3 modules
var folder = __webpack_require__(21867);
;// CONCATENATED MODULE: ./actions/init/paths.ts

/** A relative path as workflows write it (forward slashes), also when init runs on Windows. */
function posix(path) {
    return path.split(external_node_path_.sep).join('/');
}

;// CONCATENATED MODULE: ./actions/init/package-manager.ts



const LOCKFILES = [
    ['pnpm-lock.yaml', 'pnpm'],
    ['yarn.lock', 'yarn'],
    ['bun.lock', 'bun'],
    ['bun.lockb', 'bun'],
    ['package-lock.json', 'npm'],
];
/**
 * The package manager, from the lockfile nearest the project (the project folder, then its parents up to the
 * repository root, where a monorepo keeps it). `packageManager` in that folder's package.json settles a folder
 * holding several lockfiles. No lockfile at all means npm, whose lockfile the workflows then expect.
 */
function detectPackageManager(root, projectDir) {
    for (let dir = (0,external_node_path_.join)(root, projectDir);; dir = (0,external_node_path_.dirname)(dir)) {
        const found = LOCKFILES.filter(([file]) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, file)));
        if (found.length) {
            const declared = declaredPackageManager(dir);
            const [file, name] = found.find(([, n]) => n === declared?.name) ?? found[0];
            return describe(root, dir, file, name, true);
        }
        if ((0,external_node_path_.relative)(root, dir) === '' || (0,external_node_path_.dirname)(dir) === dir)
            break;
    }
    return describe(root, root, 'package-lock.json', 'npm', false);
}
function declaredPackageManager(dir) {
    const field = readPackageJson((0,external_node_path_.join)(dir, 'package.json'))?.packageManager;
    const match = typeof field === 'string' ? /^(npm|pnpm|yarn|bun)@(\d[^+]*)/.exec(field) : null;
    return match ? { name: match[1], version: match[2] } : undefined;
}
function readPackageJson(path) {
    if (!(0,external_node_fs_.existsSync)(path))
        return undefined;
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch {
        return undefined;
    }
}
function describe(root, dir, file, name, found) {
    const installDir = posix((0,external_node_path_.relative)(root, dir)) || '.';
    const lockfile = installDir === '.' ? file : `${installDir}/${file}`;
    const base = { name, lockfile, lockfileFound: found, installDir, setupBefore: [], setupAfter: [] };
    switch (name) {
        case 'npm':
            return { ...base, install: 'npm ci', cache: 'npm', exec: 'npx' };
        case 'pnpm':
            // pnpm/action-setup reads packageManager from package.json; without it, the version must be given.
            return {
                ...base,
                install: 'pnpm install --frozen-lockfile',
                cache: 'pnpm',
                exec: 'pnpm exec',
                setupBefore: [
                    declaredPackageManager(dir)?.name === 'pnpm'
                        ? ['uses: pnpm/action-setup@v4']
                        : ['uses: pnpm/action-setup@v4', 'with:', '  version: 10'],
                ],
            };
        case 'yarn':
            return isYarnBerry(dir)
                ? {
                    ...base,
                    install: 'yarn install --immutable',
                    cache: 'yarn',
                    exec: 'yarn',
                    // Yarn 2+ comes through corepack; setup-node's yarn cache asks yarn for its cache folder.
                    setupBefore: [['run: corepack enable']],
                }
                : { ...base, install: 'yarn install --frozen-lockfile', cache: 'yarn', exec: 'yarn' };
        case 'bun':
            return {
                ...base,
                install: 'bun install --frozen-lockfile',
                exec: 'bunx',
                setupAfter: [['uses: oven-sh/setup-bun@v2']],
            };
    }
}
function isYarnBerry(dir) {
    const declared = declaredPackageManager(dir);
    if (declared?.name === 'yarn')
        return !declared.version.startsWith('1.');
    if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, '.yarnrc.yml')))
        return true;
    return (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, 'yarn.lock'), 'utf8').includes('__metadata:');
}

;// CONCATENATED MODULE: ./actions/init/detect.ts







const CONFIG_FILE = /^drizzle\.config\.(ts|mts|cts|js|mjs|cjs|json)$/;
const SKIPPED_DIRS = new Set([
    'node_modules',
    '.git',
    'dist',
    'build',
    '.next',
    '.turbo',
    '.vercel',
    'coverage',
    'out',
]);
const MAX_DEPTH = 5;
const ALL_CONFIG_INPUTS = new Set(['migrations-dir', 'migrations-table', 'migrations-schema']);
/** The repository's files init looks at, found in one walk that skips dependencies and build output. */
function walk(root) {
    const found = { configs: [], packageJsons: [], vercelMarkers: [], envExamples: [] };
    const visit = (dir, depth) => {
        for (const entry of (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true })) {
            const path = (0,external_node_path_.join)(dir, entry.name);
            if (entry.isDirectory()) {
                if (entry.name === '.vercel' && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(path, 'project.json')))
                    found.vercelMarkers.push(path);
                if (!SKIPPED_DIRS.has(entry.name) && depth < MAX_DEPTH)
                    visit(path, depth + 1);
            }
            else if (CONFIG_FILE.test(entry.name))
                found.configs.push(posix((0,external_node_path_.relative)(root, path)));
            else if (entry.name === 'package.json')
                found.packageJsons.push(path);
            else if (entry.name === 'vercel.json')
                found.vercelMarkers.push(path);
            else if (/^\.env\.(example|sample|template)$/.test(entry.name))
                found.envExamples.push(path);
        }
    };
    visit(root, 0);
    return found;
}
async function detectRepository(root, options) {
    const files = walk(root);
    const configPath = chooseConfig(root, files.configs, options.project);
    const project = (0,external_node_path_.dirname)(configPath);
    const projectRoot = (0,external_node_path_.join)(root, project);
    const configFile = (0,external_node_path_.basename)(configPath);
    // Computed settings are not an error here: the workflows leave them to the actions, which read the config too.
    const config = await (0,migrations_config/* readDrizzleConfig */.h)(projectRoot, configFile, ALL_CONFIG_INPUTS);
    if (config.dialect && config.dialect !== 'postgresql') {
        throw new errors/* ConfigurationError */.j1(`${configPath} uses dialect "${config.dialect}"; schema-actions supports PostgreSQL (dialect "postgresql") only`);
    }
    const migrationsDir = findMigrationsDir(projectRoot, config.out);
    const fullMigrationsDir = (0,external_node_path_.join)(projectRoot, migrationsDir);
    return {
        project,
        configFile,
        migrationsDir,
        layout: ((0,external_node_fs_.existsSync)(fullMigrationsDir) && (0,folder/* detectLayout */.ey)(fullMigrationsDir)) || 'not generated yet',
        schema: schemaGlobs((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(projectRoot, configFile), 'utf8')),
        packageManager: detectPackageManager(root, project),
        neon: choose(options.neon, 'neon', detectNeon(root, files)),
        vercel: { ...choose(options.vercel, 'vercel', detectVercel(root, files)), dir: vercelDir(root, files) },
    };
}
function chooseConfig(root, configs, project) {
    if (project !== undefined) {
        const inProject = configs.filter((c) => (0,external_node_path_.dirname)(c) === (posix((0,external_node_path_.relative)(root, (0,external_node_path_.join)(root, project))) || '.'));
        if (inProject.length === 0) {
            throw new errors/* ConfigurationError */.j1(`no drizzle.config.* in ${project}; set project to the folder holding it`);
        }
        return inProject.sort(byPreference)[0];
    }
    const folders = [...new Set(configs.map((c) => (0,external_node_path_.dirname)(c)))].sort();
    if (folders.length === 0) {
        throw new errors/* ConfigurationError */.j1(`no drizzle.config.* found in ${root}; run init at the root of a repository with a Drizzle project`);
    }
    if (folders.length > 1) {
        throw new errors/* ConfigurationError */.j1(`several Drizzle projects found (${folders.join(', ')}); pick one with --project <folder>`);
    }
    return configs.filter((c) => (0,external_node_path_.dirname)(c) === folders[0]).sort(byPreference)[0];
}
// drizzle-kit's own default comes first when a folder holds several configs.
function byPreference(a, b) {
    return Number(!a.endsWith('drizzle.config.ts')) - Number(!b.endsWith('drizzle.config.ts')) || a.localeCompare(b);
}
/** The config's `out`, else the folder that already holds migrations, else drizzle-kit's default (`drizzle`). */
function findMigrationsDir(projectRoot, out) {
    if (out)
        return out.replace(/^\.\//, '').replace(/\/+$/, '');
    try {
        const dir = (0,migrations_config/* resolveMigrationsDir */.x)(projectRoot, undefined, {}, (d) => (0,folder/* detectLayout */.ey)(d) !== undefined);
        return (0,external_node_path_.relative)(projectRoot, dir);
    }
    catch {
        return 'drizzle';
    }
}
/**
 * The `schema` setting as paths-filter globs: a file watches its folder (schema files import their neighbours), a
 * folder watches everything below it, a glob stays as written. Undefined when the setting is not string literals.
 */
function schemaGlobs(code) {
    const withoutLedger = code.replace(/\bmigrations\s*:\s*\{[^}]*\}/, '');
    const value = /["']?\bschema["']?\s*:\s*(\[[^\]]*\]|'[^']*'|"[^"]*"|`[^`$]*`)/.exec(withoutLedger)?.[1];
    if (!value)
        return undefined;
    const paths = [...value.matchAll(/'([^']*)'|"([^"]*)"|`([^`]*)`/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
    if (paths.length === 0)
        return undefined;
    return [...new Set(paths.map(toGlob))];
}
function toGlob(path) {
    const clean = path.replace(/^\.\//, '');
    if (/[*?{[]/.test(clean))
        return clean;
    if (/\.[cm]?[jt]sx?$/.test(clean))
        return (0,external_node_path_.dirname)(clean) === '.' ? clean : `${(0,external_node_path_.dirname)(clean)}/**`;
    return `${clean.replace(/\/+$/, '')}/**`;
}
function choose(choice, input, detected) {
    if (choice === 'true')
        return { used: true, because: `--${input} true` };
    if (choice === 'false')
        return { used: false, because: `--${input} false` };
    return detected;
}
function dependencies(path) {
    const json = readPackageJson(path) ?? {};
    return ['dependencies', 'devDependencies', 'optionalDependencies'].flatMap((field) => Object.keys(json[field] ?? {}));
}
function detectNeon(root, files) {
    for (const path of files.packageJsons) {
        const dependency = dependencies(path).find((d) => d.startsWith('@neondatabase/') || d === 'neonctl');
        if (dependency)
            return { used: true, because: `${(0,external_node_path_.relative)(root, path)} depends on ${dependency}` };
    }
    // Neon works with any PostgreSQL driver; then the example environment file usually shows a Neon host.
    for (const path of files.envExamples) {
        if (/\.neon\.tech\b/.test((0,external_node_fs_.readFileSync)(path, 'utf8'))) {
            return { used: true, because: `${(0,external_node_path_.relative)(root, path)} has a neon.tech database URL` };
        }
    }
    return { used: false, because: 'no @neondatabase/* or neonctl dependency, no neon.tech URL in .env.example' };
}
function detectVercel(root, files) {
    const marker = files.vercelMarkers[0];
    if (marker)
        return { used: true, because: `${(0,external_node_path_.relative)(root, marker)} exists` };
    for (const path of files.packageJsons) {
        if (dependencies(path).includes('vercel')) {
            return { used: true, because: `${(0,external_node_path_.relative)(root, path)} depends on vercel` };
        }
    }
    return { used: false, because: 'no vercel dependency, vercel.json or .vercel/project.json' };
}
/** The folder the Vercel CLI runs in: where the project is linked (.vercel/) or configured, else the root. */
function vercelDir(root, files) {
    const marker = files.vercelMarkers[0];
    return marker ? posix((0,external_node_path_.relative)(root, (0,external_node_path_.dirname)(marker))) || '.' : '.';
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./actions/commands.ts + 8 modules
var commands = __webpack_require__(20239);
;// CONCATENATED MODULE: ./actions/init/yaml-edit.ts
/**
 * Source-preserving edits of a YAML file. The yaml Document finds the nodes (a step, a `with:` map, a scalar), and
 * each edit is spliced into the original text at the lines those nodes span. Re-serialising the Document instead
 * would reflow what we never touched (folded scalars joined into one line, `[main]` padded to `[ main ]`), and the
 * templates are also read by people, so every line init does not change must stay exactly as written.
 *
 * Every edit returns the new text; callers re-parse between edits, so node positions are never stale.
 */

function parse(text) {
    const doc = (0,dist/* parseDocument */.Tp)(text, { keepSourceTokens: false });
    if (doc.errors.length)
        throw new Error(`invalid YAML: ${doc.errors[0].message}`);
    return doc;
}
/** The source text of a node. */
function sourceOf(text, node) {
    return node?.range ? text.slice(node.range[0], node.range[1]) : '';
}
function lineStart(text, offset) {
    return text.lastIndexOf('\n', offset - 1) + 1;
}
function lineEnd(text, offset) {
    const at = text.indexOf('\n', offset);
    return at === -1 ? text.length : at + 1;
}
/** Offset just after the line holding the node's last non-blank character. */
function endOfLastLine(text, node) {
    let last = node.range[1] - 1;
    while (last > node.range[0] && /\s/.test(text[last]))
        last--;
    return lineEnd(text, last);
}
function indentAt(text, offset) {
    return ' '.repeat(offset - lineStart(text, offset));
}
function isBlank(text, from) {
    const to = lineEnd(text, from);
    return from < text.length && text.slice(from, to).trim() === '';
}
function splice(text, from, to, insert) {
    return text.slice(0, from) + insert + text.slice(to);
}
/** Removes the lines from `from` to `to` and one blank line that separated them from what follows or precedes. */
function removeBlock(text, from, to) {
    if (isBlank(text, to))
        to = lineEnd(text, to);
    else if (from > 0 && isBlank(text, lineStart(text, from - 1)))
        return splice(text, lineStart(text, from - 1), to, '');
    return splice(text, from, to, '');
}
/** Removes a block sequence item (its `- ` line through its last line) and one blank line that separated it. */
function removeItem(text, item) {
    return removeBlock(text, lineStart(text, item.range[0]), endOfLastLine(text, item));
}
/** Removes a key and its value together with one blank line that set it apart: a workflow section such as `env:`. */
function removeSection(text, pair) {
    return removeBlock(text, lineStart(text, pair.key.range[0]), endOfLastLine(text, pair.value ?? pair.key));
}
/** Removes a key and its value from a block map. */
function removePair(text, pair) {
    return splice(text, lineStart(text, pair.key.range[0]), endOfLastLine(text, pair.value ?? pair.key), '');
}
/** Replaces a scalar value in place, keeping its key and any comment after it. */
function replaceScalar(text, node, value) {
    return splice(text, node.range[0], node.range[1], value);
}
/**
 * `lines` (already rendered, without indentation) as new pairs of a block map: at its start, its end, or before the
 * pair with the given key.
 */
function addPairs(text, map, lines, 
/** 'start', 'end', or the key to insert after. */
where) {
    const first = map.items[0];
    const indent = indentAt(text, first.key.range[0]);
    const rendered = lines.map((line) => `${indent}${line}\n`).join('');
    if (where === 'end')
        return splice(text, endOfLastLine(text, map), endOfLastLine(text, map), rendered);
    const before = where === 'start' ? first : (pairOf(map, where) ?? first);
    const at = before.key.range[0];
    // A map that starts on a `- ` line: the new first key takes that line and the old one moves below it.
    if (at !== lineStart(text, at))
        return splice(text, at, at, `${rendered.trimStart()}${indent}`);
    return splice(text, at, at, rendered);
}
/** Inserts a new sequence item (rendered lines, the first without `- `) before or after an existing item. */
function addItem(text, next, lines, where) {
    const dash = lineStart(text, next.range[0]);
    const indent = ' '.repeat(next.range[0] - dash - 2);
    const rendered = lines.map((line, i) => `${indent}${i === 0 ? '- ' : '  '}${line}\n`).join('');
    const at = where === 'before' ? dash : endOfLastLine(text, next);
    return splice(text, at, at, rendered);
}
/** Replaces every item of a block sequence with `items`, each rendered the way the first item was. */
function replaceItems(text, seq, items) {
    if (!(0,dist/* isSeq */.oP)(seq) || seq.items.length === 0)
        throw new Error('replaceItems needs a non-empty block sequence');
    const first = seq.items[0];
    const dash = lineStart(text, first.range[0]);
    const prefix = text.slice(dash, first.range[0]);
    const quote = (0,dist/* isScalar */.jn)(first) && first.type === 'QUOTE_DOUBLE' ? '"' : "'";
    const rendered = items.map((item) => `${prefix}${quote}${item.replaceAll(quote, quote + quote)}${quote}\n`).join('');
    return splice(text, dash, endOfLastLine(text, seq), rendered);
}
/** Removes the lines of a block scalar (a `run: |` script) for which `drop` is true. */
function removeScalarLines(text, node, drop) {
    const from = lineEnd(text, node.range[0]);
    const to = endOfLastLine(text, node);
    const kept = text
        .slice(from, to)
        .split(/(?<=\n)/)
        .filter((line) => !drop(line));
    return splice(text, from, to, kept.join(''));
}
/** The value of `key` in a map node, as a node. */
function child(node, key) {
    return (0,dist/* isMap */.jh)(node) ? (node.get(key, true) ?? undefined) : undefined;
}
function pairOf(node, key) {
    if (!(0,dist/* isMap */.jh)(node))
        return undefined;
    return node.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === key);
}


;// CONCATENATED MODULE: ./actions/init/adapt.ts
/**
 * Turns a template into the workflow for one repository. Each rule is about the templates' structure, not their
 * wording: a step is Neon's or Vercel's by the secret it uses, a step that reads a left-out step's result goes with
 * it, a summary's env entry for it is dropped with the script lines that print it. So a template can change and init
 * follows without a list of step names to keep in sync.
 */



// The owner as a plain string, so that `npm run set-owner` (a text replacement) moves it with every template.
const OWNER = 'org/schema-actions';
const OURS = new RegExp(`^${OWNER.replace(/[.]/g, '\\.')}/([a-z-]+)@`);
function adaptTemplate(name, template, repo) {
    const { text: pruned, leftOut } = pruneUnusedServices(template, repo);
    let text = pruned;
    text = adaptInstall(text, repo);
    text = adaptProjectInputs(text, repo);
    text = adaptVercelFolder(text, repo);
    text = adaptPaths(text, repo);
    text = adaptHeader(text, name, leftOut);
    parse(text); // every edit must leave valid YAML; a broken template is a bug here, not the user's mistake
    return { text, leftOut };
}
function steps(text) {
    const jobs = child(parse(text).contents, 'jobs');
    if (!(0,dist/* isMap */.jh)(jobs))
        return [];
    return jobs.items.flatMap((job) => {
        const list = child(job.value, 'steps');
        return (0,dist/* isSeq */.oP)(list) ? list.items.filter(dist/* isMap */.jh) : [];
    });
}
function scalar(step, key) {
    const value = step.get(key);
    return typeof value === 'string' ? value : '';
}
function stepName(step) {
    return scalar(step, 'name') || scalar(step, 'id') || scalar(step, 'uses') || scalar(step, 'run');
}
/**
 * Applies `edit` to every step `pick` chooses, last step first: an edit only moves the text after its step's start,
 * so the steps before it are still where they were found.
 */
function eachStep(text, pick, edit) {
    const starts = steps(text)
        .filter((step) => pick(step, text))
        .map((step) => step.range[0])
        .reverse();
    for (const start of starts)
        text = edit(text, stepAt(text, start));
    return text;
}
const FEATURE_SECRETS = [
    ['Neon', /\bsecrets\.NEON_API_KEY\b/, (repo) => repo.neon.used],
    ['Vercel', /\bsecrets\.VERCEL_TOKEN\b/, (repo) => repo.vercel.used],
];
function pruneUnusedServices(template, repo) {
    let text = template;
    const leftOut = [];
    const removedIds = [];
    const causeOf = new Map();
    for (;;) {
        const found = steps(text)
            .map((step) => ({ step, feature: featureToDrop(text, step, repo, removedIds, causeOf) }))
            .find((s) => s.feature);
        if (!found)
            break;
        const id = scalar(found.step, 'id');
        if (id) {
            removedIds.push(id);
            causeOf.set(id, found.feature);
        }
        leftOut.push({ step: stepName(found.step), feature: found.feature });
        text = removeItem(text, found.step);
    }
    if (removedIds.length)
        text = pruneEnvReferences(text, removedIds);
    if (leftOut.length) {
        text = pruneUnusedDispatchInputs(text);
        text = pruneUnreadWorkflowEnv(text, template);
    }
    return { text, leftOut };
}
/**
 * A workflow-level env entry the template's steps read and no step left here reads (the pinned Vercel CLI once the
 * Vercel steps are gone) goes with them; an entry the template never reads by name is for the tools, and stays.
 */
function pruneUnreadWorkflowEnv(text, template) {
    const readsIn = (source, name) => {
        const env = pairOf(parse(source).contents, 'env');
        const rest = env ? source.slice(0, env.key.range[0]) + source.slice(env.value.range[1]) : source;
        return new RegExp(`\\$\\{?${name}\\b|\\benv\\.${name}\\b`).test(rest);
    };
    for (;;) {
        const env = child(parse(text).contents, 'env');
        if (!(0,dist/* isMap */.jh)(env))
            return text;
        const unread = env.items.find((p) => readsIn(template, String(p.key)) && !readsIn(text, String(p.key)));
        if (!unread)
            return text;
        text =
            env.items.length === 1
                ? removeSection(text, pairOf(parse(text).contents, 'env'))
                : removePair(text, pairOf(env, String(unread.key)));
    }
}
function featureToDrop(text, step, repo, removedIds, causeOf) {
    const source = sourceOf(text, step);
    const unused = FEATURE_SECRETS.find(([, secret, used]) => secret.test(source) && !used(repo));
    if (unused)
        return unused[0];
    // A step that needs a left-out step's result (in with:, if: or its script) cannot run without it.
    const needs = ['with', 'if', 'run'].map((key) => sourceOf(text, child(step, key))).join('\n');
    const id = removedIds.find((removed) => new RegExp(`\\bsteps\\.${removed}\\.`).test(needs));
    return id ? causeOf.get(id) : undefined;
}
/** A summary step reads left-out steps' results through env:; drop those entries and the lines that print them. */
function pruneEnvReferences(text, removedIds) {
    const refersToRemoved = new RegExp(`\\bsteps\\.(${removedIds.join('|')})\\.`);
    return eachStep(text, (step, t) => refersToRemoved.test(sourceOf(t, child(step, 'env'))), (t, step) => {
        const env = child(step, 'env');
        const names = env.items.filter((p) => refersToRemoved.test(sourceOf(t, p.value))).map((p) => String(p.key));
        const stepStart = step.range[0];
        for (const name of names)
            t = removePair(t, pairOf(child(stepAt(t, stepStart), 'env'), name));
        const left = child(stepAt(t, stepStart), 'env');
        if (!(0,dist/* isMap */.jh)(left) || left.items.length === 0) {
            t = removePair(t, pairOf(stepAt(t, stepStart), 'env'));
        }
        const script = child(stepAt(t, stepStart), 'run');
        const printsRemoved = new RegExp(`\\$\\{?(${names.join('|')})\\b`);
        return script ? removeScalarLines(t, script, (line) => printsRemoved.test(line)) : t;
    });
}
/** The step starting at `offset` (steps before it are unchanged by edits inside it). */
function stepAt(text, offset) {
    return steps(text).find((s) => s.range[0] === offset);
}
function pruneUnusedDispatchInputs(text) {
    for (;;) {
        const inputs = child(child(child(parse(text).contents, 'on'), 'workflow_dispatch'), 'inputs');
        if (!(0,dist/* isMap */.jh)(inputs))
            return text;
        const body = text.slice(0, inputs.range[0]) + text.slice(inputs.range[1]);
        const unused = inputs.items.find((p) => !new RegExp(`\\binputs\\.${String(p.key)}\\b`).test(body));
        if (!unused)
            return text;
        text =
            inputs.items.length === 1
                ? removePair(text, pairOf(child(child(parse(text).contents, 'on'), 'workflow_dispatch'), 'inputs'))
                : removePair(text, pairOf(inputs, String(unused.key)));
    }
}
function adaptInstall(text, repo) {
    const pm = repo.packageManager;
    const isSetupNode = (s) => scalar(s, 'uses').startsWith('actions/setup-node@');
    text = eachStep(text, isSetupNode, (t, step) => {
        const start = step.range[0];
        const cache = pairOf(child(step, 'with'), 'cache');
        if (cache && !pm.cache)
            t = removePair(t, cache);
        else if (cache && pm.cache !== scalar(child(step, 'with'), 'cache'))
            t = replaceScalar(t, cache.value, pm.cache);
        if (cache && pm.cache && pm.installDir !== '.') {
            t = addPairs(t, child(stepAt(t, start), 'with'), [`cache-dependency-path: ${pm.lockfile}`], 'end');
        }
        for (const lines of pm.setupAfter.toReversed())
            t = addItem(t, stepAt(t, start), lines, 'after');
        for (const lines of pm.setupBefore)
            t = addItem(t, stepAt(t, start), lines, 'before');
        return t;
    });
    return eachStep(text, (s) => scalar(s, 'run') === 'npm ci', (t, step) => {
        const start = step.range[0];
        if (pm.install !== 'npm ci')
            t = replaceScalar(t, child(step, 'run'), pm.install);
        return pm.installDir === '.' ? t : addPairs(t, stepAt(t, start), [`working-directory: ${pm.installDir}`], 'end');
    });
}
/** Points every schema-actions step at the project, and schema-check's generate at the project's drizzle-kit. */
function adaptProjectInputs(text, repo) {
    return eachStep(text, (s) => OURS.test(scalar(s, 'uses')), (t, step) => {
        const action = OURS.exec(scalar(step, 'uses'))[1];
        const inputs = (0,commands/* findCommand */.Z)(action)?.definition.inputs ?? {};
        const start = step.range[0];
        const first = [];
        if (repo.project !== '.' && 'working-directory' in inputs)
            first.push(`working-directory: ${repo.project}`);
        if (repo.configFile !== 'drizzle.config.ts' && 'drizzle-config' in inputs) {
            first.push(`drizzle-config: ${repo.configFile}`);
        }
        if (first.length)
            t = addPairs(t, child(step, 'with'), first, 'start');
        if ('generate-command' in inputs && repo.packageManager.exec !== 'npx') {
            const command = `${repo.packageManager.exec} drizzle-kit generate --config ${repo.configFile}`;
            t = addPairs(t, child(stepAt(t, start), 'with'), [`generate-command: ${command}`], 'end');
        }
        return t;
    });
}
/** The Vercel CLI runs where the project is linked; in a monorepo that is the app's folder, not the root. */
function adaptVercelFolder(text, repo) {
    if (repo.vercel.dir === '.')
        return text;
    return eachStep(text, (s, t) => Boolean(child(s, 'run')) && /\bsecrets\.VERCEL_TOKEN\b/.test(sourceOf(t, child(s, 'env'))), (t, step) => addPairs(t, step, [`working-directory: ${repo.vercel.dir}`], 'run'));
}
/** The pull_request paths filter: what a change to the project's schema, migrations or dependencies touches. */
function adaptPaths(text, repo) {
    const paths = child(child(child(parse(text).contents, 'on'), 'pull_request'), 'paths');
    if (!(0,dist/* isSeq */.oP)(paths))
        return text;
    const prefix = repo.project === '.' ? '' : `${repo.project}/`;
    const globs = [`${repo.migrationsDir}/**`, ...(repo.schema ?? ['**/*.ts']), 'drizzle.config.*', 'package.json'].map((glob) => prefix + glob);
    return replaceItems(text, paths, [...new Set([...globs, repo.packageManager.lockfile])]);
}
const ENTRY = /^#\s{3,}([A-Z][A-Z0-9_]+(?:,\s*[A-Z][A-Z0-9_]+)*)\s/;
const LIST = /^(# (?:Secrets|Variables)\b[^:]*:\s)([A-Z0-9_, ]+)\.$/;
/**
 * The leading comment: says init wrote the file, from which template, and which steps it left out and why; lists
 * only the secrets and variables that the workflow still uses.
 */
function adaptHeader(text, name, leftOut) {
    const lines = text.split('\n');
    const headerEnd = lines.findIndex((line) => !line.startsWith('#'));
    const body = lines.slice(headerEnd).join('\n');
    const used = (n) => new RegExp(`\\b(secrets|vars)\\.${n}\\b`).test(body);
    const header = lines.slice(0, headerEnd).flatMap((line) => {
        const entry = ENTRY.exec(line);
        if (entry)
            return entry[1].split(/,\s*/).some(used) ? [line] : [];
        const list = LIST.exec(line);
        if (list) {
            const kept = list[2].split(/,\s*/).filter(used);
            return kept.length ? [`${list[1]}${kept.join(', ')}.`] : [];
        }
        return [line];
    });
    const withoutEmptySections = header.filter((line, i) => !/^# (Secrets|Variables)\b.*:$/.test(line) || ENTRY.test(header[i + 1] ?? ''));
    const notes = ['Neon', 'Vercel'].flatMap((feature) => {
        const names = leftOut.filter((l) => l.feature === feature).map((l) => `"${l.step}"`);
        return names.length
            ? wrapComment(`Left out because this repository does not use ${feature}: ${names.join(', ')}.`)
            : [];
    });
    const [first, ...rest] = withoutEmptySections;
    const origin = `# Written by schema-actions init from workflows-templates/${name}.yml; run it again to update.`;
    return [first, origin, ...notes.map((n) => `# ${n}`), ...rest, ...lines.slice(headerEnd)].join('\n');
}
function wrapComment(text, width = 118) {
    const lines = [];
    for (const word of text.split(' ')) {
        const last = lines.length - 1;
        if (last >= 0 && `${lines[last]} ${word}`.length <= width)
            lines[last] = `${lines[last]} ${word}`;
        else
            lines.push(lines.length ? `  ${word}` : word);
    }
    return lines;
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./actions/init/templates.ts



// In lifecycle order, the order init writes and reports them.
const TEMPLATES = [
    { name: 'schema-check', inapplicable: () => undefined },
    { name: 'deploy-staging', inapplicable: () => undefined },
    { name: 'deploy-production', inapplicable: () => undefined },
    { name: 'drift-watch', inapplicable: () => undefined },
    {
        name: 'snapshot-cleanup',
        inapplicable: (repo) => (repo.neon.used ? undefined : 'it only cleans up Neon snapshots, and Neon is not used'),
    },
    {
        name: 'preview',
        inapplicable: (repo) => repo.neon.used ? undefined : 'it gives each pull request a Neon branch, and Neon is not used',
    },
    {
        name: 'rollback',
        inapplicable: (repo) => repo.neon.used || repo.vercel.used
            ? undefined
            : 'it restores a Neon snapshot and rolls a Vercel app back, and neither is used',
    },
    {
        name: 'migrate-tenants',
        inapplicable: () => undefined,
        onlyWhenAsked: 'it migrates a fleet of tenant databases (one per customer), which most apps do not have',
    },
];
/**
 * workflows-templates/ of this package: two folders up from this module, both from sources (actions/init/) and from
 * the bundle (dist/main/), so the CLI writes exactly the templates that ship next to it.
 */
function templatesDir() {
    const dir = (0,external_node_path_.join)((0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url)), '..', '..', 'workflows-templates');
    if (!(0,external_node_fs_.existsSync)(dir))
        throw new Error(`workflows-templates/ not found next to the schema-actions package (${dir})`);
    return dir;
}
function readTemplate(name) {
    return (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(templatesDir(), `${name}.yml`), 'utf8');
}

;// CONCATENATED MODULE: ./actions/init/plan.ts





/** The templates to write: the ones asked for (each must apply), else every one that applies. */
function chooseTemplates(requested, repo) {
    if (requested.length === 0) {
        return TEMPLATES.filter((t) => !t.onlyWhenAsked && !t.inapplicable(repo)).map((t) => t.name);
    }
    const names = TEMPLATES.map((t) => t.name);
    for (const name of requested) {
        const template = TEMPLATES.find((t) => t.name === name);
        if (!template) {
            throw new errors/* ConfigurationError */.j1(`unknown template "${name}" in templates; choose from ${names.join(', ')}`);
        }
        const why = template.inapplicable(repo);
        if (why)
            throw new errors/* ConfigurationError */.j1(`template ${name} does not apply: ${why} (set --neon or --vercel to true if they are)`);
    }
    return names.filter((name) => requested.includes(name));
}
/** What each chosen template becomes here, and what writing it would do to the file already there. */
function planFiles(root, templates, repo, force) {
    return templates.map((template) => {
        const templateText = readTemplate(template);
        const { text, leftOut } = adaptTemplate(template, templateText, repo);
        const path = `.github/workflows/${template}.yml`;
        const full = (0,external_node_path_.join)(root, path);
        const existing = (0,external_node_fs_.existsSync)(full) ? (0,external_node_fs_.readFileSync)(full, 'utf8') : undefined;
        const status = existing === undefined ? 'created' : existing === text ? 'unchanged' : force ? 'updated' : 'conflict';
        return { path, template, templateText, text, leftOut, status };
    });
}

// EXTERNAL MODULE: ./actions/lib/markdown.ts
var markdown = __webpack_require__(94269);
;// CONCATENATED MODULE: ./actions/init/report.ts

const VERB = {
    created: ['created', 'would be created'],
    updated: ['overwritten (--force)', 'would be overwritten (--force)'],
    unchanged: ['unchanged', 'unchanged'],
    conflict: ['exists with other content: not written', 'exists with other content: needs --force'],
};
function renderInitReport(repo, files, settings, dryRun) {
    const lines = ['## schema-actions init', '', ...describeRepository(repo), ''];
    lines.push((0,markdown/* markdownTable */.Qj)(['workflow', dryRun ? 'would be' : 'result'], files.map((f) => [`\`${f.path}\``, VERB[f.status][dryRun ? 1 : 0]])), '');
    if (files.every((f) => f.status === 'unchanged')) {
        lines.push('Nothing to change: every workflow is already what init writes.', '');
    }
    lines.push(...renderSettings(settings));
    if (dryRun) {
        for (const file of files)
            lines.push(`### ${file.path}`, '', '```yaml', file.text.trimEnd(), '```', '');
    }
    return lines.join('\n');
}
function describeRepository(repo) {
    const pm = repo.packageManager;
    const where = repo.project === '.' ? 'the repository root' : `\`${repo.project}\``;
    return [
        `- Drizzle project: ${where} (\`${repo.configFile}\`), migrations in \`${repo.migrationsDir}\` (${repo.layout === 'not generated yet' ? 'none generated yet' : `${repo.layout} layout`})`,
        `- schema files watched: ${repo.schema ? repo.schema.map((s) => `\`${s}\``).join(', ') : 'every .ts file (the config computes `schema`)'}`,
        `- package manager: ${pm.name} (${pm.lockfileFound ? `\`${pm.lockfile}\`` : 'no lockfile found; commit one, the workflows install with it'}), install with \`${pm.install}\``,
        `- Neon: ${repo.neon.used ? 'used' : 'not used'} (${repo.neon.because})`,
        `- Vercel: ${repo.vercel.used ? 'used' : 'not used'} (${repo.vercel.because})`,
    ];
}
function renderSettings(settings) {
    if (settings.length === 0)
        return ['No secrets or variables to create.', ''];
    const lines = ['### Secrets and variables to create', ''];
    const environments = [...new Set(settings.map((s) => s.environment))].sort((a, b) => a === undefined ? 1 : b === undefined ? -1 : order(a) - order(b) || a.localeCompare(b));
    for (const environment of environments) {
        lines.push(environment
            ? `Environment \`${environment}\` (Settings → Environments):`
            : 'Repository (Settings → Secrets and variables → Actions):', '', (0,markdown/* markdownTable */.Qj)(['name', 'kind', 'what', 'used by'], settings
            .filter((s) => s.environment === environment)
            .sort((a, b) => Number(a.optional) - Number(b.optional) || a.kind.localeCompare(b.kind))
            .map((s) => [
            `\`${s.name}\``,
            s.optional ? `${s.kind}, optional` : s.kind,
            s.description.replace(/^optional:?\s*/, ''),
            s.usedBy.map((f) => f.replace(/^\.github\/workflows\//, '')).join(', '),
        ])), '');
    }
    return lines;
}
function order(environment) {
    const known = ['staging', 'production'].indexOf(environment);
    return known === -1 ? 99 : known;
}

;// CONCATENATED MODULE: ./actions/init/secrets.ts


const secrets_ENTRY = /^#\s{3,}([A-Z][A-Z0-9_]+(?:,\s*[A-Z][A-Z0-9_]+)*)\s+(.*)$/;
const SECTION = /^# (?:Secrets|Variables)\b[^:]*:/;
// A section "(repository, …)" lists what is created once for the repository, whichever job reads it: a value the
// pull-request check and the deploys must share (an environment's own value would let them disagree).
const REPOSITORY_SECTION = /^# (?:Secrets|Variables) \(repository\b/;
/**
 * The secrets and variables the workflows read, per environment of the job that reads them, described by the
 * templates' own header comments (which also say which are optional).
 */
function settingsOf(workflows) {
    const settings = new Map();
    // A name a template only lists (snapshot-cleanup's NEON_API_KEY) is described where another template explains it,
    // but is optional only where its own template says so: snapshot-cleanup cannot run without it.
    const everywhere = new Map(workflows.flatMap(({ template }) => [...descriptions(template)].reverse()).reverse());
    for (const { file, text, template } of workflows) {
        const own = descriptions(template);
        const jobs = child(parse(text).contents, 'jobs');
        if (!(0,dist/* isMap */.jh)(jobs))
            continue;
        for (const job of jobs.items) {
            const jobText = sourceOf(text, job.value);
            for (const environment of environmentsOf(job.value)) {
                for (const [, scope, name] of jobText.matchAll(/\b(secrets|vars)\.([A-Z][A-Z0-9_]*)\b/g)) {
                    const { about, repository } = own.get(name) ?? everywhere.get(name) ?? { about: '', repository: false };
                    const key = `${repository ? '' : (environment ?? '')}/${name}`;
                    const optional = /^optional\b/.test(own.get(name)?.about ?? '');
                    const found = settings.get(key);
                    if (found) {
                        if (!found.usedBy.includes(file))
                            found.usedBy.push(file);
                        found.optional &&= optional;
                        found.description ||= about;
                    }
                    else {
                        settings.set(key, {
                            name: name,
                            kind: scope === 'secrets' ? 'secret' : 'variable',
                            environment: repository ? undefined : environment,
                            optional,
                            description: about,
                            usedBy: [file],
                        });
                    }
                }
            }
        }
    }
    return [...settings.values()];
}
/** A job's environments: its `environment:`, expanded over `matrix.environment` when it names that. */
function environmentsOf(job) {
    const environment = child(job, 'environment');
    const value = environment && 'value' in environment ? String(environment.value) : undefined;
    if (value === undefined)
        return [undefined];
    if (/\$\{\{\s*matrix\.environment\s*\}\}/.test(value)) {
        const values = child(child(child(job, 'strategy'), 'matrix'), 'environment');
        return (0,dist/* isSeq */.oP)(values) ? values.items.map((item) => String(item)) : [undefined];
    }
    return [value];
}
function descriptions(template) {
    const map = new Map();
    let repository = false;
    for (const line of template.split('\n')) {
        if (!line.startsWith('#'))
            break;
        if (SECTION.test(line))
            repository = REPOSITORY_SECTION.test(line);
        const entry = secrets_ENTRY.exec(line);
        if (entry)
            for (const name of entry[1].split(/,\s*/))
                map.set(name, { about: entry[2].trim(), repository });
    }
    return map;
}

;// CONCATENATED MODULE: ./actions/init/run.ts






const CHOICES = ['auto', 'true', 'false'];
async function run(context) {
    const { inputs, logger } = context;
    const root = context.baseDir;
    const force = inputs.boolean('force');
    const dryRun = inputs.boolean('dry-run');
    const neon = inputs.enum('neon', CHOICES);
    const vercel = inputs.enum('vercel', CHOICES);
    const requested = inputs.list('templates');
    const repo = await detectRepository(root, { project: inputs.optional('project'), neon, vercel });
    if (!repo.packageManager.lockfileFound) {
        logger.warning(`no lockfile found; the workflows install with npm ci, which needs ${repo.packageManager.lockfile}: commit it`);
    }
    const files = planFiles(root, chooseTemplates(requested, repo), repo, force);
    const conflicts = files.filter((f) => f.status === 'conflict');
    if (!dryRun && conflicts.length === 0) {
        for (const file of files.filter((f) => f.status === 'created' || f.status === 'updated')) {
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)((0,external_node_path_.join)(root, file.path)), { recursive: true });
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(root, file.path), file.text);
            logger.info(`${file.status === 'created' ? 'wrote' : 'overwrote'} ${file.path}`);
        }
    }
    const settings = settingsOf(files.map((f) => ({ file: f.path, text: f.text, template: f.templateText })));
    context.setOutput('files', files.map(({ path, status }) => ({ path, status })));
    const published = await context.report.publish(renderInitReport(repo, files, settings, dryRun), { comment: false });
    context.setOutput('report', published.path);
    if (conflicts.length && !dryRun) {
        return {
            failure: `nothing written: ${conflicts.map((f) => f.path).join(', ')} already ${conflicts.length === 1 ? 'exists' : 'exist'} with other content; rerun with --force to overwrite them, or with --dry-run to see what init would write`,
        };
    }
    return {};
}


/***/ })

};
