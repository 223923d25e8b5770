// canary-monitor's Vercel side, from the dist bundle through the runner harness: promote, rollback, rolling
// releases, deploying a directory with @vercel/client, and each API failure mode, against the Vercel fake.
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scripts, startFakeHealth } from '../support/fake-health.js';
import type { FakeHealth, HealthScript } from '../support/fake-health.js';
import { startFakeVercel } from '../support/fake-vercel.js';
import type { FakeVercel } from '../support/fake-vercel.js';
import { BYPASS, PROJECT, TEAM, TOKEN, canary, expectNoSecrets, vercelInputs, watch } from './helpers.js';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(cleanups.map((cleanup) => cleanup()));
});

/**
 * A project whose production runs `previous`, with `candidate` (READY) to watch: staged (not yet promoted), or with
 * `live`, already serving production as after `vercel deploy --prod`.
 */
async function setup(script: HealthScript = scripts.healthy(), { live = false }: { live?: boolean } = {}) {
  const vercel = await startFakeVercel({ token: TOKEN, teamId: TEAM });
  const health = await startFakeHealth(script);
  cleanups.push(
    () => vercel.close(),
    () => health.close(),
  );
  const project = vercel.addProject(PROJECT);
  const older = vercel.addDeployment({ projectId: PROJECT, target: 'production', created: Date.now() - 7_200_000 });
  const previous = vercel.addDeployment({ projectId: PROJECT, target: 'production', created: Date.now() - 3_600_000 });
  project.production = previous.uid;
  const candidate = vercel.addDeployment({
    projectId: PROJECT,
    created: Date.now() - 60_000,
    target: live ? 'production' : null,
  });
  if (live) project.production = candidate.uid;
  return { vercel, health, project, older, previous, candidate };
}

/** Short watch of the fake health endpoint, with the Vercel inputs for `deploymentId`. */
function inputs(vercel: FakeVercel, health: FakeHealth, extra: Record<string, string> = {}) {
  return {
    ...watch(health.url, { interval: '1s', duration: '2s', 'min-samples': '2' }),
    ...vercelInputs(vercel.url),
    headers: `x-vercel-protection-bypass: ${BYPASS}`,
    ...extra,
  };
}

const mutations = (vercel: FakeVercel) => vercel.calls().filter((call) => call.startsWith('POST'));

