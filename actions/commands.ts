import type { RunCommand } from './lib/command';
import type { CommandDefinition } from './lib/definition';
import { canaryMonitorDefinition } from './canary-monitor/definition';
import { driftCheckDefinition } from './drift-check/definition';
import { migrateDefinition } from './migrate-with-telemetry/definition';
import { neonSnapshotDefinition } from './neon-snapshot/definition';
import { schemaCheckDefinition } from './schema-check/definition';
import { statusDefinition } from './status/definition';

export interface Command {
  definition: CommandDefinition;
  /** Loaded on demand so that starting one action does not parse every other action's code. */
  load: () => Promise<{ run: RunCommand }>;
}

export const commands: Command[] = [
  { definition: statusDefinition, load: () => import('./status/run') },
  { definition: migrateDefinition, load: () => import('./migrate-with-telemetry/run') },
  { definition: canaryMonitorDefinition, load: () => import('./canary-monitor/run') },
  { definition: neonSnapshotDefinition, load: () => import('./neon-snapshot/run') },
  { definition: schemaCheckDefinition, load: () => import('./schema-check/run') },
  { definition: driftCheckDefinition, load: () => import('./drift-check/run') },
];

export function findCommand(name: string): Command | undefined {
  return commands.find((c) => c.definition.name === name || c.definition.cliName === name);
}
