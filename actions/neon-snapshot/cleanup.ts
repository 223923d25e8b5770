import type { Branch } from '@neondatabase/api-client';
import type { Logger } from '../lib/logger';
import { newestFirst } from './branches';
import type { NeonProject } from './neon';
import type { SnapshotSettings } from './settings';

export interface DeletedSnapshot {
  id: string;
  name: string;
  created_at: string;
}

export interface CleanupOutcome {
  deleted: DeletedSnapshot[];
  kept: { name: string; reason: string }[];
}

/** Why a snapshot branch beyond `keep` must still not be deleted, or undefined when it may go. */
function protection(branch: Branch, branches: Branch[]): string | undefined {
  if (branch.default) return 'default branch';
  if (branch.protected) return 'protected branch';
  const child = branches.find((b) => b.parent_id === branch.id);
  if (child) return `has child branch "${child.name}"`;
  return undefined;
}

export async function cleanupSnapshots(
  neon: NeonProject,
  settings: SnapshotSettings,
  logger: Logger,
  now: Date,
): Promise<CleanupOutcome> {
  const cutoff = settings.olderThanMs === undefined ? Infinity : now.getTime() - settings.olderThanMs;
  const outcome: CleanupOutcome = { deleted: [], kept: [] };
  const isOld = (createdAt: string) => Date.parse(createdAt) < cutoff;

  if (settings.method === 'snapshot') {
    const candidates = newestFirst((await neon.snapshots()).filter((s) => s.name.startsWith(settings.prefix)));
    for (const [index, snapshot] of candidates.entries()) {
      if (index < settings.keep)
        outcome.kept.push({ name: snapshot.name, reason: `among the newest ${settings.keep}` });
      else if (!isOld(snapshot.created_at))
        outcome.kept.push({ name: snapshot.name, reason: 'not older than older-than' });
      else {
        await neon.deleteSnapshot(snapshot);
        logger.info(`Deleted snapshot "${snapshot.name}" (${snapshot.id})`);
        outcome.deleted.push({ id: snapshot.id, name: snapshot.name, created_at: snapshot.created_at });
      }
    }
    return outcome;
  }

  const branches = await neon.branches();
  const candidates = newestFirst(branches.filter((b) => b.name.startsWith(settings.prefix)));
  for (const [index, branch] of candidates.entries()) {
    const guard = protection(branch, branches);
    if (index < settings.keep) outcome.kept.push({ name: branch.name, reason: `among the newest ${settings.keep}` });
    else if (!isOld(branch.created_at)) outcome.kept.push({ name: branch.name, reason: 'not older than older-than' });
    else if (guard) {
      outcome.kept.push({ name: branch.name, reason: guard });
      logger.notice(`Not deleting "${branch.name}": ${guard}`);
    } else {
      // One at a time: Neon locks the project (423) while a deletion runs.
      await neon.deleteBranch(branch);
      logger.info(`Deleted branch "${branch.name}" (${branch.id})`);
      outcome.deleted.push({ id: branch.id, name: branch.name, created_at: branch.created_at });
    }
  }
  return outcome;
}
