import type { DeploymentOptions } from '@vercel/client';
import { ConfigurationError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { VercelSettings } from './config';
import { VercelApiError, type VercelApi } from './vercel-api';

export interface WatchedDeployment {
  id: string;
  /** Host name without scheme, as Vercel gives it (`my-app-abc123.vercel.app`). */
  url: string;
  readyState: string;
}

interface DeploymentBody {
  id?: string;
  uid?: string;
  url?: string;
  readyState?: string;
  projectId?: string;
  errorMessage?: string;
}

const FAILED_STATES = new Set(['ERROR', 'CANCELED']);
const READY_TIMEOUT_MS = 30 * 60_000;

/** The deployment to watch: created from deploy-dir, or looked up by deployment-id; either way READY. */
export async function prepareDeployment(settings: VercelSettings, api: VercelApi, logger: Logger) {
  if (settings.deployDir) return deployDirectory(settings, logger);
  return waitUntilReady(settings, api, settings.deploymentId!, logger);
}

async function waitUntilReady(settings: VercelSettings, api: VercelApi, idOrUrl: string, logger: Logger) {
  const started = Date.now();
  const path = `/v13/deployments/${encodeURIComponent(idOrUrl.replace(/^https?:\/\//, '').replace(/\/.*$/, ''))}`;
  for (let poll = 0; ; poll += 1) {
    const body = await api.request<DeploymentBody>('GET', path);
    const deployment = toWatched(body);
    if (body.projectId && body.projectId !== settings.projectId) {
      throw new ConfigurationError(
        `deployment ${deployment.id} belongs to project ${body.projectId}, not vercel-project-id ${settings.projectId}`,
      );
    }
    if (deployment.readyState === 'READY') return deployment;
    if (FAILED_STATES.has(deployment.readyState)) {
      throw new VercelApiError(
        `deployment ${deployment.id} is ${deployment.readyState}${body.errorMessage ? `: ${body.errorMessage}` : ''}; nothing to watch`,
      );
    }
    if (Date.now() - started > READY_TIMEOUT_MS) {
      throw new VercelApiError(`deployment ${deployment.id} is still ${deployment.readyState} after 30 minutes`);
    }
    if (poll === 0) logger.info(`Deployment ${deployment.id} is ${deployment.readyState}; waiting until READY`);
    // Same cadence as @vercel/client: quick at first, then easing off.
    await new Promise((resolve) => setTimeout(resolve, Date.now() - started < 15_000 ? 1000 : 5000));
  }
}

async function deployDirectory(settings: VercelSettings, logger: Logger): Promise<WatchedDeployment> {
  // A production deployment without domains is what `promote` later points production at; without promote,
  // a preview deployment leaves production alone.
  const options = {
    project: settings.projectId,
    ...(settings.onHealthy === 'promote' ? { target: 'production', autoAssignCustomDomains: false } : {}),
  } as DeploymentOptions;
  let created: WatchedDeployment | undefined;
  // Vercel's client (1.3 MB of bundled code) loads only for a run that uploads a directory.
  const { createDeployment } = await import('@vercel/client');
  const events = createDeployment(
    { token: settings.token, path: settings.deployDir!, teamId: settings.teamId, apiUrl: settings.apiUrl },
    options,
  );
  for await (const event of events) {
    const payload = event.payload as DeploymentBody & { message?: string; status?: number; code?: string };
    switch (event.type) {
      case 'created':
        created = toWatched(payload);
        logger.info(`Created deployment ${created.id} (${created.url}); waiting until READY`);
        break;
      case 'ready':
      case 'alias-assigned':
        return { ...toWatched(payload), readyState: 'READY' };
      case 'canceled':
        throw new VercelApiError(`deployment ${created?.id ?? ''} was canceled before it was ready`);
      case 'checks-v2-failed':
        throw new VercelApiError(`deployment ${created?.id ?? ''} failed its deployment checks`);
      case 'error':
        throw deploymentError(payload);
      case 'warning':
        logger.warning(`Vercel: ${String(event.payload)}`);
        break;
      default:
        break;
    }
  }
  throw new VercelApiError('the deployment ended without becoming READY');
}

function deploymentError(payload: { message?: string; status?: number; code?: string; readyState?: string }): Error {
  const detail = payload.message ?? payload.code ?? payload.readyState ?? 'unknown error';
  if (payload.status === 401 || payload.status === 403) {
    return new ConfigurationError(
      `Vercel rejected vercel-token while creating the deployment (HTTP ${payload.status}): ${detail}; ` +
        'check the token and vercel-team-id',
    );
  }
  const status = payload.status ? ` (HTTP ${payload.status})` : '';
  return new VercelApiError(`creating the deployment failed${status}: ${detail}`, payload.status);
}

function toWatched(body: DeploymentBody): WatchedDeployment {
  const id = body.id ?? body.uid;
  if (!id || !body.url) throw new VercelApiError('Vercel answered without a deployment id or url');
  return { id, url: body.url, readyState: body.readyState ?? 'UNKNOWN' };
}
