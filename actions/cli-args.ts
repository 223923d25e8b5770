import { describeInput, type CommandDefinition } from './lib/definition';
import { ConfigurationError } from './lib/errors';

/** Parses `--input-name value`, `--input-name=value` and bare `--flag` (true) against a command's inputs. */
export function parseCliArgs(
  definition: CommandDefinition,
  args: string[],
): { values: Map<string, string>; help: boolean } {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') return { values, help: true };
    if (!arg.startsWith('--')) {
      throw new ConfigurationError(`unexpected argument "${arg}"; inputs are given as --name value`);
    }
    const [flag, inline] = splitOnce(arg.slice(2), '=');
    if (!(flag in definition.inputs)) {
      throw new ConfigurationError(
        `unknown option --${flag}; run schema-actions ${definition.cliName ?? definition.name} --help for its inputs`,
      );
    }
    if (inline !== undefined) {
      values.set(flag, inline);
    } else if (i + 1 < args.length && !args[i + 1]!.startsWith('--')) {
      values.set(flag, args[++i]!);
    } else {
      values.set(flag, 'true');
    }
  }
  return { values, help: false };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
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
