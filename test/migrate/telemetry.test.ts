// Loki, PagerDuty and OTLP receive what the real services require, secrets never leave in anything, and a sink that
// is down, failing, rate-limiting or hanging costs a warning, never the migration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeLoki, type FakeLoki } from '../support/fake-loki.js';
import { startFakeOtlp, type FakeOtlp } from '../support/fake-otlp.js';
import { startFakePagerDuty, type FakePagerDuty } from '../support/fake-pagerduty.js';
import { startFakeServer } from '../support/http.js';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../support/postgres.js';
import type { ActionRun } from '../support/runner.js';
import { journalFixture, POSTS, USERS, type Fixture } from './fixtures.js';
import { everything, ledgerRows, runMigrate, withPassword } from './helpers.js';

const available = await postgresAvailable();

const PG_PASSWORD = 'pg-S3cret-Passw0rd';
const LOKI_USER = '123456';
const LOKI_TOKEN = 'glc_lokiTokenSecretValue123';
const ROUTING_KEY = 'R0UT1NGKEYSECRET0123456789abcdef';
const OTLP_TOKEN = 'otlpSecretHeaderValue42';
const SECRETS = [PG_PASSWORD, LOKI_TOKEN, ROUTING_KEY, OTLP_TOKEN];

let loki: FakeLoki;
let pagerduty: FakePagerDuty;
let otlp: FakeOtlp;
const cleanup: (TestDatabase | Fixture)[] = [];

beforeAll(async () => {
  [loki, pagerduty, otlp] = await Promise.all([
    startFakeLoki({ basicAuth: { user: LOKI_USER, password: LOKI_TOKEN }, tenant: 'acme' }),
    startFakePagerDuty(),
    startFakeOtlp({ requiredHeaders: { authorization: `Bearer ${OTLP_TOKEN}` } }),
  ]);
});
afterAll(async () => {
  await Promise.all([loki?.close(), pagerduty?.close(), otlp?.close()]);
  for (const item of cleanup) await ('drop' in item ? item.drop() : item.remove());
});

function telemetryInputs(): Record<string, string> {
  return {
    environment: 'staging',
    'loki-url': loki.url,
    'loki-user': LOKI_USER,
    'loki-token': LOKI_TOKEN,
    'loki-tenant': 'acme',
    'loki-labels': 'team=platform',
    'pagerduty-routing-key': ROUTING_KEY,
    'pagerduty-url': pagerduty.enqueueUrl,
    'otlp-endpoint': otlp.url,
    'otlp-headers': `authorization=Bearer ${OTLP_TOKEN}`,
  };
}

function expectNoSecrets(run: ActionRun, extra: unknown[] = []): void {
  const pagerDutyWithoutKey = pagerduty.requests.map((r) => ({ ...(r.body as object), routing_key: undefined }));
  const captured = [
    everything(run),
    JSON.stringify(loki.requests.map((r) => ({ body: r.body, headers: { ...r.headers, authorization: undefined } }))),
    JSON.stringify(otlp.requests.map((r) => r.body)),
    JSON.stringify(pagerDutyWithoutKey),
    JSON.stringify(extra),
  ].join('\n');
  for (const secret of SECRETS) expect(captured).not.toContain(secret);
}

