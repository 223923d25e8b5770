import { describeRange, type DurationRange } from './duration';

/**
 * An action's public contract: its inputs and outputs. Each action's action.yml, the root action.yml, the README
 * tables and the CLI's --help are all generated from these definitions, so they cannot disagree.
 */
export interface InputDefinition {
  description: string;
  /** The default as the user would write it in `with:`; absent means empty. */
  default?: string;
  required?: boolean;
  /** Marks inputs whose values must be masked wherever they could be printed. */
  secret?: boolean;
  /**
   * Marks a duration input and the range it accepts; the input reader refuses values outside it, and every
   * generated description states it.
   */
  duration?: DurationRange;
}

export interface OutputDefinition {
  description: string;
}

export interface CommandDefinition {
  /** The action folder and CLI command name, e.g. `schema-check`. */
  name: string;
  /** The CLI alias, e.g. `check` for schema-check; defaults to the name. */
  cliName?: string;
  title: string;
  description: string;
  /** False for commands that exist only in the CLI (no action folder). */
  isAction: boolean;
  inputs: Record<string, InputDefinition>;
  outputs: Record<string, OutputDefinition>;
}

/** An input's description as users see it (action.yml, README, --help): with its range, where it has one. */
export function describeInput(input: InputDefinition): string {
  return input.duration ? `${input.description} From ${describeRange(input.duration)}.` : input.description;
}
