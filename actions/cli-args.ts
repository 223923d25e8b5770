import { parseArgs, type ParseArgsConfig } from 'node:util';
import { describeInput, type CommandDefinition, type InputDefinition } from './lib/definition';
import { ConfigurationError } from './lib/errors';

/**
 * A boolean input is one whose default is true or false. On the command line it may stand alone (`--dry-run`, true)
 * or take a value (`--dry-run false`, `--dry-run=false`), as inputs are written in `with:`.
 */
function isBoolean(input: InputDefinition): boolean {
  return input.default === 'true' || input.default === 'false';
}

/**
 * Parses `--input-name value`, `--input-name=value` and bare boolean `--flag` against a command's inputs. node's
 * parseArgs does the tokenising; its strict mode cannot be used, because boolean inputs also take a value.
 */
export function parseCliArgs(
  definition: CommandDefinition,
  args: string[],
): { values: Map<string, string>; help: boolean } {
  const options: ParseArgsConfig['options'] = { help: { type: 'boolean', short: 'h' } };
  for (const [name, input] of Object.entries(definition.inputs)) {
    options[name] = { type: isBoolean(input) ? 'boolean' : 'string' };
  }
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const values = new Map<string, string>();
  if (tokens.some((t) => t.kind === 'option' && t.name === 'help')) return { values, help: true };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'positional') {
      throw new ConfigurationError(`unexpected argument "${token.value}"; inputs are given as --name value`);
    }
    if (token.kind !== 'option') continue;
    const input = definition.inputs[token.name];
    if (!input) {
      throw new ConfigurationError(
        `unknown option ${token.rawName}; run schema-actions ${definition.cliName ?? definition.name} --help for its inputs`,
      );
    }
    let value = token.value;
    if (isBoolean(input)) {
      const next = tokens[i + 1];
      if (value === undefined && next?.kind === 'positional') {
        value = next.value;
        i++;
      }
    } else if (value === undefined || (!token.inlineValue && value.startsWith('--'))) {
      // parseArgs takes the next argument as the value even when it is the next option: `--database-url --dry-run`.
      throw new ConfigurationError(
        `${token.rawName} needs a value: ${token.rawName} <value> or ${token.rawName}=<value>`,
      );
    }
    values.set(token.name, value ?? 'true');
  }
  return { values, help: false };
}

export function renderHelp(all: CommandDefinition[], one?: CommandDefinition): string {
  if (one) {
    const lines = [
      `schema-actions ${one.cliName ?? one.name} — ${one.title}`,
      '',
      wrap(one.description, 0),
      '',
      'Inputs:',
    ];
    for (const [name, input] of Object.entries(one.inputs)) {
      const meta = input.required ? ' (required)' : input.default ? ` (default: ${input.default})` : '';
      lines.push(`  --${name}${meta}`, wrap(describeInput(input), 6));
    }
    return `${lines.join('\n')}\n`;
  }
  const lines = ['Usage: schema-actions <command> [--input value]…', '', 'Commands:'];
  for (const definition of all) {
    lines.push(`  ${(definition.cliName ?? definition.name).padEnd(10)} ${definition.title}`);
  }
  lines.push(
    '',
    "Run schema-actions <command> --help for its inputs. Inputs have the same names as the actions' inputs.",
  );
  return `${lines.join('\n')}\n`;
}

function wrap(text: string, indent: number, width = 100): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && (line + ' ' + word).length > width - indent) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => ' '.repeat(indent) + l).join('\n');
}
