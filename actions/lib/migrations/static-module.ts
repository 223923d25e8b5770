import { Parser, type Expression, type Node, type ObjectExpression, type Program } from 'acorn';
import { tsPlugin } from '@sveltejs/acorn-typescript';

/**
 * What a JavaScript or TypeScript module exports as its default, read from its syntax tree without running it.
 * Only what the source states for certain is known: string literals, object literals, `const` bindings of those, and
 * `defineConfig(...)` around them. Anything else (concatenation, `process.env`, calls, `let` bindings, imports) is
 * `computed`, with its source text, because only running the module could tell its value.
 */
export type StaticValue =
  | { kind: 'string'; value: string }
  | { kind: 'object'; read: (key: string) => StaticValue | undefined }
  | { kind: 'computed'; text: string };

export class ModuleSyntaxError extends Error {}

let typeScriptParser: typeof Parser | undefined;

/** Parses `code` (TypeScript when `typeScript`); throws ModuleSyntaxError with the line and column. */
function parse(code: string, options: { typeScript: boolean; commonJs: boolean }): Program {
  const parser = options.typeScript ? (typeScriptParser ??= Parser.extend(tsPlugin())) : Parser;
  try {
    return parser.parse(code, {
      ecmaVersion: 'latest',
      sourceType: options.commonJs ? 'script' : 'module',
      allowHashBang: true,
      locations: true,
    });
  } catch (error) {
    throw new ModuleSyntaxError((error as Error).message);
  }
}

/** The module's default export (`export default`, `export { x as default }`, `module.exports =`), if it has one. */
export function readDefaultExport(
  code: string,
  options: { typeScript: boolean; commonJs: boolean },
): StaticValue | undefined {
  const program = parse(code, options);
  const scope = new ModuleScope(code, program);
  const exported = defaultExportNode(program);
  return exported && scope.evaluate(exported);
}

function defaultExportNode(program: Program): Node | undefined {
  let found: Node | undefined;
  for (const statement of program.body) {
    if (statement.type === 'ExportDefaultDeclaration') found = statement.declaration;
    if (statement.type === 'ExportNamedDeclaration') {
      const specifier = statement.specifiers.find((s) => nameOf(s.exported) === 'default');
      if (specifier && !statement.source) found = specifier.local;
    }
    if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') {
      const { left, right, operator } = statement.expression;
      if (operator === '=' && isModuleExports(left)) found = right;
    }
  }
  return found;
}

function isModuleExports(node: Node): boolean {
  if (node.type !== 'MemberExpression') return false;
  const member = node as Node & { object: Node; property: Node; computed: boolean };
  return (
    member.object.type === 'Identifier' &&
    nameOf(member.object) === 'module' &&
    !member.computed &&
    nameOf(member.property) === 'exports'
  );
}

function nameOf(node: Node): string | undefined {
  if (node.type === 'Identifier') return (node as Node & { name: string }).name;
  if (node.type === 'Literal') {
    const value = (node as Node & { value: unknown }).value;
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

/** A property's key as a string; undefined when only running the code could tell it (`[prefix + 'out']`). */
function keyName(property: { key: Node; computed: boolean }): string | undefined {
  const { key } = property;
  if (key.type === 'Identifier' && !property.computed) return nameOf(key);
  if (key.type !== 'Literal') return undefined;
  const value = (key as Node & { value: unknown }).value;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** TypeScript wrappers that do not change a value: `x as const`, `x satisfies Config`, `x!`, `<Config>x`. */
const TYPE_ONLY = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion']);

class ModuleScope {
  /** Top-level `const` bindings: the only ones whose value the source alone fixes. */
  private readonly constants = new Map<string, Expression>();
  private readonly evaluating = new Set<string>();

  constructor(
    private readonly code: string,
    program: Program,
  ) {
    for (const statement of program.body) {
      const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
      if (declaration?.type !== 'VariableDeclaration' || declaration.kind !== 'const') continue;
      for (const declarator of declaration.declarations) {
        const name = nameOf(declarator.id);
        if (name && declarator.init) this.constants.set(name, declarator.init);
      }
    }
  }

  evaluate(node: Node): StaticValue {
    if (TYPE_ONLY.has(node.type)) {
      const value = this.evaluate((node as Node & { expression: Node }).expression);
      return value.kind === 'computed' ? this.computed(node) : value;
    }
    switch (node.type) {
      case 'Literal': {
        const value = (node as Node & { value: unknown }).value;
        return typeof value === 'string' ? { kind: 'string', value } : this.computed(node);
      }
      case 'TemplateLiteral': {
        const template = node as Node & { expressions: Node[]; quasis: { value: { cooked?: string | null } }[] };
        const cooked = template.quasis[0]?.value.cooked;
        return template.expressions.length === 0 && typeof cooked === 'string'
          ? { kind: 'string', value: cooked }
          : this.computed(node);
      }
      case 'ObjectExpression':
        return { kind: 'object', read: (key) => this.property(node as ObjectExpression, key) };
      case 'Identifier':
        return this.constant(node);
      case 'CallExpression':
        return this.defineConfig(node);
      default:
        return this.computed(node);
    }
  }

  private constant(node: Node): StaticValue {
    const name = nameOf(node)!;
    const init = this.constants.get(name);
    if (!init || this.evaluating.has(name)) return this.computed(node);
    this.evaluating.add(name);
    try {
      return this.evaluate(init);
    } finally {
      this.evaluating.delete(name);
    }
  }

  /** drizzle-kit's `defineConfig(config)` returns its argument. */
  private defineConfig(node: Node): StaticValue {
    const call = node as Node & { callee: Node; arguments: Node[] };
    const [argument, ...rest] = call.arguments;
    if (nameOf(call.callee) !== 'defineConfig' || !argument || rest.length > 0) return this.computed(node);
    return this.evaluate(argument);
  }

  /** The value of `key` in an object literal: the last property that sets it wins, spreads included. */
  private property(object: ObjectExpression, key: string): StaticValue | undefined {
    for (const property of [...object.properties].reverse()) {
      if (property.type === 'SpreadElement') {
        const spread = this.evaluate(property.argument);
        if (spread.kind !== 'object') return this.computed(property);
        const value = spread.read(key);
        if (value) return value;
        continue;
      }
      const name = keyName(property);
      if (name === undefined) return this.computed(property);
      if (name !== key) continue;
      return property.kind === 'init' && !property.method ? this.evaluate(property.value) : this.computed(property);
    }
    return undefined;
  }

  private computed(node: Node): StaticValue {
    const text = this.code.slice(node.start, node.end).replace(/\s+/g, ' ');
    return { kind: 'computed', text: text.length > 80 ? `${text.slice(0, 79)}…` : text };
  }
}