describe.skipIf(!available)('telemetry', () => {
  it('reports a run to Loki, OTLP and PagerDuty in the formats they require; a failure triggers, a fix resolves', async () => {
    const fixture = journalFixture([USERS, POSTS]);
    const db = await createTestDatabase('telemetry');
    cleanup.push(fixture, db);
    const url = withPassword(db.url, PG_PASSWORD);

    // 1. A broken migration: PagerDuty is triggered.
    fixture.add([{ name: 'broken', sql: 'ALTER TABLE "missing" ADD COLUMN "x" int;' }]);
    const failed = await runMigrate(fixture.root, { 'database-url': url, ...telemetryInputs() });
    expect(failed.outputs.status).toBe('failed');
    expect(loki.rejections).toEqual([]);
    expect(pagerduty.events).toHaveLength(1);
    const trigger = pagerduty.events[0] as {
      event_action: string;
      dedup_key: string;
      payload: Record<string, unknown>;
    };
    expect(trigger.event_action).toBe('trigger');
    expect(trigger.payload.severity).toBe('critical');
    expect(String(trigger.payload.summary)).toContain('Database migration failed in staging (acme/app)');
    expect(pagerduty.alerts.get(trigger.dedup_key)).toBe('triggered');
    const errorLines = loki.entries.filter((e) => e.labels.level === 'error');
    expect(errorLines.map((e) => e.metadata.event)).toEqual(['migration', 'end']);
    expectNoSecrets(failed);

    // 2. The migration is fixed (here: removed) and the next run succeeds: the same alert is resolved.
    const { rmSync, writeFileSync } = await import('node:fs');
    rmSync(`${fixture.dir}/${fixture.names[2]}.sql`);
    const journal = {
      version: '7',
      dialect: 'postgresql',
      entries: fixture.names
        .slice(0, 2)
        .map((tag, idx) => ({ idx, version: '7', when: Date.UTC(2025, 0, 1, 12, idx), tag, breakpoints: true })),
    };
    writeFileSync(`${fixture.dir}/meta/_journal.json`, JSON.stringify(journal));
    loki.entries.length = 0;
    otlp.spans.length = 0;
    const ok = await runMigrate(fixture.root, { 'database-url': url, ...telemetryInputs() });
    expect(ok.outputs.status, ok.logs).toBe('applied');
    expect(ok.annotations.filter((a) => a.level === 'warning')).toEqual([]);
    const resolve = pagerduty.events[1] as { event_action: string; dedup_key: string };
    expect(resolve.event_action).toBe('resolve');
    expect(resolve.dedup_key).toBe(trigger.dedup_key);
    expect(pagerduty.alerts.get(trigger.dedup_key)).toBe('resolved');

    // Loki: start, one line per migration, end; low-cardinality labels, the rest as structured metadata.
    const runId = ok.outputs['run-id']!;
    expect(loki.entries.map((e) => e.metadata.event)).toEqual(['start', 'migration', 'migration', 'end']);
    for (const entry of loki.entries) {
      expect(entry.labels).toEqual({
        service: 'app',
        team: 'platform',
        environment: 'staging',
        repository: 'acme/app',
        level: 'info',
      });
      expect(entry.metadata.run_id).toBe(runId);
      expect(entry.metadata.commit).toBe('0123456789abcdef0123456789abcdef01234567');
      expect(entry.headers['x-scope-orgid']).toBe('acme');
    }
    const migrationLines = loki.entries.filter((e) => e.metadata.event === 'migration');
    expect(migrationLines.map((e) => e.metadata.migration)).toEqual(fixture.names.slice(0, 2));
    for (const line of migrationLines) expect(line.metadata.duration_ms).toMatch(/^\d+$/);
    const stamps = loki.entries.map((e) => BigInt(e.timestamp));
    expect([...stamps].sort((a, b) => (a < b ? -1 : 1))).toEqual(stamps);

    // OTLP: one run span, a child per migration, in the trace named by the run id.
    const traceId = runId.replace(/-/g, '');
    const runSpan = otlp.spans.find((s) => !s.parentSpanId)!;
    expect(runSpan.name).toBe('migrate');
    expect(runSpan.traceId).toBe(traceId);
    const children = otlp.spans.filter((s) => s.parentSpanId === runSpan.spanId);
    expect(children.map((s) => s.name)).toEqual(fixture.names.slice(0, 2).map((n) => `migration ${n}`));
    expect(children.every((s) => s.traceId === traceId && s.status?.code === 1)).toBe(true);
    expect(otlp.resources.at(-1)).toMatchObject({ 'service.name': 'app', 'deployment.environment.name': 'staging' });
    expect(otlp.rejections).toEqual([]);
    expectNoSecrets(ok);
    expect(await ledgerRows(db.url)).toHaveLength(2);
  });

  it('a sink refusing connections, failing, rate-limiting or hanging only costs a warning', async () => {
    const fixture = journalFixture([USERS]);
    const [a, b] = await Promise.all([createTestDatabase('sinkfault_a'), createTestDatabase('sinkfault_b')]);
    cleanup.push(fixture, a, b);
    const closed = await startFakeServer();
    await closed.close();

    // Loki 500, PagerDuty 429 with Retry-After, OTLP hangs.
    loki.failNext(500, { times: 20 });
    pagerduty.failNext(429, { times: 20, headers: { 'retry-after': '30' } });
    otlp.hangNext({ times: 20 });
    const faulty = await runMigrate(fixture.root, {
      'database-url': withPassword(a.url, PG_PASSWORD),
      ...telemetryInputs(),
    });
    expect(faulty.exitCode, faulty.logs).toBe(0);
    expect(faulty.outputs.status).toBe('applied');
    const warnings = faulty.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
    expect(warnings.some((w) => w.includes('Loki') && w.includes('HTTP 500'))).toBe(true);
    expect(warnings.some((w) => w.includes('PagerDuty') && w.includes('HTTP 429'))).toBe(true);
    expect(warnings.some((w) => w.includes('OTLP') && w.includes('no answer within'))).toBe(true);
    expect(faulty.summary).toContain('### Telemetry');
    expect(await ledgerRows(a.url)).toHaveLength(1);
    expectNoSecrets(faulty);

    // Every sink refuses connections.
    const refused = await runMigrate(fixture.root, {
      ...telemetryInputs(),
      'database-url': withPassword(b.url, PG_PASSWORD),
      'loki-url': closed.url,
      'pagerduty-url': `${closed.url}/v2/enqueue`,
      'otlp-endpoint': closed.url,
    });
    expect(refused.exitCode, refused.logs).toBe(0);
    expect(refused.outputs.status).toBe('applied');
    expect(refused.annotations.filter((a) => a.level === 'warning' && /ECONNREFUSED/.test(a.message))).toHaveLength(3);
    expect(await ledgerRows(b.url)).toHaveLength(1);
    expectNoSecrets(refused);
  });
});

