import { ConfigurationError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { DeletedSnapshot } from './cleanup';
import type { NeonProject } from './neon';
import { refuseSharedBranch } from './preview';
import type { SnapshotSettings } from './settings';

/** Checked before any call to Neon: a mistyped name must not delete someone else's branch. */
export function refuseOutsidePrefix(settings: Pick<SnapshotSettings, 'name' | 'prefix'>): void {
  if (!settings.name.startsWith(settings.prefix)) {
    throw new ConfigurationError(
      `name "${settings.name}" is outside prefix "${settings.prefix}", and mode "delete" removes only branches under it: set name to a preview branch, or prefix to the folder it is in`,
    );
  }
}

/** Deletes the pull request's branch; nothing to do when it is already gone. */
export async function deletePreview(
  neon: NeonProject,
  settings: SnapshotSettings,
  logger: Logger,
): Promise<DeletedSnapshot[]> {
  const branches = await neon.branches();
  const branch = branches.find((b) => b.name === settings.name);
  if (!branch) {
    logger.notice(`Branch "${settings.name}" does not exist (already deleted): nothing to do`);
    return [];
  }
  refuseSharedBranch(branch, settings.mode);
  const child = branches.find((b) => b.parent_id === branch.id);
  if (child) {
    throw new ConfigurationError(
      `branch "${branch.name}" has child branch "${child.name}", which deleting it would orphan: delete "${child.name}" first`,
    );
  }
  if (!(await neon.deleteBranch(branch))) {
    logger.notice(`Branch "${branch.name}" was deleted meanwhile: nothing to do`);
    return [];
  }
  logger.info(`Deleted branch "${branch.name}" (${branch.id})`);
  return [{ id: branch.id, name: branch.name, created_at: branch.created_at }];
}
