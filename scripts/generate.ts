/**
 * Writes every file generated from the command definitions: each action's action.yml. (The root action.yml and the
 * README tables join this list as the actions arrive.) Run by `npm run build`; CI fails when the output differs
 * from what is committed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { commands } from '../actions/commands';
import type { CommandDefinition } from '../actions/lib/definition';

const root = join(import.meta.dirname, '..');

export function actionYaml(definition: CommandDefinition): string {
  const inputs = Object.fromEntries(
    Object.entries(definition.inputs).map(([name, input]) => [
      name,
      {
        description: input.description,
        required: input.required ?? false,
        ...(input.default !== undefined ? { default: input.default } : {}),
      },
    ]),
  );
  const outputs = Object.fromEntries(
    Object.entries(definition.outputs).map(([name, output]) => [name, { description: output.description }]),
  );
  const body = stringify(
    {
      name: `schema-actions: ${definition.title}`,
      description:
        definition.description.length > 125 ? `${definition.description.slice(0, 122)}...` : definition.description,
      author: 'schema-actions',
      branding: { icon: 'database', color: 'blue' },
      inputs,
      outputs,
      runs: { using: 'node24', main: `../dist/${definition.name}/index.js` },
    },
    { lineWidth: 0 },
  );
  return `# Generated from actions/${definition.name}/definition.ts by npm run build; edit that file, not this one.\n${body}`;
}

export function generate(): void {
  for (const { definition } of commands) {
    if (definition.isAction) writeFileSync(join(root, definition.name, 'action.yml'), actionYaml(definition));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) generate();