describe.skipIf(!available)('targets', () => {
  it('migrates every target, reports each, and one failing target does not hide the others', async () => {
    const fixture = journalFixture([USERS, POSTS]);
    const [one, two] = await Promise.all([createTestDatabase('target_one'), createTestDatabase('target_two')]);
    cleanup.push(fixture, one, two);
    const missing = new URL(withPassword(one.url, PG_PASSWORD));
    missing.pathname = '/sa_test_no_such_database';
    const targets = [withPassword(one.url, PG_PASSWORD), missing.toString(), withPassword(two.url, PG_PASSWORD)];
    const run = await runMigrate(fixture.root, { targets: targets.join('\n'), parallelism: '2' });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('failed');
    expect(await ledgerRows(one.url)).toHaveLength(2);
    expect(await ledgerRows(two.url)).toHaveLength(2);
    const applied = JSON.parse(run.outputs.applied!) as { name: string; target: string }[];
    expect(applied.map((a) => a.target).sort()).toEqual(
      [
        `127.0.0.1:5432/${one.name}`,
        `127.0.0.1:5432/${one.name}`,
        `127.0.0.1:5432/${two.name}`,
        `127.0.0.1:5432/${two.name}`,
      ].sort(),
    );
    expect(run.outputs['applied-count']).toBe('4');
    for (const label of [one.name, two.name, 'sa_test_no_such_database'])
      expect(run.summary).toContain(`127.0.0.1:5432/${label}`);
    expect(run.logs).toContain('database "sa_test_no_such_database" does not exist');
    expectNoSecrets(run);
  });
});
