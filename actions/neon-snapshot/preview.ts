import type { Branch } from '@neondatabase/api-client';
import { ConfigurationError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import { redactUrl } from '../lib/secrets';
import { resolveBranch } from './branches';
import { getOrCreateBranch } from './create';
import type { NeonProject } from './neon';
import type { SnapshotSettings } from './settings';

export interface PreviewOutcome {
  id: string;
  name: string;
  created: boolean;
  createdAt: string;
  parentName: string;
  expiresAt?: string;
  databaseUrl: string;
  /** Through Neon's connection pooler: what a serverless app should use. */
  pooledUrl: string;
  consoleUrl: string;
}

/** A preview gets its own branch: handing out the default or a protected branch would migrate that one instead. */
export function refuseSharedBranch(branch: Branch | undefined, mode: string): void {
  if (branch?.default) {
    throw new ConfigurationError(
      `name "${branch.name}" is the project's default branch, which mode "${mode}" never touches: set name to the pull request's own branch (default preview/pr-<number>)`,
    );
  }
  if (branch?.protected) {
    throw new ConfigurationError(
      `name "${branch.name}" is a protected branch, which mode "${mode}" never touches: set name to the pull request's own branch`,
    );
  }
}

/** Gets or creates the pull request's branch, with a read-write compute, and its direct and pooled URLs. */
export async function getOrCreatePreview(
  neon: NeonProject,
  settings: SnapshotSettings,
  logger: Logger,
): Promise<PreviewOutcome> {
  const branches = await neon.branches();
  const parent = resolveBranch(branches, settings.branch);
  refuseSharedBranch(
    branches.find((b) => b.name === settings.name),
    settings.mode,
  );
  const { branch, created } = await getOrCreateBranch(neon, branches, parent, settings, logger);
  // A new branch got its compute with it; one made elsewhere may have none, and then no URL would connect.
  if (!created) await neon.ensureReadWriteEndpoint(branch);
  const databaseUrl = await neon.connectionUri(branch, settings.databaseName, settings.roleName);
  const pooledUrl = await neon.connectionUri(branch, settings.databaseName, settings.roleName, true);
  logger.info(`Connection: ${redactUrl(databaseUrl)}`);
  logger.info(`Pooled connection: ${redactUrl(pooledUrl)}`);
  return {
    id: branch.id,
    name: branch.name,
    created,
    createdAt: branch.created_at,
    parentName: branches.find((b) => b.id === branch.parent_id)?.name ?? parent.name,
    expiresAt: branch.expires_at,
    databaseUrl,
    pooledUrl,
    consoleUrl: `https://console.neon.tech/app/projects/${encodeURIComponent(neon.id)}/branches/${encodeURIComponent(branch.id)}`,
  };
}
