/**
 * Writes every file generated from the command definitions: each action's action.yml, the root action.yml (the
 * union of all actions, dispatched by `command`), and the README's reference tables. Run by `npm run build`; CI
 * fails when the output differs from what is committed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { commands } from '../actions/commands';
import {
  describeInput,
  type CommandDefinition,
  type InputDefinition,
  type OutputDefinition,
} from '../actions/lib/definition';
import { markdownTable } from '../actions/lib/markdown';
import { lintRulesMarkdown } from '../actions/schema-check/lint/readme';
import { quirksTableRows } from '../actions/schema-check/integrity';

const root = join(import.meta.dirname, '..');
const HEADER = (source: string) => `# Generated from ${source} by npm run build; edit that, not this file.\n`;

function actions(): CommandDefinition[] {
  return commands.map((c) => c.definition).filter((d) => d.isAction);
}

function inputYaml(input: InputDefinition) {
  return {
    description: describeInput(input),
    required: input.required ?? false,
    ...(input.default !== undefined ? { default: input.default } : {}),
  };
}

function outputYaml(output: OutputDefinition) {
  return { description: output.description };
}

function yaml(document: object): string {
  return stringify(document, { lineWidth: 0 });
}

function shortDescription(text: string): string {
  // The Marketplace shows at most 125 characters.
  return text.length > 125 ? `${text.slice(0, 122).trimEnd()}...` : text;
}

export function actionYaml(definition: CommandDefinition): string {
  return (
    HEADER(`actions/${definition.name}/definition.ts`) +
    yaml({
      name: `schema-actions ${definition.name}`,
      description: shortDescription(definition.description),
      author: 'schema-actions',
      branding: { icon: 'database', color: 'blue' },
      inputs: Object.fromEntries(Object.entries(definition.inputs).map(([n, i]) => [n, inputYaml(i)])),
      outputs: Object.fromEntries(Object.entries(definition.outputs).map(([n, o]) => [n, outputYaml(o)])),
      runs: { using: 'node24', main: `../dist/${definition.name}/index.js` },
    })
  );
}

/**
 * The root action: `command` plus every action's inputs and outputs. An input keeps its default only where every
 * action declaring it agrees; otherwise the chosen command's own default applies at run time (an empty input falls
 * back to the command definition's default).
 */
export function rootActionYaml(definitions: CommandDefinition[]): string {
  const inputs: Record<string, ReturnType<typeof inputYaml>> = {
    command: {
      description: `Which action to run: ${definitions.map((d) => d.name).join(', ')}.`,
      required: true,
    },
  };
  const outputs: Record<string, ReturnType<typeof outputYaml>> = {};
  const users = new Map<string, CommandDefinition[]>();
  for (const definition of definitions) {
    for (const name of Object.keys(definition.inputs)) users.set(name, [...(users.get(name) ?? []), definition]);
    for (const [name, output] of Object.entries(definition.outputs)) {
      const by = definitions.filter((d) => name in d.outputs).map((d) => d.name);
      outputs[name] ??= { description: `(${by.join(', ')}) ${output.description}` };
    }
  }
  for (const [name, declaring] of [...users].sort(([a], [b]) => a.localeCompare(b))) {
    const first = declaring[0]!.inputs[name]!;
    const defaults = new Set(declaring.map((d) => d.inputs[name]!.default));
    inputs[name] = {
      description: `(${declaring.map((d) => d.name).join(', ')}) ${describeInput(first)}`,
      required: false,
      ...(defaults.size === 1 && first.default !== undefined ? { default: first.default } : {}),
    };
  }
  return (
    HEADER('actions/*/definition.ts') +
    yaml({
      name: 'schema-actions',
      description: shortDescription(
        'Drizzle ORM + PostgreSQL schema deployment: check, migrate, snapshot, canary and drift-check in one action.',
      ),
      author: 'schema-actions',
      branding: { icon: 'database', color: 'blue' },
      inputs,
      outputs,
      runs: { using: 'node24', main: 'dist/root/index.js' },
    })
  );
}

export function readmeReference(definitions: CommandDefinition[]): string {
  const sections = definitions.map((d) => {
    const inputs = markdownTable(
      ['input', 'description', 'default'],
      Object.entries(d.inputs).map(([name, i]) => [
        `\`${name}\`${i.required ? ' (required)' : ''}`,
        describeInput(i),
        i.default ? `\`${i.default}\`` : '',
      ]),
    );
    const outputs = markdownTable(
      ['output', 'description'],
      Object.entries(d.outputs).map(([name, o]) => [`\`${name}\``, o.description]),
    );
    return [
      `### ${d.name}`,
      '',
      d.description,
      '',
      `\`uses: org/schema-actions/${d.name}@v1\` · CLI: \`schema-actions ${d.cliName ?? d.name}\``,
      '',
      '**Inputs**',
      '',
      inputs,
      '',
      '**Outputs**',
      '',
      outputs,
    ].join('\n');
  });
  return sections.join('\n\n');
}

/** Replaces what is between `<!-- generated:NAME:start (npm run build) -->` and `<!-- generated:NAME:end -->`. */
function replaceBetween(text: string, name: string, content: string): string {
  const START = `<!-- generated:${name}:start (npm run build) -->`;
  const END = `<!-- generated:${name}:end -->`;
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start === -1 || end === -1) throw new Error(`README.md needs the markers ${START} and ${END}`);
  return `${text.slice(0, start + START.length)}\n\n${content}\n\n${text.slice(end)}`;
}

/** The journal and folder quirks table, from the one in actions/schema-check/integrity.ts. */
export function readmeQuirks(): string {
  return markdownTable(
    ['finding', 'shape', 'drizzle-orm 0.x', 'drizzle-orm 1.x', 'added by the change', 'already in the base commit'],
    quirksTableRows(),
  );
}

export function generate(): void {
  const definitions = actions();
  for (const definition of definitions) {
    mkdirSync(join(root, definition.name), { recursive: true });
    writeFileSync(join(root, definition.name, 'action.yml'), actionYaml(definition));
  }
  if (definitions.length > 0) writeFileSync(join(root, 'action.yml'), rootActionYaml(definitions));
  const readme = join(root, 'README.md');
  if (existsSync(readme)) {
    const text = readFileSync(readme, 'utf8');
    const content = definitions.length ? readmeReference(definitions) : '_No actions are registered yet._';
    let updated = replaceBetween(text, 'reference', content);
    updated = replaceBetween(updated, 'lint-rules', lintRulesMarkdown());
    updated = replaceBetween(updated, 'quirks', readmeQuirks());
    if (updated !== text) writeFileSync(readme, updated);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) generate();