describe.concurrent('canary-monitor on Vercel', () => {
  it('healthy → promotes the watched deployment, with teamId on every call and no secret printed', async () => {
    const { vercel, health, project, candidate } = await setup();
    const run = await canary(inputs(vercel, health, { 'deployment-id': candidate.uid, 'on-healthy': 'promote' }));
    expect(run.exitCode, run.logs).toBe(0);
    expect(run.outputs).toMatchObject({
      healthy: 'true',
      decision: 'promoted',
      samples: '2',
      'deployment-url': `https://${candidate.url}`,
    });
    expect(project.production).toBe(candidate.uid);
    expect(mutations(vercel)).toEqual([`POST /v10/projects/${PROJECT}/promote/${candidate.uid}`]);
    for (const request of vercel.requests) expect(request.query.teamId).toBe(TEAM);
    expect(run.summary).toContain(`**Decision: promoted** — promoted ${candidate.uid} to production`);
    expect(run.masks).toEqual(expect.arrayContaining([TOKEN, BYPASS]));
    expectNoSecrets(run, [TOKEN, BYPASS], vercel.requests);
    // The token goes to Vercel only, never to the probed app.
    for (const request of health.requests) expect(JSON.stringify(request.headers)).not.toContain(TOKEN);
  });

  it('unhealthy → rolls production back to the previous production deployment', async () => {
    const { vercel, health, project, previous, candidate } = await setup(scripts.failingFrom(2, 502), { live: true });
    const run = await canary(inputs(vercel, health, { 'deployment-id': candidate.uid, 'on-unhealthy': 'rollback' }));
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ healthy: 'false', decision: 'rolled-back', errors: '1' });
    expect(project.production).toBe(previous.uid);
    const list = vercel.requests.find((r) => r.path === '/v6/deployments');
    expect(list?.query).toMatchObject({ projectId: PROJECT, target: 'production', state: 'READY', teamId: TEAM });
    expect(mutations(vercel)).toEqual([`POST /v9/projects/${PROJECT}/rollback/${previous.uid}`]);
    expect(
      run.annotations.find((a) => a.level === 'error' && a.message.startsWith('canary-monitor:'))?.message,
    ).toMatch(new RegExp(`unhealthy: error rate 50% .*; rolled production back to ${previous.uid}`));
    expect(run.summary).toContain('HTTP 502 Bad Gateway');
    expectNoSecrets(run, [TOKEN, BYPASS]);
  });

  it('rollback-to overrides the previous production deployment', async () => {
    const { vercel, health, project, older, candidate } = await setup(scripts.failingFrom(1), { live: true });
    const run = await canary(
      inputs(vercel, health, { 'deployment-id': candidate.uid, 'on-unhealthy': 'rollback', 'rollback-to': older.uid }),
    );
    expect(run.outputs.decision).toBe('rolled-back');
    expect(project.production).toBe(older.uid);
    expect(vercel.calls()).not.toContain('GET /v6/deployments');
  });

  it('healthy when already serving production: nothing to promote', async () => {
    const { vercel, health, project, candidate } = await setup(scripts.healthy(), { live: true });
    const run = await canary(inputs(vercel, health, { 'deployment-id': candidate.uid, 'on-healthy': 'promote' }));
    expect(run.exitCode, run.logs).toBe(0);
    expect(run.outputs).toMatchObject({ healthy: 'true', decision: 'none' });
    expect(mutations(vercel)).toEqual([]);
    expect(project.production).toBe(candidate.uid);
    expect(run.summary).toContain('already serves production: nothing to promote');
  });

  it('unhealthy but never promoted: production is left alone', async () => {
    const { vercel, health, project, previous, candidate } = await setup(scripts.failingFrom(1));
    const run = await canary(inputs(vercel, health, { 'deployment-id': candidate.uid, 'on-unhealthy': 'rollback' }));
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ healthy: 'false', decision: 'none' });
    expect(mutations(vercel)).toEqual([]);
    expect(project.production).toBe(previous.uid);
    expect(run.summary).toContain(`production runs ${previous.uid}, not ${candidate.uid}: nothing to roll back`);
  });

  it('healthy during a rolling release → approves the next stage, then completes at the last one', async () => {
    const { vercel, health, project, previous, candidate } = await setup();
    project.rollingRelease = {
      state: 'ACTIVE',
      canaryDeploymentId: candidate.uid,
      currentDeploymentId: previous.uid,
      activeStageIndex: 0,
      stages: [10, 50, 100],
    };
    const first = await canary(inputs(vercel, health, { 'deployment-id': candidate.uid, 'on-healthy': 'promote' }));
    expect(first.exitCode, first.logs).toBe(0);
    expect(first.outputs.decision).toBe('promoted');
    const approve = vercel.requests.find((r) => r.path.endsWith('/rolling-release/approve-stage'));
    expect(approve?.body).toEqual({ activeStageIndex: 0, nextStageIndex: 1, canaryDeploymentId: candidate.uid });
    expect(project.rollingRelease).toMatchObject({ state: 'ACTIVE', activeStageIndex: 1 });
    expect(first.summary).toContain('approved stage 2 (50% of traffic)');

    const second = await canary(inputs(vercel, health, { 'deployment-id': candidate.uid, 'on-healthy': 'promote' }));
    expect(second.outputs.decision).toBe('promoted');
    const complete = vercel.requests.find((r) => r.path.endsWith('/rolling-release/complete'));
    expect(complete?.body).toEqual({ canaryDeploymentId: candidate.uid });
    expect(project.rollingRelease).toMatchObject({ state: 'COMPLETE' });
    expect(project.production).toBe(candidate.uid);
    // A rolling release is advanced, never bypassed with a plain promote.
    expect(vercel.calls().some((call) => call.includes('/promote/'))).toBe(false);
  });

  it('unhealthy during a rolling release → aborts it, production stays on the current deployment', async () => {
    const { vercel, health, project, previous, candidate } = await setup(scripts.failingFrom(1, 500));
    project.rollingRelease = {
      state: 'ACTIVE',
      canaryDeploymentId: candidate.uid,
      currentDeploymentId: previous.uid,
      activeStageIndex: 0,
      stages: [10, 100],
    };
    const run = await canary(inputs(vercel, health, { 'deployment-id': candidate.uid, 'on-unhealthy': 'rollback' }));
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ healthy: 'false', decision: 'rolled-back' });
    expect(mutations(vercel)).toEqual([`POST /v9/projects/${PROJECT}/rollback/${previous.uid}`]);
    expect(project.rollingRelease).toMatchObject({ state: 'ABORTED' });
    expect(project.production).toBe(previous.uid);
    expect(run.summary).toContain(`aborted the rolling release of ${candidate.uid}`);
  });

  it("another deployment's rolling release in progress: refuses to promote, says why", async () => {
    const { vercel, health, project, previous, older, candidate } = await setup();
    project.rollingRelease = {
      state: 'ACTIVE',
      canaryDeploymentId: older.uid,
      currentDeploymentId: previous.uid,
      activeStageIndex: 0,
      stages: [10, 100],
    };
    const run = await canary(inputs(vercel, health, { 'deployment-id': candidate.uid, 'on-healthy': 'promote' }));
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ healthy: 'true', decision: 'none' });
    expect(mutations(vercel)).toEqual([]);
    expect(run.summary).toContain(`a rolling release of another deployment (${older.uid}) is in progress`);
  });

  it('deploy-dir → uploads the files, waits until READY, then watches and promotes', async () => {
    const { vercel, health, project } = await setup();
    const dir = await mkdtemp(join(tmpdir(), 'canary-deploy-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const files = { 'index.html': '<h1>canary</h1>\n', 'app.js': 'console.log("canary");\n' };
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);

    const run = await canary(inputs(vercel, health, { 'deploy-dir': dir, 'on-healthy': 'promote' }));
    expect(run.exitCode, run.logs).toBe(0);
    const created = [...vercel.deployments.values()].find((d) => d.files);
    expect(created).toBeDefined();
    for (const text of Object.values(files)) {
      expect(vercel.files.get(createHash('sha1').update(text).digest('hex'))?.toString()).toBe(text);
    }
    const creations = vercel.requests.filter((r) => r.method === 'POST' && r.path === '/v13/deployments');
    expect(creations).toHaveLength(2); // the first answered missing_files, the second after the uploads
    expect(creations[1]!.body).toMatchObject({
      project: PROJECT,
      target: 'production',
      autoAssignCustomDomains: false,
    });
    // QUEUED at creation, then BUILDING, then READY: polled until ready before any probe.
    expect(vercel.requests.filter((r) => r.path === `/v13/deployments/${created!.uid}`).length).toBeGreaterThanOrEqual(
      2,
    );
    expect(created!.polls).toBeGreaterThanOrEqual(3);
    expect(run.outputs).toMatchObject({
      decision: 'promoted',
      'deployment-url': `https://${created!.url}`,
      samples: '2',
    });
    expect(project.production).toBe(created!.uid);
    expectNoSecrets(run, [TOKEN, BYPASS], vercel.requests);
  });

  it('a deployment that fails to build is reported, and nothing is probed', async () => {
    const { vercel, health } = await setup();
    const broken = vercel.addDeployment({ projectId: PROJECT, states: ['BUILDING', 'ERROR'] });
    const run = await canary(inputs(vercel, health, { 'deployment-id': broken.uid, 'on-healthy': 'promote' }));
    expect(run.exitCode).toBe(1);
    expect(run.annotations.find((a) => a.level === 'error')?.message).toContain(`deployment ${broken.uid} is ERROR`);
    expect(health.requests).toHaveLength(0);
  });
});

