export const id = 556;
export const ids = [556];
export const modules = {

/***/ 61556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lintMigrations: () => (/* binding */ lintMigrations)
});

// UNUSED EXPORTS: OBSERVED_REWRITE, RULES

;// CONCATENATED MODULE: ./actions/schema-check/lint/sql-tree.ts
/** `schema.table` of a relation, `public` when unqualified (Drizzle's default search path). */
function qualified(relation) {
    return `${relation?.schemaname ?? 'public'}.${relation?.relname ?? '?'}`;
}
/** `schema.name` of a dotted name (`mood`, `public.mood`), `public` when unqualified. */
function qualifiedName(name) {
    return name.includes('.') ? name : `public.${name}`;
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
/** The type's base name (without `pg_catalog.`) and numeric modifiers, e.g. varchar [50]. */
function typeParts(type) {
    const names = (type?.names ?? []).map(nameOf);
    const mods = (type?.typmods ?? []).map((m) => ('A_Const' in m ? Number(m.A_Const.ival?.ival ?? 0) : NaN));
    return { name: names[names.length - 1] ?? '', mods };
}
function isSerial(type) {
    return /^(small|big)?serial[248]?$/i.test(typeParts(type).name);
}
/** The column a `CHECK` expression proves NOT NULL: `col IS NOT NULL`, alone or as one term of an AND. */
function notNullColumns(expression) {
    if (!expression)
        return [];
    if ('NullTest' in expression) {
        const { arg, nulltesttype } = expression.NullTest;
        if (nulltesttype !== 'IS_NOT_NULL' || !arg || !('ColumnRef' in arg))
            return [];
        const fields = arg.ColumnRef.fields ?? [];
        const last = fields[fields.length - 1];
        return last && 'String' in last ? [last.String.sval ?? ''] : [];
    }
    if ('BoolExpr' in expression && expression.BoolExpr.boolop === 'AND_EXPR') {
        return (expression.BoolExpr.args ?? []).flatMap(notNullColumns);
    }
    return [];
}
/** Every object in a tree, parents before children, for rules that look for a kind of node anywhere in it. */
function objectsIn(value) {
    const found = [];
    const visit = (item) => {
        if (Array.isArray(item)) {
            for (const element of item)
                visit(element);
        }
        else if (item && typeof item === 'object') {
            found.push(item);
            for (const key in item)
                visit(item[key]);
        }
    };
    visit(value);
    return found;
}

;// CONCATENATED MODULE: ./actions/schema-check/lint/context.ts

/** Columns proven NOT NULL by a validated CHECK in the schema before the change (`schema.table.column`). */
async function notNullProofsIn(parser, catalog) {
    const proofs = new Set();
    for (const table of catalog?.tables ?? []) {
        for (const constraint of table.constraints) {
            if (constraint.kind !== 'check' || !/IS NOT NULL/i.test(constraint.definition))
                continue;
            const sql = `ALTER TABLE t ADD CONSTRAINT c ${constraint.definition}`;
            const cmd = (await parser.parse(sql)).stmts?.[0]?.stmt;
            const parsed = cmd && 'AlterTableStmt' in cmd ? cmd.AlterTableStmt.cmds?.[0] : undefined;
            const check = parsed && 'AlterTableCmd' in parsed ? addedConstraint(parsed.AlterTableCmd) : undefined;
            if (!check || check.skip_validation)
                continue;
            for (const column of notNullColumns(check.raw_expr))
                proofs.add(`${table.schema}.${table.name}.${column}`);
        }
    }
    return proofs;
}
function typeCreated(node) {
    if ('CreateEnumStmt' in node)
        return (node.CreateEnumStmt.typeName ?? []).map(nameOf).join('.');
    if ('CreateRangeStmt' in node)
        return (node.CreateRangeStmt.typeName ?? []).map(nameOf).join('.');
    if ('CompositeTypeStmt' in node)
        return qualified(node.CompositeTypeStmt.typevar);
    return undefined;
}
function addedConstraint(cmd) {
    return cmd.subtype === 'AT_AddConstraint' && cmd.def && 'Constraint' in cmd.def ? cmd.def.Constraint : undefined;
}
/**
 * Follows the deploy statement by statement, as Drizzle would run it, to answer what each rule needs to know about
 * what came before: tables and indexes created, constraints added NOT VALID, and the transaction block in force.
 */
class DeployState {
    notNullProofs;
    columnType;
    style;
    policy;
    tables = new Set();
    indexes = new Set();
    types = new Set();
    notValid = new Map();
    transaction;
    previousTransactional = false;
    constructor(notNullProofs, columnType, style, policy) {
        this.notNullProofs = notNullProofs;
        this.columnType = columnType;
        this.style = style;
        this.policy = policy;
    }
    /**
     * The deploy's transactions, as the executor plans them: with `all` one transaction for every pending migration
     * (Drizzle's way), with `each` one per migration; a no-transaction file runs outside any.
     */
    startMigration(migration) {
        if (migration.noTransaction)
            this.transaction = undefined;
        else if (!this.previousTransactional || this.policy === 'each')
            this.transaction = 'drizzle';
        // A NOT VALID constraint committed by an earlier migration's own transaction is validated separately.
        if (this.policy === 'each')
            this.notValid.clear();
        this.previousTransactional = !migration.noTransaction;
    }
    contextFor(statement) {
        const implicit = statement.chunkStatements > 1 ? 'implicit' : undefined;
        return {
            isNewTable: (table) => this.tables.has(table),
            isNewIndex: (index) => this.indexes.has(index),
            isNewType: (type) => this.types.has(type),
            columnType: this.columnType,
            hasNotNullProof: (table, column) => this.notNullProofs.has(`${table}.${column}`),
            notValidAdded: (table, constraint) => this.notValid.get(`${table}.${constraint}`)?.where,
            transaction: statement.doLine !== undefined ? 'do-block' : (this.transaction ?? implicit),
            transactional: !statement.migration.noTransaction,
            style: this.style,
        };
    }
    /** Takes in what the statement changed, once the rules have looked at it. */
    record(statement) {
        const node = statement.node;
        if ('CreateStmt' in node)
            this.tables.add(qualified(node.CreateStmt.relation));
        if ('CreateTableAsStmt' in node)
            this.tables.add(qualified(node.CreateTableAsStmt.into?.rel));
        if ('IndexStmt' in node && node.IndexStmt.idxname) {
            this.indexes.add(`${node.IndexStmt.relation?.schemaname ?? 'public'}.${node.IndexStmt.idxname}`);
        }
        const type = typeCreated(node);
        if (type)
            this.types.add(qualifiedName(type));
        // Inside a DO block, PostgreSQL refuses transaction control in Drizzle's transaction: the deploy state is unchanged.
        if ('TransactionStmt' in node && statement.doLine === undefined) {
            const kind = node.TransactionStmt.kind;
            if (kind === 'TRANS_STMT_BEGIN' || kind === 'TRANS_STMT_START')
                this.transaction ??= 'explicit';
            if (kind === 'TRANS_STMT_COMMIT' || kind === 'TRANS_STMT_ROLLBACK')
                this.transaction = undefined;
        }
        if ('AlterTableStmt' in node) {
            const table = qualified(node.AlterTableStmt.relation);
            for (const cmd of node.AlterTableStmt.cmds ?? []) {
                if ('AlterTableCmd' in cmd)
                    this.recordConstraint(table, cmd.AlterTableCmd, statement);
            }
        }
    }
    recordConstraint(table, cmd, statement) {
        const constraint = addedConstraint(cmd);
        if (constraint) {
            const notNull = constraint.contype === 'CONSTR_CHECK' ? notNullColumns(constraint.raw_expr) : [];
            if (constraint.skip_validation && constraint.conname) {
                const where = `${statement.migration.file}:${statement.line}`;
                this.notValid.set(`${table}.${constraint.conname}`, { where, notNull });
            }
            else {
                for (const column of notNull)
                    this.notNullProofs.add(`${table}.${column}`);
            }
        }
        if (cmd.subtype === 'AT_ValidateConstraint') {
            for (const column of this.notValid.get(`${table}.${cmd.name}`)?.notNull ?? []) {
                this.notNullProofs.add(`${table}.${column}`);
            }
        }
    }
}

;// CONCATENATED MODULE: ./actions/schema-check/lint/identifiers.ts
/** PostgreSQL's NAMEDATALEN is 64: identifiers keep at most 63 bytes. */
const MAX_IDENTIFIER_BYTES = 63;
/** The identifier a lexer token spells: unquoted ones are folded to lower case, quoted ones keep their text. */
function identifierOf(token) {
    return token.startsWith('"') ? token.slice(1, -1).replace(/""/g, '"') : token.toLowerCase();
}
const NEAR_LIMIT = MAX_IDENTIFIER_BYTES - 3;
const tooLong = (text) => Buffer.byteLength(text) > MAX_IDENTIFIER_BYTES;
/**
 * PostgreSQL's lexer is several times slower than its parser, so it only runs where the parse tree shows a truncated
 * name could be: the lexer cuts a long identifier to 63 bytes at a character boundary, so at least 60 bytes remain
 * (UTF-8 characters have at most 4). Constants of that length only cost an unneeded lexer run.
 */
function hasNearLimitString(value) {
    if (typeof value === 'string') {
        return value.length >= NEAR_LIMIT || (value.length >= NEAR_LIMIT / 4 && Buffer.byteLength(value) >= NEAR_LIMIT);
    }
    if (value && typeof value === 'object') {
        for (const key in value)
            if (hasNearLimitString(value[key]))
                return true;
    }
    return false;
}
/**
 * Identifiers longer than 63 bytes, each at the line it is on. Read from the lexer's tokens rather than the parse
 * tree, because the parser only ever sees the truncated name.
 */
async function longIdentifiers(parser, statement) {
    // A DO block's body is one string constant to the lexer; the statements in it are checked on their own.
    if ('DoStmt' in statement.node || !hasNearLimitString(statement.node))
        return [];
    const bytes = Buffer.from(statement.text, 'utf8');
    const seen = new Set();
    const out = [];
    for (const token of (await parser.scan(statement.text)).tokens ?? []) {
        if (token.tokenName !== 'IDENT')
            continue;
        const name = identifierOf(token.text);
        const length = Buffer.byteLength(name);
        if (!tooLong(name) || seen.has(name))
            continue;
        seen.add(name);
        const truncated = Buffer.from(name)
            .subarray(0, MAX_IDENTIFIER_BYTES)
            .toString('utf8')
            .replace(/\uFFFD$/, '');
        const before = bytes.subarray(0, token.start).toString('utf8');
        out.push({
            rule: 'identifier-too-long',
            line: statement.line + (before.match(/\n/g)?.length ?? 0),
            message: `identifier "${name}" is ${length} bytes; PostgreSQL silently truncates it to "${truncated}"`,
        });
    }
    return out;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
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

// EXTERNAL MODULE: ./actions/schema-check/lint/rules.ts
var rules = __webpack_require__(53680);
;// CONCATENATED MODULE: ./actions/schema-check/lint/columns.ts

/**
 * Built-in functions PostgreSQL marks volatile that show up as column defaults. A default calling one is computed per
 * row, so adding the column rewrites the table; stable ones (now(), current_timestamp) are evaluated once.
 */
const VOLATILE_FUNCTIONS = new Set([
    'gen_random_uuid',
    'gen_random_bytes',
    'uuid_generate_v1',
    'uuid_generate_v1mc',
    'uuid_generate_v4',
    'uuidv4',
    'uuidv7',
    'random',
    'random_normal',
    'clock_timestamp',
    'timeofday',
    'nextval',
]);
function volatileCall(expression) {
    for (const node of objectsIn(expression)) {
        const call = node.FuncCall;
        const name = call?.funcname?.map(nameOf).pop();
        if (name && VOLATILE_FUNCTIONS.has(name.toLowerCase()))
            return name;
    }
    return undefined;
}
const has = (constraints, type) => constraints.some((c) => c.contype === type);
/** Why adding this column rewrites the table, if it does. */
function rewriteReason(column, constraints) {
    if (isSerial(column.typeName))
        return `its type ${typeParts(column.typeName).name} fills every row from a sequence`;
    if (has(constraints, 'CONSTR_IDENTITY'))
        return 'an identity column fills every row from a sequence';
    const volatile = volatileCall(constraints.find((c) => c.contype === 'CONSTR_DEFAULT')?.raw_expr);
    return volatile ? `its default ${volatile}() is volatile, so it is computed for every row` : undefined;
}
/** Rules for a column added to a table that existed before the change. */
function addColumnViolations(column, table) {
    const constraints = constraintsOf(column);
    const name = `${table}.${column.colname ?? '?'}`;
    const out = [];
    const notNull = column.is_not_null || has(constraints, 'CONSTR_NOTNULL') || has(constraints, 'CONSTR_PRIMARY');
    const filled = isSerial(column.typeName) ||
        ['CONSTR_DEFAULT', 'CONSTR_IDENTITY', 'CONSTR_GENERATED'].some((t) => has(constraints, t));
    if (notNull && !filled) {
        out.push({
            rule: 'add-not-null-column-without-default',
            message: `adds NOT NULL column ${name} without a default; it fails on any environment where ${table} has rows`,
        });
    }
    const rewrite = rewriteReason(column, constraints);
    if (rewrite) {
        out.push({
            rule: 'add-column-volatile-default',
            message: `adds column ${name}, and ${rewrite}: ${table} is rewritten under an ACCESS EXCLUSIVE lock`,
        });
    }
    if (constraints.some((c) => c.contype === 'CONSTR_GENERATED' && c.generated_kind === 's')) {
        out.push({
            rule: 'add-column-stored-generated',
            message: `adds STORED generated column ${name}, computed for every existing row: ${table} is rewritten under an ACCESS EXCLUSIVE lock`,
        });
    }
    for (const constraint of constraints)
        out.push(...inlineConstraintViolations(constraint, name, table));
    return out;
}
/** A constraint written inside ADD COLUMN does what its ADD CONSTRAINT form does, and cannot be NOT VALID. */
function inlineConstraintViolations(constraint, column, table) {
    switch (constraint.contype) {
        case 'CONSTR_FOREIGN':
            return [
                {
                    rule: 'add-foreign-key-without-not-valid',
                    message: `adds column ${column} with an inline REFERENCES ${qualified(constraint.pktable)}: the foreign key is validated at once while ${table} and ${qualified(constraint.pktable)} are locked`,
                },
            ];
        case 'CONSTR_CHECK':
            return [
                {
                    rule: 'add-check-without-not-valid',
                    message: `adds column ${column} with an inline CHECK: the whole table is scanned under lock`,
                },
            ];
        case 'CONSTR_UNIQUE':
        case 'CONSTR_PRIMARY':
            return [
                {
                    rule: 'add-unique-constraint',
                    message: `adds column ${column} with an inline ${constraint.contype === 'CONSTR_UNIQUE' ? 'UNIQUE' : 'PRIMARY KEY'}, building its index while writes to ${table} are blocked`,
                },
            ];
        default:
            return [];
    }
}
const SMALL_INTEGERS = new Set(['int2', 'int4', 'smallint', 'integer', 'serial', 'serial2', 'serial4', 'smallserial']);
/** The opt-in style rules for one column definition, on any table. */
function columnStyleViolations(column, table, primaryKey) {
    const name = `${table}.${column.colname ?? '?'}`;
    const type = typeParts(column.typeName).name.toLowerCase();
    const out = [...timestampStyle(column.typeName, name)];
    if (isSerial(column.typeName)) {
        out.push({
            rule: 'prefer-identity',
            message: `column ${name} is ${type}; an identity column is the standard form`,
        });
    }
    if (primaryKey && SMALL_INTEGERS.has(type)) {
        out.push({
            rule: 'prefer-bigint-primary-key',
            message: `primary key ${name} is ${type}, which runs out at ${type.includes('2') || type.startsWith('small') ? '32 767' : 'about 2.1 billion'}`,
        });
    }
    return out;
}
function timestampStyle(type, column) {
    if (typeParts(type).name.toLowerCase() !== 'timestamp')
        return [];
    return [{ rule: 'prefer-timestamptz', message: `column ${column} is timestamp without time zone` }];
}
/** Style rules over a CREATE TABLE: every column, with the single-column primary key known. */
function createTableStyleViolations(stmt) {
    const table = qualified(stmt.relation);
    const elements = stmt.tableElts ?? [];
    const tableKeys = elements.flatMap((e) => 'Constraint' in e && e.Constraint.contype === 'CONSTR_PRIMARY' ? [(e.Constraint.keys ?? []).map(nameOf)] : []);
    const singleKey = tableKeys.length === 1 && tableKeys[0].length === 1 ? tableKeys[0][0] : undefined;
    return elements.flatMap((e) => {
        if (!('ColumnDef' in e))
            return [];
        const column = e.ColumnDef;
        const primaryKey = column.colname === singleKey || has(constraintsOf(column), 'CONSTR_PRIMARY');
        return columnStyleViolations(column, table, primaryKey);
    });
}

;// CONCATENATED MODULE: ./actions/schema-check/lint/widening.ts

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

;// CONCATENATED MODULE: ./actions/schema-check/lint/alter-table.ts



function alterTableViolations(stmt, context) {
    if (stmt.objtype && stmt.objtype !== 'OBJECT_TABLE')
        return [];
    const table = qualified(stmt.relation);
    const isNew = context.isNewTable(table);
    const out = [];
    for (const node of stmt.cmds ?? []) {
        if (!('AlterTableCmd' in node))
            continue;
        const cmd = node.AlterTableCmd;
        if (!isNew)
            out.push(...alterCommandViolations(cmd, table, context));
        if (context.style)
            out.push(...alterStyleViolations(cmd, table));
    }
    return out;
}
function alterStyleViolations(cmd, table) {
    const def = cmd.def && 'ColumnDef' in cmd.def ? cmd.def.ColumnDef : undefined;
    if (!def)
        return [];
    if (cmd.subtype === 'AT_AddColumn') {
        const primaryKey = constraintsOf(def).some((c) => c.contype === 'CONSTR_PRIMARY');
        return columnStyleViolations(def, table, primaryKey);
    }
    if (cmd.subtype === 'AT_AlterColumnType')
        return timestampStyle(def.typeName, `${table}.${cmd.name ?? '?'}`);
    return [];
}
/** Rules for one ALTER TABLE command on a table that existed before the change. */
function alterCommandViolations(cmd, table, context) {
    const column = `${table}.${cmd.name ?? ''}`;
    switch (cmd.subtype) {
        case 'AT_DropColumn':
            return [
                { rule: 'drop-column', message: `drops column ${column}; running code that still selects or writes it breaks` },
            ];
        case 'AT_AlterColumnType':
            return typeChangeViolations(cmd, table, context);
        case 'AT_AddColumn': {
            const def = cmd.def && 'ColumnDef' in cmd.def ? cmd.def.ColumnDef : undefined;
            return def ? addColumnViolations(def, table) : [];
        }
        case 'AT_SetNotNull':
            if (context.hasNotNullProof(table, cmd.name ?? ''))
                return [];
            return [
                {
                    rule: 'set-not-null',
                    message: `sets ${column} NOT NULL, scanning the whole table under an ACCESS EXCLUSIVE lock (no validated CHECK (${cmd.name} IS NOT NULL) proves it beforehand)`,
                },
            ];
        case 'AT_DropNotNull':
            return [
                {
                    rule: 'drop-not-null',
                    message: `drops NOT NULL from ${column}; running code may rely on it never being NULL`,
                },
            ];
        case 'AT_ColumnDefault':
            if (cmd.def)
                return [];
            return [
                {
                    rule: 'drop-default',
                    message: `drops the default of ${column}; running code that inserts without it gets NULL (or a NOT NULL error)`,
                },
            ];
        case 'AT_AddConstraint': {
            const constraint = cmd.def && 'Constraint' in cmd.def ? cmd.def.Constraint : undefined;
            return constraint ? addConstraintViolations(constraint, table) : [];
        }
        case 'AT_ValidateConstraint': {
            const added = context.notValidAdded(table, cmd.name ?? '');
            if (!added)
                return [];
            return [
                {
                    rule: 'validate-in-same-deploy',
                    message: `validates ${cmd.name} in the same deploy that adds it NOT VALID (${added}): in Drizzle's single transaction the lock taken there is still held while this scans ${table}`,
                },
            ];
        }
        default:
            return [];
    }
}
function typeChangeViolations(cmd, table, context) {
    const def = cmd.def && 'ColumnDef' in cmd.def ? cmd.def.ColumnDef : undefined;
    const column = cmd.name ?? '';
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
function addConstraintViolations(constraint, table) {
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
    if ((constraint.contype === 'CONSTR_UNIQUE' || constraint.contype === 'CONSTR_PRIMARY') && !constraint.indexname) {
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

;// CONCATENATED MODULE: ./actions/schema-check/lint/statement-rules.ts



const BLOCKS = {
    drizzle: 'Drizzle runs every pending migration in one transaction',
    explicit: 'it runs inside the transaction an explicit BEGIN opened',
    implicit: 'it shares its chunk with other statements (no `--> statement-breakpoint` between them), and PostgreSQL runs a query holding several statements as one implicit transaction',
    'do-block': 'it runs inside a DO block, where PostgreSQL refuses it ("cannot be executed from a function")',
};
function concurrently(what, context) {
    if (!context.transaction)
        return [];
    return [
        {
            rule: 'concurrently-in-transaction',
            message: `${what} CONCURRENTLY cannot run inside a transaction block, and ${BLOCKS[context.transaction]}: this migration fails when deployed`,
        },
    ];
}
const hasOption = (options, name) => (options ?? []).some((o) => 'DefElem' in o && o.DefElem.defname === name);
/** The rule violations of one parsed statement. */
function statementViolations(node, context) {
    if ('IndexStmt' in node) {
        const stmt = node.IndexStmt;
        const table = qualified(stmt.relation);
        if (stmt.concurrent)
            return concurrently('CREATE INDEX', context);
        if (context.isNewTable(table))
            return [];
        const name = stmt.idxname ? `index ${stmt.idxname}` : 'an index';
        return [
            {
                rule: 'create-index-without-concurrently',
                message: `creates ${name} on existing table ${table} without CONCURRENTLY, blocking writes while it builds`,
            },
        ];
    }
    if ('DropStmt' in node)
        return dropViolations(node.DropStmt, context);
    if ('ReindexStmt' in node) {
        const stmt = node.ReindexStmt;
        if (hasOption(stmt.params, 'concurrently'))
            return concurrently('REINDEX', context);
        const target = stmt.relation ? qualified(stmt.relation) : (stmt.name ?? 'the database');
        if (context.isNewTable(target) || context.isNewIndex(target))
            return [];
        return [
            {
                rule: 'reindex-without-concurrently',
                message: `reindexes ${target} without CONCURRENTLY, blocking writes while it rebuilds`,
            },
        ];
    }
    if ('VacuumStmt' in node) {
        const stmt = node.VacuumStmt;
        if (!stmt.is_vacuumcmd || !hasOption(stmt.options, 'full'))
            return [];
        const tables = (stmt.rels ?? []).flatMap((r) => 'VacuumRelation' in r ? [qualified(r.VacuumRelation.relation)] : []);
        if (tables.length > 0 && tables.every((t) => context.isNewTable(t)))
            return [];
        const what = tables.length ? tables.join(', ') : 'every table of the database';
        return [{ rule: 'vacuum-full', message: `VACUUM FULL rewrites ${what} under an ACCESS EXCLUSIVE lock` }];
    }
    if ('ClusterStmt' in node) {
        const table = node.ClusterStmt.relation ? qualified(node.ClusterStmt.relation) : undefined;
        if (table && context.isNewTable(table))
            return [];
        const what = table ?? 'every previously clustered table';
        return [{ rule: 'cluster', message: `CLUSTER rewrites ${what} under an ACCESS EXCLUSIVE lock` }];
    }
    if ('TransactionStmt' in node)
        return transactionViolations(node.TransactionStmt, context);
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
    if ('CreateStmt' in node)
        return context.style ? createTableStyleViolations(node.CreateStmt) : [];
    if ('AlterTableStmt' in node)
        return alterTableViolations(node.AlterTableStmt, context);
    if ('TruncateStmt' in node) {
        const tables = (node.TruncateStmt.relations ?? []).flatMap((r) => ('RangeVar' in r ? [qualified(r.RangeVar)] : []));
        if (tables.every((t) => context.isNewTable(t)))
            return [];
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
function dropViolations(stmt, context) {
    if (stmt.concurrent)
        return concurrently('DROP INDEX', context);
    const objects = (stmt.objects ?? []).map((o) => qualifiedName(nameOf(o)));
    switch (stmt.removeType) {
        case 'OBJECT_TABLE':
            return objects
                .filter((o) => !context.isNewTable(o))
                .map((o) => ({ rule: 'drop-table', message: `drops table ${o} and all its data` }));
        case 'OBJECT_INDEX':
            return objects
                .filter((o) => !context.isNewIndex(o))
                .map((o) => ({
                rule: 'drop-index-without-concurrently',
                message: `drops index ${o} without CONCURRENTLY, taking an ACCESS EXCLUSIVE lock on its table`,
            }));
        case 'OBJECT_TYPE': {
            const existing = objects.filter((o) => !context.isNewType(o));
            return existing.length ? [{ rule: 'drop-type', message: `drops type ${existing.join(', ')}` }] : [];
        }
        default:
            return [];
    }
}
const TRANSACTION_EFFECTS = {
    TRANS_STMT_BEGIN: "Drizzle already runs the migrations in a transaction, so this BEGIN only draws a warning, and the COMMIT that usually follows ends Drizzle's transaction early",
    TRANS_STMT_START: "Drizzle already runs the migrations in a transaction, so this START TRANSACTION only draws a warning, and the COMMIT that usually follows ends Drizzle's transaction early",
    TRANS_STMT_COMMIT: "ends Drizzle's transaction early: the statements and migrations after it are no longer atomic, so if one fails, what ran before it stays applied and the deploy is left half done",
    TRANS_STMT_ROLLBACK: 'discards everything this deploy applied before it, earlier migrations and their ledger rows included, while Drizzle carries on without a transaction and records this migration as applied, so the discarded ones are never applied again',
};
/** Explicit transaction control fights Drizzle's own transaction; in a no-transaction file it is the author's choice. */
function transactionViolations(stmt, context) {
    const effect = stmt.kind ? TRANSACTION_EFFECTS[stmt.kind] : undefined;
    if (!effect || !context.transactional || context.transaction === 'do-block')
        return [];
    return [{ rule: 'transaction-control', message: effect }];
}

// EXTERNAL MODULE: ./actions/lib/migrations/chunks.ts
var chunks = __webpack_require__(57866);
;// CONCATENATED MODULE: ./actions/schema-check/lint/plpgsql.ts

/** The body of a `DO` block and its byte offset in the chunk, when its language is PL/pgSQL (the default). */
function plpgsqlBody(stmt) {
    let location;
    let language = 'plpgsql';
    for (const arg of stmt.args ?? []) {
        if (!('DefElem' in arg))
            continue;
        const { defname, arg: value } = arg.DefElem;
        if (defname === 'language' && value && 'String' in value)
            language = value.String.sval ?? '';
        if (defname === 'as')
            location = arg.DefElem.location;
    }
    return language.toLowerCase() === 'plpgsql' && location !== undefined ? { location } : undefined;
}
/**
 * The SQL statements in a PL/pgSQL parse tree (libpg-query's parsePlPgSQL), in the order they appear: plain
 * statements anywhere in the block (IF branches, loops, exception handlers), and `EXECUTE` of a constant string.
 */
function embeddedStatements(tree) {
    const found = [];
    for (const node of objectsIn(tree)) {
        const exec = node.PLpgSQL_stmt_execsql;
        const query = exec?.sqlstmt?.PLpgSQL_expr?.query;
        if (exec && query)
            found.push({ sql: query, bodyLine: exec.lineno ?? 1 });
        const dynamic = node.PLpgSQL_stmt_dynexecute;
        const literal = constantString(dynamic?.query?.PLpgSQL_expr?.query);
        if (dynamic && literal)
            found.push({ sql: literal, bodyLine: dynamic.lineno ?? 1 });
    }
    return found.sort((a, b) => a.bodyLine - b.bodyLine);
}
/** `'ALTER TABLE ...'` → its text; anything computed (concatenation, format()) → undefined. */
function constantString(expression) {
    const match = expression?.trim().match(/^'((?:[^']|'')*)'$/s);
    return match ? match[1].replace(/''/g, "'") : undefined;
}

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
function errorCursor(error) {
    const cursor = error.sqlDetails?.cursorPosition;
    return cursor !== undefined && cursor >= 0 ? cursor : undefined;
}
/**
 * Every statement of a migration, parsed by PostgreSQL's parser, with the file line it starts on. The SQL inside a
 * PL/pgSQL `DO` block follows its `DO`, parsed by PL/pgSQL's own parser, each at its own line.
 */
async function parseMigration(parser, migration) {
    const out = { statements: [], failures: [] };
    for (const [index, chunk] of migration.chunks.entries()) {
        let result;
        try {
            result = await parser.parse(chunk.sql);
        }
        catch (error) {
            const cursor = errorCursor(error);
            const line = cursor !== undefined ? (0,chunks/* lineOfPosition */.DR)(chunk, cursor + 1) : chunk.line;
            out.failures.push({ migration, line, message: error.message });
            continue;
        }
        const bytes = Buffer.from(chunk.sql, 'utf8');
        const raws = (result.stmts ?? []).filter((raw) => raw.stmt);
        for (const raw of raws) {
            const from = charOffset(bytes, raw.stmt_location ?? 0);
            const to = raw.stmt_len ? charOffset(bytes, (raw.stmt_location ?? 0) + raw.stmt_len) : chunk.sql.length;
            const start = skipTrivia(chunk.sql, from);
            const statement = {
                migration,
                line: (0,chunks/* lineOfPosition */.DR)(chunk, start + 1),
                node: raw.stmt,
                text: chunk.sql.slice(start, to).trim(),
                chunk: index,
                chunkStatements: raws.length,
            };
            out.statements.push(statement);
            if ('DoStmt' in statement.node)
                await expandDoBlock(parser, statement, chunk, bytes, out);
        }
    }
    return out;
}
/** Adds the statements a `DO` block runs, right after it; a body PL/pgSQL rejects is a parse failure at its line. */
async function expandDoBlock(parser, statement, chunk, bytes, out) {
    const body = 'DoStmt' in statement.node ? plpgsqlBody(statement.node.DoStmt) : undefined;
    if (!body)
        return;
    const bodyLine = (0,chunks/* lineOfPosition */.DR)(chunk, charOffset(bytes, body.location) + 1);
    let tree;
    try {
        tree = await parser.parsePlPgSQL(statement.text);
    }
    catch (error) {
        const message = error.message;
        out.failures.push({ migration: statement.migration, line: statement.line, message, inDoBlock: true });
        return;
    }
    for (const embedded of embeddedStatements(tree)) {
        let result;
        try {
            result = await parser.parse(embedded.sql);
        }
        catch {
            // PL/pgSQL accepted it, so it refers to the block's own variables in a way plain SQL cannot parse.
            continue;
        }
        for (const raw of result.stmts ?? []) {
            if (!raw.stmt)
                continue;
            out.statements.push({
                ...statement,
                line: bodyLine + embedded.bodyLine - 1,
                node: raw.stmt,
                text: embedded.sql,
                doLine: statement.line,
            });
        }
    }
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
/** The rules that run: every default rule and the opt-in ones enabled, minus those ignored; unknown ids are findings. */
function activeRules(options) {
    const findings = [];
    const named = (input, ids) => ids.filter((id) => {
        if ((0,rules/* isRuleId */.KX)(id))
            return true;
        // Judged from what PostgreSQL did, after lint (effects.ts); lint-ignore turns it off like any rule.
        if (id === rules/* OBSERVED_REWRITE */.KV && input === 'lint-ignore')
            return false;
        findings.push({
            check: 'lint',
            rule: 'unknown-rule',
            severity: 'warning',
            message: `${input} names "${id}", which is not a rule; known rules: ${Object.keys(rules/* RULES */.y0).join(', ')}`,
        });
        return false;
    });
    const enabled = new Set(named('lint-enable', options.enable ?? []));
    const ignored = new Set(named('lint-ignore', options.ignore));
    const optIn = new Set(rules/* OPT_IN_RULES */.uq);
    const active = new Set(Object.keys(rules/* RULES */.y0).filter((id) => !ignored.has(id) && (!optIn.has(id) || enabled.has(id))));
    return { active, findings };
}
/** Lints the change's new migrations (one deploy, in order) with PostgreSQL's own parser. */
async function lintMigrations(migrations, options) {
    const { active, findings } = activeRules(options);
    const suppressed = [];
    // A change without new migrations has nothing to parse: the parser's wasm is not even loaded.
    if (migrations.length === 0)
        return { findings, suppressed, statements: 0 };
    const parser = await loadSqlParser();
    const state = new DeployState(await notNullProofsIn(parser, options.before), (table, column) => options.columnType?.(table, column), rules/* OPT_IN_RULES */.uq.some((id) => active.has(id)), options.policy ?? 'all');
    let statements = 0;
    for (const migration of migrations) {
        const parsed = await parseMigration(parser, migration);
        for (const failure of parsed.failures) {
            findings.push({
                check: 'lint',
                rule: 'syntax-error',
                severity: failure.inDoBlock ? 'warning' : 'error',
                migration: migration.name,
                file: migration.file,
                line: failure.line,
                message: failure.inDoBlock
                    ? `PL/pgSQL's parser rejects this DO block, so the statements in it were not linted: ${failure.message}`
                    : `PostgreSQL's parser rejects this statement: ${failure.message}`,
            });
        }
        state.startMigration(migration);
        const lines = migration.sql.split('\n');
        for (const statement of parsed.statements) {
            statements++;
            const violations = [
                ...statementViolations(statement.node, state.contextFor(statement)),
                ...(active.has('identifier-too-long') ? await longIdentifiers(parser, statement) : []),
            ].filter((v) => active.has(v.rule));
            state.record(statement);
            for (const violation of violations)
                report(violation, statement, lines, findings, suppressed);
        }
    }
    return { findings, suppressed, statements };
}
/** A finding, unless an ignore comment with a reason above the statement (or above its DO block) silences it. */
function report(violation, statement, lines, findings, suppressed) {
    const { migration } = statement;
    const line = violation.line ?? statement.line;
    const comments = [statement.line, statement.doLine].flatMap((l) => (l ? ignoreCommentsAbove(lines, l) : []));
    const comment = comments.find((c) => c.rules.includes(violation.rule));
    if (comment?.reason) {
        suppressed.push({ rule: violation.rule, file: migration.file, line, reason: comment.reason });
        return;
    }
    findings.push({
        check: 'lint',
        rule: violation.rule,
        severity: rules/* RULES */.y0[violation.rule].severity,
        migration: migration.name,
        file: migration.file,
        line,
        message: `${migration.name}: ${violation.message}`,
        alternative: rules/* RULES */.y0[violation.rule].alternative,
    });
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


/***/ })

};
