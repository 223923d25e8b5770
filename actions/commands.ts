import type { RunCommand } from './lib/command';
import type { CommandDefinition } from './lib/definition';
import { statusDefinition } from './status/definition';

export interface Command {
  definition: CommandDefinition;
  /** Loaded on demand so that starting one action does not parse every other action's code. */
  load: () => Promise<{ run: RunCommand }>;
}

export const commands: Command[] = [{ definition: statusDefinition, load: () => import('./status/run') }];

export function findCommand(name: string): Command | undefined {
  return commands.find((c) => c.definition.name === name || c.definition.cliName === name);
}
