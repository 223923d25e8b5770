import type { RunCommand } from './lib/command';
import type { CommandDefinition } from './lib/definition';
import { canaryMonitorDefinition } from './canary-monitor/definition';
import { driftCheckDefinition } from './drift-check/definition';
import { initDefinition } from './init/definition';
import { migrateDefinition } from './migrate-with-telemetry/definition';
import { neonSnapshotDefinition } from './neon-snapshot/definition';
import { schemaCheckDefinition } from './schema-check/definition';
import { statusDefinition } from './status/definition';

export interface Command {
  definition: CommandDefinition;
  /** Loaded on demand so that starting one action does not parse every other action's code. */
  load: () => Promise<{ run: RunCommand }>;
}

// In lifecycle order: the order of --help, the README reference and the root action's inputs.
export const commands: Command[] = [
  { definition: schemaCheckDefinition, load: () => import('./schema-check/run') },
  { definition: migrateDefinition, load: () => import('./migrate-with-telemetry/run') },
  { definition: neonSnapshotDefinition, load: () => import('./neon-snapshot/run') },
  { definition: canaryMonitorDefinition, load: () => import('./canary-monitor/run') },
  { definition: driftCheckDefinition, load: () => import('./drift-check/run') },
  { definition: statusDefinition, load: () => import('./status/run') },
  { definition: initDefinition, load: () => import('./init/run') },
];

export function findCommand(name: string): Command | undefined {
  return commands.find((c) => c.definition.name === name || c.definition.cliName === name);
}
