// A fake of the Vercel REST API subset canary-monitor uses: the calls @vercel/client's createDeployment makes
// (POST /v13/deployments answering `missing_files`, POST /v2/files with x-now-digest, GET /v13/deployments/:id
// moving through readyState), promote, rollback, the production deployment list and rolling releases. Paths, query
// parameters (teamId), bodies, status codes and error shapes (`{ error: { code, message } }`) follow api.vercel.com.
import { createHash, randomBytes } from 'node:crypto';
import { json, startFakeServer } from './http.js';
import type { FakeRequest, FakeResponse, FakeServer, FaultOptions, RecordedRequest } from './http.js';

export type ReadyState = 'QUEUED' | 'BUILDING' | 'READY' | 'ERROR' | 'CANCELED';

export interface FakeDeployment {
  uid: string;
  url: string;
  name: string;
  projectId: string;
  target: 'production' | null;
  created: number;
  /** States the deployment moves through, one per GET; the last one sticks. */
  states: ReadyState[];
  /** GETs answered so far (the index into states). */
  polls: number;
  files?: Array<{ file: string; sha?: string; data?: string }>;
}

export interface FakeRollingRelease {
  state: 'ACTIVE' | 'COMPLETE' | 'ABORTED';
  canaryDeploymentId: string;
  currentDeploymentId: string;
  activeStageIndex: number;
  /** Target percentages, e.g. [10, 50, 100]; the last one is the final stage. */
  stages: number[];
}

export interface FakeProject {
  id: string;
  /** The deployment serving production. */
  production?: string;
  rollingRelease?: FakeRollingRelease | null;
}

export interface FakeVercelOptions {
  token: string;
  /** When set, every request must carry `?teamId=` with this value (as a team-scoped token requires). */
  teamId?: string;
  /** readyState sequence for deployments created through POST /v13/deployments. */
  createdStates?: ReadyState[];
}

export interface FakeVercel {
  url: string;
  requests: RecordedRequest[];
  projects: Map<string, FakeProject>;
  deployments: Map<string, FakeDeployment>;
  /** Uploaded files by sha1, as received. */
  files: Map<string, Buffer>;
  addProject(id: string): FakeProject;
  addDeployment(fields: Partial<FakeDeployment> & { projectId: string }): FakeDeployment;
  /** Requests other than the ones the harness itself could make, in order, as `METHOD /path`. */
  calls(): string[];
  /** Injects `status` with Vercel's error body shape for the next matching request(s). */
  failNext(status: number, opts?: FaultOptions & { code?: string; message?: string }): void;
  hangNext: FakeServer['hangNext'];
  close(): Promise<void>;
}

const vercelError = (status: number, code: string, message: string): FakeResponse =>
  json(status, { error: { code, message } });

