import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../actions/commands';

const cli = join(import.meta.dirname, '..', '..', 'bin', 'schema-actions.js');

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('schema-actions CLI (committed dist)', () => {
  it('--help lists every command', () => {
    const { code, stdout } = run('--help');
    expect(code).toBe(0);
    for (const { definition } of commands) expect(stdout).toContain(definition.cliName ?? definition.name);
  });

  it('<command> --help lists that command’s inputs with their defaults', () => {
    const { code, stdout } = run('status', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('--database-url (required)');
    expect(stdout).toContain('--working-directory (default: .)');
  });

  it.each([
    [['frobnicate'], /^error: unknown command "frobnicate"; run schema-actions --help for the list$/],
    [
      ['status', '--databse-url', 'x'],
      /^error: status: unknown option --databse-url; run schema-actions status --help/,
    ],
    [['status', 'stray'], /^error: status: unexpected argument "stray"; inputs are given as --name value$/],
    [['status', '--database-url'], /^error: status: --database-url needs a value: --database-url <value> or/],
    [['status'], /^error: status: input "database-url" is required/],
    [
      ['status', '--database-url', 'mysql://localhost/x'],
      /^error: status: database-url is not a PostgreSQL URL; write it like postgres:\/\//,
    ],
    [
      ['status', '--database-url', 'postgres://u:p@127.0.0.1:5432/x', '--fail-on-problems', 'maybe'],
      /^error: status: input "fail-on-problems" must be true or false, not "maybe"$/,
    ],
  ])('%j fails with one line that says what to fix', (args, message) => {
    const { code, stderr, stdout } = run(...args);
    expect(code).toBe(1);
    const errors = stderr.split('\n').filter((line) => line.startsWith('error:'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace for a user's mistake
    expect(stdout).toBe('');
  });
});
