// The CLI's `snapshot` command: same inputs and behaviour as the neon-snapshot action, for use outside Actions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../actions/runtime.js';
import { ConsoleLogger } from '../../actions/lib/logger.js';
import { startFakeNeon, type FakeNeon } from '../support/fake-neon.js';
import { postgresAvailable } from '../support/postgres.js';

const pg = await postgresAvailable();

describe.skipIf(!pg)('schema-actions snapshot', () => {
  let fake: FakeNeon;
  beforeAll(async () => {
    fake = await startFakeNeon();
  });
  afterAll(async () => {
    await fake?.close();
  });

  function cli(args: string[], key = fake.apiKey) {
    const lines: string[] = [];
    const logger = new ConsoleLogger((line) => lines.push(line));
    const argv = ['snapshot', '--api-key', key, '--project-id', fake.projectId, '--api-host', fake.apiHost, ...args];
    return runCli(argv, logger).then((code) => ({ code, lines }));
  }

  it('creates a snapshot branch and never prints the key or the password', async () => {
    const { code, lines } = await cli(['--name', 'snapshot/from-cli']);
    expect(code, lines.join('\n')).toBe(0);
    const branch = fake.branch('snapshot/from-cli');
    expect(branch.parent_id).toBe(fake.branch('main').id);
    const text = lines.join('\n');
    expect(text).toContain('Created branch "snapshot/from-cli"');
    expect(text).not.toContain(fake.apiKey);
    expect(text).not.toContain(branch.password);
  });

  it('reports a wrong key in one line', async () => {
    const { code, lines } = await cli([], 'napi_not_the_key');
    expect(code).toBe(1);
    expect(lines.filter((l) => l.startsWith('error:'))).toEqual([
      `error: neon-snapshot: Neon rejected the API key (HTTP 401: authentication required): set api-key to a valid Neon API key with access to project ${fake.projectId}`,
    ]);
  });
});
