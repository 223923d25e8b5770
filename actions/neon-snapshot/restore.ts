import type { Branch, Snapshot } from '@neondatabase/api-client';
import { ConfigurationError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import { listNames, newestFirst, resolveBranch } from './branches';
import type { NeonProject } from './neon';
import { compactTimestamp, type SnapshotSettings } from './settings';

export interface RestoreOutcome {
  target: string;
  source: { id: string; name: string };
  restoredBranchId: string;
  preservedBranchId: string;
  preservedAs: string;
}

/** `latest`, an id or a name, among the snapshots under the prefix (any snapshot when named explicitly). */
function pickSource<T extends { id: string; name: string; created_at: string }>(
  candidates: T[],
  restoreFrom: string,
  prefix: string,
  what: string,
): T {
  if (restoreFrom === 'latest') {
    const newest = newestFirst(candidates.filter((c) => c.name.startsWith(prefix)))[0];
    if (!newest) {
      throw new ConfigurationError(
        `restore-from is "latest" but no ${what} is named under prefix "${prefix}"; create one first (mode: create) or set restore-from`,
      );
    }
    return newest;
  }
  const found = candidates.find((c) => c.id === restoreFrom) ?? candidates.find((c) => c.name === restoreFrom);
  if (!found) {
    const under = candidates.filter((c) => c.name.startsWith(prefix));
    throw new ConfigurationError(
      `restore-from "${restoreFrom}" matches no ${what} by name or id; snapshots under "${prefix}": ${listNames(newestFirst(under))}`,
    );
  }
  return found;
}

export async function restoreSnapshot(
  neon: NeonProject,
  settings: SnapshotSettings,
  logger: Logger,
  now: Date,
): Promise<RestoreOutcome> {
  const branches = await neon.branches();
  const target = resolveBranch(branches, settings.branch);
  const preserveAs = settings.preserveAs ?? `${target.name}_old_${compactTimestamp(now)}`;
  if (branches.some((b) => b.name === preserveAs)) {
    throw new ConfigurationError(
      `preserve-as "${preserveAs}" is already the name of a branch; choose another name so the current state is not lost`,
    );
  }

  if (settings.method === 'snapshot') {
    const source: Snapshot = pickSource(await neon.snapshots(), settings.restoreFrom, settings.prefix, 'snapshot');
    logger.info(`Restoring "${target.name}" from snapshot "${source.name}" (${source.id})`);
    const restoredBranchId = await neon.restoreSnapshot(target, source, preserveAs);
    return { target: target.name, source, restoredBranchId, preservedBranchId: target.id, preservedAs: preserveAs };
  }

  const others = branches.filter((b) => b.id !== target.id);
  const source: Branch = pickSource(others, settings.restoreFrom, settings.prefix, 'branch');
  logger.info(`Restoring "${target.name}" from branch "${source.name}" (${source.id})`);
  await neon.restoreBranch(target, source, preserveAs);
  const preserved = (await neon.branches()).find((b) => b.name === preserveAs);
  if (!preserved) throw new Error(`Neon finished the restore but no branch "${preserveAs}" holds the previous state`);
  logger.info(`The previous state of "${target.name}" is kept as "${preserveAs}" (${preserved.id})`);
  return {
    target: target.name,
    source: { id: source.id, name: source.name },
    restoredBranchId: target.id,
    preservedBranchId: preserved.id,
    preservedAs: preserveAs,
  };
}