describe.concurrent('canary-monitor Vercel API failures', () => {
  it('401: a wrong token stops before probing, with one line and the token never printed', async () => {
    const { vercel, health, candidate } = await setup();
    const wrong = 'vcp_wrongToken_0a1b2c3d4e5f';
    const run = await canary(
      inputs(vercel, health, { 'deployment-id': candidate.uid, 'on-healthy': 'promote', 'vercel-token': wrong }),
    );
    expect(run.exitCode).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(
      /^canary-monitor: Vercel rejected vercel-token \(HTTP 401 on GET \/v13\/deployments\//,
    );
    expect(health.requests).toHaveLength(0);
    expect(run.outputs.decision).toBeUndefined();
    expectNoSecrets(run, [wrong]);
  });

  it('404: an unknown deployment names what to check', async () => {
    const { vercel, health } = await setup();
    const run = await canary(inputs(vercel, health, { 'deployment-id': 'dpl_doesNotExist', 'on-healthy': 'promote' }));
    expect(run.exitCode).toBe(1);
    expect(run.annotations.find((a) => a.level === 'error')?.message).toContain(
      'Vercel found nothing at GET /v13/deployments/dpl_doesNotExist (HTTP 404): Deployment not found (not_found); check vercel-project-id',
    );
    expect(health.requests).toHaveLength(0);
  });

  it('409 on promote: healthy but not promoted, exit 1, the conflict in the report', async () => {
    const { vercel, health, project, previous, candidate } = await setup();
    vercel.failNext(409, {
      method: 'POST',
      path: /\/promote\//,
      code: 'conflict',
      message: 'A promotion is already in progress',
    });
    const run = await canary(inputs(vercel, health, { 'deployment-id': candidate.uid, 'on-healthy': 'promote' }));
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ healthy: 'true', decision: 'none' });
    expect(project.production).toBe(previous.uid);
    expect(run.summary).toContain('**Vercel step failed:**');
    expect(run.summary).toContain('conflict (HTTP 409): A promotion is already in progress');
    expect(run.annotations.find((a) => a.message.startsWith('canary-monitor:'))?.message).toContain(
      'the Vercel step failed',
    );
  });

  it('429 with Retry-After: waits and retries, then succeeds', async () => {
    const { vercel, health, project, candidate } = await setup();
    vercel.failNext(429, {
      method: 'POST',
      path: /\/promote\//,
      headers: { 'retry-after': '1' },
      code: 'rate_limited',
    });
    const run = await canary(inputs(vercel, health, { 'deployment-id': candidate.uid, 'on-healthy': 'promote' }));
    expect(run.exitCode, run.logs).toBe(0);
    expect(run.outputs.decision).toBe('promoted');
    expect(vercel.calls().filter((c) => c.includes('/promote/'))).toHaveLength(2);
    expect(project.production).toBe(candidate.uid);
  });

  it('429 that does not clear: gives up after bounded retries, never a silent success', async () => {
    const { vercel, health, project, previous, candidate } = await setup();
    vercel.failNext(429, { method: 'POST', path: /\/promote\//, headers: { 'retry-after': '1' }, times: 10 });
    const run = await canary(inputs(vercel, health, { 'deployment-id': candidate.uid, 'on-healthy': 'promote' }));
    expect(run.exitCode).toBe(1);
    expect(run.outputs.decision).toBe('none');
    expect(vercel.calls().filter((c) => c.includes('/promote/'))).toHaveLength(4);
    expect(project.production).toBe(previous.uid);
    expect(run.summary).toContain('rate limit (HTTP 429)');
  });

  it('5xx: a transient 503 is retried; a lasting 500 fails with the status', async () => {
    const transient = await setup(scripts.failingFrom(1), { live: true });
    transient.vercel.failNext(503, { path: /\/rolling-release$/ });
    const recovered = await canary(
      inputs(transient.vercel, transient.health, {
        'deployment-id': transient.candidate.uid,
        'on-unhealthy': 'rollback',
      }),
    );
    expect(recovered.outputs.decision).toBe('rolled-back');
    expect(transient.project.production).toBe(transient.previous.uid);

    const lasting = await setup(scripts.failingFrom(1), { live: true });
    lasting.vercel.failNext(500, { method: 'POST', path: /\/rollback\//, times: 10 });
    const failed = await canary(
      inputs(lasting.vercel, lasting.health, { 'deployment-id': lasting.candidate.uid, 'on-unhealthy': 'rollback' }),
    );
    expect(failed.exitCode).toBe(1);
    expect(failed.outputs).toMatchObject({ healthy: 'false', decision: 'none' });
    expect(failed.summary).toMatch(
      /Vercel API error HTTP 500 on POST \/v9\/projects\/prj_canary01\/rollback\/\S+ after 4 attempt\(s\)/,
    );
  });
});
