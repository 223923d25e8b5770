import type { Logger } from '../lib/logger';
import type { VercelSettings } from './config';
import type { WatchedDeployment } from './deployment';
import { VercelApiError, type VercelApi } from './vercel-api';

export type Decision = 'promoted' | 'rolled-back' | 'none';

export interface DecisionOutcome {
  decision: Decision;
  /** What was done, in words, for the log and the report. */
  detail: string;
}

interface StageSummary {
  index: number;
  isFinalStage?: boolean;
  targetPercentage?: number;
}

/** The parts of Vercel's RollingReleaseDocument this action reads. */
interface RollingRelease {
  state: 'ACTIVE' | 'COMPLETE' | 'ABORTED';
  canaryDeployment?: { id: string };
  currentDeployment?: { id: string };
  activeStageIndex: number;
  activeStage?: StageSummary;
  nextStage?: StageSummary | null;
}

interface DeploymentListItem {
  uid: string;
  url?: string;
  readyState?: string;
  state?: string;
  created?: number;
}

/** Promotes or rolls back on Vercel according to the verdict and the on-healthy / on-unhealthy inputs. */
export async function applyDecision(
  healthy: boolean,
  settings: VercelSettings,
  api: VercelApi,
  deployment: WatchedDeployment,
  logger: Logger,
): Promise<DecisionOutcome> {
  const project = encodeURIComponent(settings.projectId);
  const wanted = healthy ? settings.onHealthy : settings.onUnhealthy;
  if (wanted === 'none') {
    return { decision: 'none', detail: `on-${healthy ? 'healthy' : 'unhealthy'} is none: nothing changed on Vercel` };
  }
  const rolling = await activeRollingRelease(api, project);
  if (rolling && rolling.canaryDeployment?.id !== deployment.id) {
    throw new VercelApiError(
      `a rolling release of another deployment (${rolling.canaryDeployment?.id ?? 'unknown'}) is in progress; ` +
        'finish or abort it before this one can be promoted or rolled back',
    );
  }
  if (rolling)
    return healthy ? advanceRollingRelease(api, project, rolling) : abortRollingRelease(api, project, rolling);
  const production = await productionDeployment(api, project);
  if (healthy) {
    if (production === deployment.id) {
      return { decision: 'none', detail: `${deployment.id} already serves production: nothing to promote` };
    }
    return promote(api, project, deployment);
  }
  // A staged deployment that never served production has nothing to roll back from.
  if (production !== undefined && production !== deployment.id) {
    return {
      decision: 'none',
      detail: `production runs ${production}, not ${deployment.id}: nothing to roll back; ${deployment.id} stays unpromoted`,
    };
  }
  return rollback(api, project, settings, deployment, logger);
}

/** The deployment serving production, from the project's `targets`; undefined when Vercel does not say. */
async function productionDeployment(api: VercelApi, project: string): Promise<string | undefined> {
  const body = await api.request<{ targets?: { production?: { id?: string } | null } }>(
    'GET',
    `/v9/projects/${project}`,
  );
  return body.targets?.production?.id ?? undefined;
}

async function activeRollingRelease(api: VercelApi, project: string): Promise<RollingRelease | undefined> {
  const body = await api.request<{ rollingRelease?: RollingRelease | null }>(
    'GET',
    `/v1/projects/${project}/rolling-release`,
  );
  return body.rollingRelease?.state === 'ACTIVE' ? body.rollingRelease : undefined;
}

async function promote(api: VercelApi, project: string, deployment: WatchedDeployment): Promise<DecisionOutcome> {
  await api.request('POST', `/v10/projects/${project}/promote/${encodeURIComponent(deployment.id)}`);
  return { decision: 'promoted', detail: `promoted ${deployment.id} to production` };
}

/** Approves the next stage, or completes the release when the next stage is the last (100%). */
async function advanceRollingRelease(api: VercelApi, project: string, rr: RollingRelease): Promise<DecisionOutcome> {
  const canaryDeploymentId = rr.canaryDeployment!.id;
  const next = rr.nextStage;
  if (!next || next.isFinalStage) {
    await api.request('POST', `/v1/projects/${project}/rolling-release/complete`, { body: { canaryDeploymentId } });
    return { decision: 'promoted', detail: `completed the rolling release of ${canaryDeploymentId}` };
  }
  await api.request('POST', `/v1/projects/${project}/rolling-release/approve-stage`, {
    body: { activeStageIndex: rr.activeStageIndex, nextStageIndex: rr.activeStageIndex + 1, canaryDeploymentId },
  });
  const share = next.targetPercentage === undefined ? '' : ` (${next.targetPercentage}% of traffic)`;
  return {
    decision: 'promoted',
    detail: `approved stage ${rr.activeStageIndex + 2}${share} of the rolling release of ${canaryDeploymentId}`,
  };
}

/**
 * Vercel aborts a rolling release by rolling production back to the deployment it was replacing; the Vercel CLI's
 * `rolling-release abort` makes exactly this call.
 */
async function abortRollingRelease(api: VercelApi, project: string, rr: RollingRelease): Promise<DecisionOutcome> {
  const current = rr.currentDeployment?.id;
  if (!current) throw new VercelApiError('the active rolling release names no current deployment to return to');
  await api.request('POST', `/v9/projects/${project}/rollback/${encodeURIComponent(current)}`, { body: {} });
  return {
    decision: 'rolled-back',
    detail: `aborted the rolling release of ${rr.canaryDeployment!.id}; production stays on ${current}`,
  };
}

async function rollback(
  api: VercelApi,
  project: string,
  settings: VercelSettings,
  deployment: WatchedDeployment,
  logger: Logger,
): Promise<DecisionOutcome> {
  const target = settings.rollbackTo ?? (await previousProduction(api, settings, deployment));
  if (target === deployment.id) {
    throw new VercelApiError(`rollback-to names the deployment being watched (${target}); give an earlier one`);
  }
  logger.info(`Rolling production back to ${target}`);
  await api.request('POST', `/v9/projects/${project}/rollback/${encodeURIComponent(target)}`, { body: {} });
  return { decision: 'rolled-back', detail: `rolled production back to ${target}` };
}

async function previousProduction(api: VercelApi, settings: VercelSettings, deployment: WatchedDeployment) {
  const { deployments = [] } = await api.request<{ deployments?: DeploymentListItem[] }>('GET', '/v6/deployments', {
    query: { projectId: settings.projectId, target: 'production', state: 'READY', limit: '20' },
  });
  const previous = deployments
    .filter((d) => d.uid !== deployment.id && (d.readyState ?? d.state ?? 'READY') === 'READY')
    .sort((a, b) => (b.created ?? 0) - (a.created ?? 0))[0];
  if (!previous) {
    throw new VercelApiError(
      'found no earlier READY production deployment to roll back to; set rollback-to to the deployment ID to restore',
    );
  }
  return previous.uid;
}