export async function startFakeVercel(options: FakeVercelOptions): Promise<FakeVercel> {
  const projects = new Map<string, FakeProject>();
  const deployments = new Map<string, FakeDeployment>();
  const files = new Map<string, Buffer>();

  const server = await startFakeServer({
    guard(req) {
      if (req.headers.authorization !== `Bearer ${options.token}`) {
        return vercelError(
          401,
          'unauthorized',
          'The specified token is not valid. Use `vercel login` to generate a new token.',
        );
      }
      if (options.teamId && req.query.teamId !== options.teamId) {
        return vercelError(403, 'forbidden', 'Not authorized: the token is scoped to a team; pass teamId');
      }
      return undefined;
    },
    notFoundBody: { error: { code: 'not_found', message: 'The requested path was not found' } },
  });

  const newId = () => `dpl_${randomBytes(10).toString('hex')}`;
  const project = (req: FakeRequest): FakeProject | FakeResponse => {
    const found = projects.get(req.params.projectId ?? req.params.idOrName ?? '');
    return found ?? vercelError(404, 'not_found', 'Project not found');
  };
  const isResponse = (value: unknown): value is FakeResponse =>
    typeof value === 'object' &&
    value !== null &&
    'status' in value &&
    typeof (value as FakeResponse).status === 'number';
  const stateOf = (d: FakeDeployment): ReadyState => d.states[Math.min(d.polls, d.states.length - 1)]!;
  const deploymentBody = (d: FakeDeployment) => {
    const readyState = stateOf(d);
    return {
      id: d.uid,
      url: d.url,
      name: d.name,
      projectId: d.projectId,
      target: d.target,
      createdAt: d.created,
      readyState,
      // Preview aliases are assigned as the deployment becomes ready, which is when @vercel/client stops polling.
      aliasAssigned: readyState === 'READY' ? d.created + 1 : null,
      aliasError: null,
      ...(readyState === 'ERROR' ? { errorMessage: 'Build failed', errorCode: 'BUILD_FAILED' } : {}),
    };
  };

  function addDeployment(fields: Partial<FakeDeployment> & { projectId: string }): FakeDeployment {
    const uid = fields.uid ?? newId();
    const deployment: FakeDeployment = {
      uid,
      name: fields.name ?? 'app',
      url: fields.url ?? `app-${uid.slice(4, 13)}.vercel.app`,
      target: fields.target ?? null,
      created: fields.created ?? Date.now(),
      states: fields.states ?? ['READY'],
      polls: 0,
      ...fields,
    };
    deployments.set(uid, deployment);
    return deployment;
  }

  server.route('POST', '/v2/files', (req) => {
    const digest = String(req.headers['x-now-digest'] ?? req.headers['x-vercel-digest'] ?? '');
    const body = typeof req.body === 'string' ? req.body : JSON.stringify(req.body ?? '');
    const data = Buffer.from(body, 'utf8');
    if (!digest) return vercelError(400, 'missing_digest', 'Missing `x-now-digest` header');
    if (createHash('sha1').update(data).digest('hex') !== digest) {
      return vercelError(400, 'invalid_digest', 'The file digest does not match its contents');
    }
    files.set(digest, data);
    return json(200, {});
  });

  server.route('POST', '/v13/deployments', (req) => {
    const body = (req.body ?? {}) as {
      name?: string;
      project?: string;
      target?: string;
      files?: Array<{ file: string; sha?: string; data?: string }>;
    };
    const projectId = body.project ?? '';
    if (!projects.has(projectId)) return vercelError(404, 'not_found', 'Project not found');
    const missing = (body.files ?? []).filter((f) => f.sha && !files.has(f.sha)).map((f) => f.sha!);
    if (missing.length > 0) {
      return json(400, { error: { code: 'missing_files', message: 'Missing files', missing } });
    }
    const deployment = addDeployment({
      projectId,
      name: body.name ?? 'app',
      target: body.target === 'production' ? 'production' : null,
      states: options.createdStates ?? ['QUEUED', 'BUILDING', 'READY'],
      files: body.files,
    });
    const answer = deploymentBody(deployment);
    // The creation answer shows the first state; each later GET moves one state on.
    deployment.polls = 1;
    return json(200, answer);
  });

  server.route('GET', '/v13/deployments/:idOrUrl', (req) => {
    const key = req.params.idOrUrl!;
    const deployment = deployments.get(key) ?? [...deployments.values()].find((d) => d.url === key);
    if (!deployment) return vercelError(404, 'not_found', 'Deployment not found');
    const body = deploymentBody(deployment);
    deployment.polls += 1;
    return json(200, body);
  });

  server.route('GET', '/v6/deployments', (req) => {
    const list = [...deployments.values()]
      .filter((d) => !req.query.projectId || d.projectId === req.query.projectId)
      .filter((d) => !req.query.target || d.target === req.query.target)
      .filter((d) => !req.query.state || req.query.state.split(',').includes(stateOf(d)))
      .sort((a, b) => b.created - a.created)
      .slice(0, Number(req.query.limit ?? 20))
      .map((d) => ({
        uid: d.uid,
        name: d.name,
        url: d.url,
        created: d.created,
        state: stateOf(d),
        readyState: stateOf(d),
        target: d.target,
      }));
    return json(200, { deployments: list, pagination: { count: list.length, next: null, prev: null } });
  });

  server.route('GET', '/v9/projects/:idOrName', (req) => {
    const found = project(req);
    if (isResponse(found)) return found;
    const production = found.production ? deployments.get(found.production) : undefined;
    return json(200, {
      id: found.id,
      name: found.id,
      targets: production
        ? { production: { id: production.uid, url: production.url, readyState: stateOf(production) } }
        : {},
    });
  });

  server.route('POST', '/v10/projects/:projectId/promote/:deploymentId', (req) => {
    const found = project(req);
    if (isResponse(found)) return found;
    const deployment = deployments.get(req.params.deploymentId!);
    if (!deployment || deployment.projectId !== found.id) return vercelError(404, 'not_found', 'Deployment not found');
    if (stateOf(deployment) !== 'READY') return vercelError(400, 'not_ready', 'Deployment is not ready');
    if (found.production === deployment.uid)
      return vercelError(409, 'conflict', 'Deployment is already the current production deployment');
    found.production = deployment.uid;
    deployment.target = 'production';
    return json(201, {});
  });

  server.route('POST', '/v9/projects/:projectId/rollback/:deploymentId', (req) => {
    const found = project(req);
    if (isResponse(found)) return found;
    const deployment = deployments.get(req.params.deploymentId!);
    if (!deployment || deployment.projectId !== found.id) return vercelError(404, 'not_found', 'Deployment not found');
    const rr = found.rollingRelease;
    if (rr?.state === 'ACTIVE') {
      if (rr.currentDeploymentId !== deployment.uid) {
        return vercelError(409, 'rolling_release_active', 'A rolling release is in progress');
      }
      rr.state = 'ABORTED';
    }
    found.production = deployment.uid;
    return json(201, {});
  });

  const rollingBody = (found: FakeProject) => {
    const rr = found.rollingRelease;
    if (!rr) return { rollingRelease: null };
    const summary = (id: string) => {
      const d = deployments.get(id);
      return { id, name: d?.name, url: d?.url, readyState: d ? stateOf(d) : 'READY', target: 'production' };
    };
    const stage = (index: number) =>
      index < rr.stages.length
        ? {
            index,
            isFinalStage: index === rr.stages.length - 1,
            targetPercentage: rr.stages[index],
            requireApproval: true,
            duration: null,
          }
        : null;
    return {
      rollingRelease: {
        state: rr.state,
        canaryDeployment: summary(rr.canaryDeploymentId),
        currentDeployment: summary(rr.currentDeploymentId),
        activeStageIndex: rr.activeStageIndex,
        activeStage: stage(rr.activeStageIndex),
        nextStage: stage(rr.activeStageIndex + 1),
        stages: rr.stages.map((_, i) => stage(i)),
        startedAt: Date.now() - 60_000,
        updatedAt: Date.now(),
      },
    };
  };

  server.route('GET', '/v1/projects/:idOrName/rolling-release', (req) => {
    const found = project(req);
    if (isResponse(found)) return found;
    return json(200, rollingBody(found));
  });

  const activeRelease = (req: FakeRequest): { found: FakeProject; rr: FakeRollingRelease } | FakeResponse => {
    const found = project(req);
    if (isResponse(found)) return found;
    const rr = found.rollingRelease;
    const body = (req.body ?? {}) as { canaryDeploymentId?: string };
    if (!rr || rr.state !== 'ACTIVE') return vercelError(400, 'no_active_rolling_release', 'No active rolling release');
    if (!body.canaryDeploymentId) return vercelError(400, 'bad_request', 'canaryDeploymentId is required');
    if (body.canaryDeploymentId !== rr.canaryDeploymentId) {
      return vercelError(409, 'canary_mismatch', 'canaryDeploymentId is not the active canary');
    }
    return { found, rr };
  };

  server.route('POST', '/v1/projects/:idOrName/rolling-release/approve-stage', (req) => {
    const active = activeRelease(req);
    if (isResponse(active)) return active;
    const { nextStageIndex } = (req.body ?? {}) as { nextStageIndex?: number };
    if (nextStageIndex !== active.rr.activeStageIndex + 1 || nextStageIndex >= active.rr.stages.length) {
      return vercelError(400, 'invalid_stage', 'nextStageIndex must be the stage after the active one');
    }
    active.rr.activeStageIndex = nextStageIndex;
    if (nextStageIndex === active.rr.stages.length - 1) {
      active.rr.state = 'COMPLETE';
      active.found.production = active.rr.canaryDeploymentId;
    }
    return json(200, rollingBody(active.found));
  });

  server.route('POST', '/v1/projects/:idOrName/rolling-release/complete', (req) => {
    const active = activeRelease(req);
    if (isResponse(active)) return active;
    active.rr.state = 'COMPLETE';
    active.rr.activeStageIndex = active.rr.stages.length - 1;
    active.found.production = active.rr.canaryDeploymentId;
    return json(200, rollingBody(active.found));
  });

  return {
    url: server.url,
    requests: server.requests,
    projects,
    deployments,
    files,
    addProject(id) {
      const created: FakeProject = { id, rollingRelease: null };
      projects.set(id, created);
      return created;
    },
    addDeployment,
    calls: () => server.requests.map((r) => `${r.method} ${r.path}`),
    failNext(status, opts = {}) {
      const { code, message, ...fault } = opts;
      server.failNext(status, {
        ...fault,
        body: fault.body ?? {
          error: { code: code ?? `http_${status}`, message: message ?? `Injected HTTP ${status}` },
        },
      });
    },
    hangNext: (opts) => server.hangNext(opts),
    close: () => server.close(),
  };
}
