export const id = 79;
export const ids = [79];
export const modules = {

/***/ 43079:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ModuleSyntaxError: () => (/* binding */ ModuleSyntaxError),
/* harmony export */   readDefaultExport: () => (/* binding */ readDefaultExport)
/* harmony export */ });
/* harmony import */ var acorn__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(54559);
/* harmony import */ var _sveltejs_acorn_typescript__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(55841);


class ModuleSyntaxError extends Error {
}
let typeScriptParser;
/** Parses `code` (TypeScript when `typeScript`); throws ModuleSyntaxError with the line and column. */
function parse(code, options) {
    const parser = options.typeScript ? (typeScriptParser ??= acorn__WEBPACK_IMPORTED_MODULE_0__.Parser.extend((0,_sveltejs_acorn_typescript__WEBPACK_IMPORTED_MODULE_1__/* .tsPlugin */ .N)())) : acorn__WEBPACK_IMPORTED_MODULE_0__.Parser;
    try {
        return parser.parse(code, {
            ecmaVersion: 'latest',
            sourceType: options.commonJs ? 'script' : 'module',
            allowHashBang: true,
            locations: true,
        });
    }
    catch (error) {
        throw new ModuleSyntaxError(error.message);
    }
}
/** The module's default export (`export default`, `export { x as default }`, `module.exports =`), if it has one. */
function readDefaultExport(code, options) {
    const program = parse(code, options);
    const scope = new ModuleScope(code, program);
    const exported = defaultExportNode(program);
    return exported && scope.evaluate(exported);
}
function defaultExportNode(program) {
    let found;
    for (const statement of program.body) {
        if (statement.type === 'ExportDefaultDeclaration')
            found = statement.declaration;
        if (statement.type === 'ExportNamedDeclaration') {
            const specifier = statement.specifiers.find((s) => nameOf(s.exported) === 'default');
            if (specifier && !statement.source)
                found = specifier.local;
        }
        if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') {
            const { left, right, operator } = statement.expression;
            if (operator === '=' && isModuleExports(left))
                found = right;
        }
    }
    return found;
}
function isModuleExports(node) {
    if (node.type !== 'MemberExpression')
        return false;
    const member = node;
    return (member.object.type === 'Identifier' &&
        nameOf(member.object) === 'module' &&
        !member.computed &&
        nameOf(member.property) === 'exports');
}
function nameOf(node) {
    if (node.type === 'Identifier')
        return node.name;
    if (node.type === 'Literal') {
        const value = node.value;
        return typeof value === 'string' ? value : undefined;
    }
    return undefined;
}
/** A property's key as a string; undefined when only running the code could tell it (`[prefix + 'out']`). */
function keyName(property) {
    const { key } = property;
    if (key.type === 'Identifier' && !property.computed)
        return nameOf(key);
    if (key.type !== 'Literal')
        return undefined;
    const value = key.value;
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}
/** TypeScript wrappers that do not change a value: `x as const`, `x satisfies Config`, `x!`, `<Config>x`. */
const TYPE_ONLY = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion']);
class ModuleScope {
    code;
    /** Top-level `const` bindings: the only ones whose value the source alone fixes. */
    constants = new Map();
    evaluating = new Set();
    constructor(code, program) {
        this.code = code;
        for (const statement of program.body) {
            const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
            if (declaration?.type !== 'VariableDeclaration' || declaration.kind !== 'const')
                continue;
            for (const declarator of declaration.declarations) {
                const name = nameOf(declarator.id);
                if (name && declarator.init)
                    this.constants.set(name, declarator.init);
            }
        }
    }
    evaluate(node) {
        if (TYPE_ONLY.has(node.type)) {
            const value = this.evaluate(node.expression);
            return value.kind === 'computed' ? this.computed(node) : value;
        }
        switch (node.type) {
            case 'Literal': {
                const value = node.value;
                return typeof value === 'string' ? { kind: 'string', value } : this.computed(node);
            }
            case 'TemplateLiteral': {
                const template = node;
                const cooked = template.quasis[0]?.value.cooked;
                return template.expressions.length === 0 && typeof cooked === 'string'
                    ? { kind: 'string', value: cooked }
                    : this.computed(node);
            }
            case 'ObjectExpression':
                return { kind: 'object', read: (key) => this.property(node, key) };
            case 'Identifier':
                return this.constant(node);
            case 'CallExpression':
                return this.defineConfig(node);
            default:
                return this.computed(node);
        }
    }
    constant(node) {
        const name = nameOf(node);
        const init = this.constants.get(name);
        if (!init || this.evaluating.has(name))
            return this.computed(node);
        this.evaluating.add(name);
        try {
            return this.evaluate(init);
        }
        finally {
            this.evaluating.delete(name);
        }
    }
    /** drizzle-kit's `defineConfig(config)` returns its argument. */
    defineConfig(node) {
        const call = node;
        const [argument, ...rest] = call.arguments;
        if (nameOf(call.callee) !== 'defineConfig' || !argument || rest.length > 0)
            return this.computed(node);
        return this.evaluate(argument);
    }
    /** The value of `key` in an object literal: the last property that sets it wins, spreads included. */
    property(object, key) {
        for (const property of [...object.properties].reverse()) {
            if (property.type === 'SpreadElement') {
                const spread = this.evaluate(property.argument);
                if (spread.kind !== 'object')
                    return this.computed(property);
                const value = spread.read(key);
                if (value)
                    return value;
                continue;
            }
            const name = keyName(property);
            if (name === undefined)
                return this.computed(property);
            if (name !== key)
                continue;
            return property.kind === 'init' && !property.method ? this.evaluate(property.value) : this.computed(property);
        }
        return undefined;
    }
    computed(node) {
        const text = this.code.slice(node.start, node.end).replace(/\s+/g, ' ');
        return { kind: 'computed', text: text.length > 80 ? `${text.slice(0, 79)}…` : text };
    }
}


/***/ })

};
