import { ConfigurationError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import { listNames } from './branches';
import type { NeonProject } from './neon';
import { refuseSharedBranch } from './preview';
import type { SnapshotSettings } from './settings';

export interface ResetOutcome {
  id: string;
  name: string;
  parentName: string;
  preservedAs?: string;
  preservedBranchId?: string;
}

/** Neon's "reset from parent": the branch keeps its id and connection string, and gets its parent's current data. */
export async function resetBranch(
  neon: NeonProject,
  settings: SnapshotSettings,
  logger: Logger,
): Promise<ResetOutcome> {
  const branches = await neon.branches();
  const target = branches.find((b) => b.name === settings.name) ?? branches.find((b) => b.id === settings.name);
  if (!target) {
    const under = branches.filter((b) => b.name.startsWith(settings.prefix));
    throw new ConfigurationError(
      `branch "${settings.name}" does not exist, so there is nothing to reset: create it with mode: preview, or set name to one of: ${listNames(under)}`,
    );
  }
  refuseSharedBranch(target, settings.mode);
  const parent = branches.find((b) => b.id === target.parent_id);
  if (!parent) {
    throw new ConfigurationError(`branch "${target.name}" is a root branch: it has no parent to reset from`);
  }
  const preserveAs = settings.preserveAs;
  const child = branches.find((b) => b.parent_id === target.id);
  if (child && !preserveAs) {
    throw new ConfigurationError(
      `branch "${target.name}" has child branch "${child.name}": set preserve-as so its current state (and the child) stay on a branch of that name`,
    );
  }
  if (preserveAs && branches.some((b) => b.name === preserveAs)) {
    throw new ConfigurationError(`preserve-as "${preserveAs}" is already the name of a branch; choose another name`);
  }
  logger.info(`Resetting "${target.name}" (${target.id}) to the current state of "${parent.name}"`);
  await neon.restoreBranch(target, parent, preserveAs);
  const outcome: ResetOutcome = { id: target.id, name: target.name, parentName: parent.name };
  if (!preserveAs) return outcome;
  const preserved = (await neon.branches()).find((b) => b.name === preserveAs);
  if (!preserved) throw new Error(`Neon finished the reset but no branch "${preserveAs}" holds the previous state`);
  logger.info(`The previous state of "${target.name}" is kept as "${preserveAs}" (${preserved.id})`);
  return { ...outcome, preservedAs: preserveAs, preservedBranchId: preserved.id };
}
