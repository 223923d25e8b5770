// A telemetry endpoint that fails and echoes the request back (headers and body, as some proxies and debug servers
// do) must not get a credential into a warning, in any form: raw, base64 of user:token, Bearer, URL-encoded.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_BASIC } from '../model/fixtures.js';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../support/postgres.js';
import { everything, runMigrate } from './helpers.js';

const available = await postgresAvailable();
const LOKI_USER = '123456';
const LOKI_TOKEN = 'glc_Ech0edT0ken+with/special=chars';
const OTLP_TOKEN = 'otlpEch0edBearerT0ken';
const ROUTING_KEY = 'R0UT1NGKEYECHOED0123456789abcdef';

/** Answers every request 401 with the request's headers and body in the response body. */
async function echoServer(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      res.writeHead(401, { 'content-type': 'text/plain' });
      res.end(`unauthorized\n${JSON.stringify(req.headers)}\n${body}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe.skipIf(!available)('telemetry endpoints that echo the request', () => {
  let database: TestDatabase;
  let echo: { url: string; server: Server };
  beforeAll(async () => {
    database = await createTestDatabase('telemetry_echo');
    echo = await echoServer();
  });
  afterAll(async () => {
    echo?.server.close();
    await database?.drop();
  });

  it('warns with the status and a short reason, and no credential in any form', async () => {
    const run = await runMigrate(EXAMPLE_BASIC, {
      'database-url': database.url,
      'loki-url': echo.url,
      'loki-user': LOKI_USER,
      'loki-token': LOKI_TOKEN,
      'otlp-endpoint': echo.url,
      'otlp-headers': `authorization=Bearer ${OTLP_TOKEN}`,
      'pagerduty-routing-key': ROUTING_KEY,
      'pagerduty-url': `${echo.url}/v2/enqueue`,
    });
    expect(run.outputs.status, run.logs).toBe('applied');
    const warnings = run.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
    expect(
      warnings.some((w) => /HTTP 401/.test(w)),
      run.logs,
    ).toBe(true);
    const captured = everything(run);
    const basic = Buffer.from(`${LOKI_USER}:${LOKI_TOKEN}`).toString('base64');
    for (const secret of [LOKI_TOKEN, encodeURIComponent(LOKI_TOKEN), basic, OTLP_TOKEN, ROUTING_KEY]) {
      expect(captured).not.toContain(secret);
    }
    // The echoed request itself (its headers) never reaches the log.
    expect(captured).not.toMatch(/"authorization"/i);
  });
});
