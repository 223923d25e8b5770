import type { CommandDefinition } from './definition';
import { parseDurationIn } from './duration';
import { ConfigurationError } from './errors';
import type { Logger } from './logger';

/** Where raw input values come from: the runner's INPUT_* variables, or the CLI's --flags. */
export type InputSource = (name: string) => string | undefined;

/**
 * A default such as `${{ github.token }}` as a run outside the runner sees it: the runner alone evaluates
 * expressions, so there the text is the input's value, and no token.
 */
export function isUnevaluatedExpression(value: string): boolean {
  return value.startsWith('${{');
}

/** Reads inputs exactly as @actions/core does: INPUT_<NAME> with spaces as underscores, upper-cased. */
export function actionInputSource(env: NodeJS.ProcessEnv = process.env): InputSource {
  return (name) => env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`];
}

const TRUE = ['true', 'True', 'TRUE', 'yes', 'on', '1'];
const FALSE = ['false', 'False', 'FALSE', 'no', 'off', '0'];

/**
 * Typed, validated access to one command's inputs. Every read goes through the command's definition, so a typo in
 * an input name is a programming error caught by tests, and a default applies the same way in the action and the
 * CLI. Secret inputs are masked the moment they are read.
 */
export class Inputs {
  constructor(
    private readonly definition: CommandDefinition,
    private readonly source: InputSource,
    private readonly logger: Logger,
  ) {}

  private declared(name: string) {
    const input = this.definition.inputs[name];
    if (!input) throw new Error(`${this.definition.name} has no input named "${name}"`);
    return input;
  }

  /** The trimmed value, or the declared default when empty; '' when neither. */
  string(name: string): string {
    const input = this.declared(name);
    const value = (this.source(name) ?? '').trim() || (input.default ?? '').trim();
    // An unevaluated default is no secret, and masking it would hide that text in every later line.
    if (input.secret && !isUnevaluatedExpression(value)) this.logger.mask(value);
    if (input.required && value === '') {
      throw new ConfigurationError(`input "${name}" is required: ${firstSentence(input.description)}`);
    }
    return value;
  }

  optional(name: string): string | undefined {
    return this.string(name) || undefined;
  }

  required(name: string): string {
    const value = this.string(name);
    if (value === '') {
      throw new ConfigurationError(`input "${name}" is required: ${firstSentence(this.declared(name).description)}`);
    }
    return value;
  }

  boolean(name: string): boolean {
    const value = this.string(name);
    if (TRUE.includes(value)) return true;
    if (FALSE.includes(value)) return false;
    throw new ConfigurationError(`input "${name}" must be true or false, not "${value}"`);
  }

  /** A duration within the range its definition declares; refused, naming the range, outside it. */
  duration(name: string): number {
    return parseDurationIn(this.required(name), this.durationRange(name), `input "${name}"`);
  }

  optionalDuration(name: string): number | undefined {
    const value = this.optional(name);
    return value === undefined ? undefined : parseDurationIn(value, this.durationRange(name), `input "${name}"`);
  }

  private durationRange(name: string) {
    const range = this.declared(name).duration;
    if (!range) throw new Error(`${this.definition.name}: input "${name}" is read as a duration but declares no range`);
    return range;
  }

  integer(name: string, bounds: { min?: number; max?: number } = {}): number {
    const value = this.required(name);
    const parsed = Number(value);
    if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(parsed)) {
      throw new ConfigurationError(`input "${name}" must be a whole number, not "${value}"`);
    }
    return checkBounds(name, parsed, bounds);
  }

  number(name: string, bounds: { min?: number; max?: number } = {}): number {
    const value = this.required(name);
    const parsed = Number(value);
    if (!Number.isFinite(parsed)) {
      throw new ConfigurationError(`input "${name}" must be a number, not "${value}"`);
    }
    return checkBounds(name, parsed, bounds);
  }

  /** One item per line or comma; blank items and `#` comments dropped. */
  list(name: string): string[] {
    return this.string(name)
      .split(/[\n,]/)
      .map((item) => item.replace(/\s+#.*$/, '').trim())
      .filter((item) => item !== '' && !item.startsWith('#'));
  }

  enum<T extends string>(name: string, allowed: readonly T[]): T {
    const value = this.string(name);
    if (!(allowed as readonly string[]).includes(value)) {
      throw new ConfigurationError(`input "${name}" must be one of ${allowed.join(', ')}, not "${value}"`);
    }
    return value as T;
  }
}

function checkBounds(name: string, value: number, bounds: { min?: number; max?: number }): number {
  if (bounds.min !== undefined && value < bounds.min) {
    throw new ConfigurationError(`input "${name}" must be at least ${bounds.min}, not ${value}`);
  }
  if (bounds.max !== undefined && value > bounds.max) {
    throw new ConfigurationError(`input "${name}" must be at most ${bounds.max}, not ${value}`);
  }
  return value;
}

function firstSentence(text: string): string {
  const sentence = text.split(/(?<=\.)\s/)[0] ?? text;
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}
