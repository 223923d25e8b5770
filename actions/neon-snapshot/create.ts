import { ConfigurationError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import { redactUrl } from '../lib/secrets';
import { resolveBranch } from './branches';
import type { Branch } from '@neondatabase/api-client';
import type { NeonProject } from './neon';
import type { SnapshotSettings } from './settings';

export interface CreateOutcome {
  kind: 'branch' | 'snapshot';
  id: string;
  name: string;
  created: boolean;
  parentName: string;
  parentLsn?: string;
  parentTimestamp?: string;
  expiresAt?: string;
  databaseUrl?: string;
}

export async function createSnapshot(
  neon: NeonProject,
  settings: SnapshotSettings,
  logger: Logger,
): Promise<CreateOutcome> {
  const branches = await neon.branches();
  const parent = resolveBranch(branches, settings.branch);
  if (settings.method === 'snapshot') {
    // Neon only snapshots root branches; saying so here beats a 4xx from the API after the deploy started.
    if (parent.parent_id) {
      const grandparent = branches.find((b) => b.id === parent.parent_id)?.name ?? parent.parent_id;
      throw new ConfigurationError(
        `method "snapshot" works only on root branches, and "${parent.name}" is a child of "${grandparent}": use method: branch, or set branch to a root branch`,
      );
    }
    const existing = (await neon.snapshots()).find((s) => s.name === settings.name);
    if (existing) logger.info(`Snapshot "${existing.name}" (${existing.id}) already exists: reusing it`);
    const snapshot = existing ?? (await neon.createSnapshot(parent, settings.name, settings.expiresAt));
    if (!existing) logger.info(`Created snapshot "${snapshot.name}" (${snapshot.id}) of "${parent.name}"`);
    return {
      kind: 'snapshot',
      id: snapshot.id,
      name: snapshot.name,
      created: !existing,
      parentName: parent.name,
      parentLsn: snapshot.lsn,
      parentTimestamp: snapshot.timestamp ?? snapshot.created_at,
      expiresAt: snapshot.expires_at,
    };
  }

  const { branch, created } = await getOrCreateBranch(neon, branches, parent, settings, logger);
  const databaseUrl = await neon.connectionUri(branch, settings.databaseName, settings.roleName);
  logger.info(`Connection: ${redactUrl(databaseUrl)}`);
  return {
    kind: 'branch',
    id: branch.id,
    name: branch.name,
    created,
    parentName: parent.name,
    parentLsn: branch.parent_lsn,
    parentTimestamp: branch.parent_timestamp,
    expiresAt: branch.expires_at,
    databaseUrl,
  };
}

/** The branch named `settings.name`, reused when it exists (whatever its parent), else made a child of `parent`. */
export async function getOrCreateBranch(
  neon: NeonProject,
  branches: Branch[],
  parent: Branch,
  settings: Pick<SnapshotSettings, 'name' | 'expiresAt'>,
  logger: Logger,
): Promise<{ branch: Branch; created: boolean }> {
  const existing = branches.find((b) => b.name === settings.name);
  if (!existing) {
    const branch = await neon.createBranch(parent, settings.name, settings.expiresAt);
    logger.info(`Created branch "${branch.name}" (${branch.id}) from "${parent.name}"`);
    return { branch, created: true };
  }
  logger.info(`Branch "${existing.name}" (${existing.id}) already exists: reusing it`);
  if (existing.parent_id !== parent.id) {
    logger.warning(`"${existing.name}" is not a child of "${parent.name}"; it was reused as it is`);
  }
  return { branch: existing, created: false };
}
