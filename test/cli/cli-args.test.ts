// The CLI's arguments are the command's inputs, written `--input-name value`; a mistake is one line saying the fix.
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../actions/cli-args';
import type { CommandDefinition } from '../../actions/lib/definition';
import { ConfigurationError } from '../../actions/lib/errors';

// Shaped like migrate-with-telemetry's definition, with the kinds of input the CLI tells apart.
const migrate: CommandDefinition = {
  name: 'migrate-with-telemetry',
  cliName: 'migrate',
  title: 'Migrate',
  description: 'Applies migrations.',
  isAction: true,
  inputs: {
    'database-url': { description: 'PostgreSQL URL.', secret: true },
    timeout: { description: 'Time limit.', default: '10m' },
    environment: { description: 'Environment name.' },
    'dry-run': { description: 'Change nothing.', default: 'false' },
    'migrations-table': { description: 'Ledger table.' },
    'migrations-schema': { description: 'Ledger schema.' },
  },
  outputs: {},
};

function values(...args: string[]): Record<string, string> {
  const parsed = parseCliArgs(migrate, args);
  expect(parsed.help).toBe(false);
  return Object.fromEntries(parsed.values);
}

function mistake(...args: string[]): string {
  try {
    parseCliArgs(migrate, args);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigurationError');
}

describe('CLI arguments', () => {
  it('takes every input of the command as --input-name value or --input-name=value', () => {
    expect(values('--database-url', 'postgres://h/db', '--timeout=5m', '--environment=a=b')).toEqual({
      'database-url': 'postgres://h/db',
      timeout: '5m',
      environment: 'a=b',
    });
    // A value may start with a dash when it is not another option, or when written with `=`.
    expect(values('--migrations-table', '-ledger', '--migrations-schema=--odd')).toMatchObject({
      'migrations-table': '-ledger',
      'migrations-schema': '--odd',
    });
  });

  it('takes a boolean input alone (true) or with a value, as in with:', () => {
    expect(values('--dry-run')).toEqual({ 'dry-run': 'true' });
    expect(values('--dry-run', '--database-url', 'x')).toEqual({ 'dry-run': 'true', 'database-url': 'x' });
    expect(values('--dry-run', 'false')).toEqual({ 'dry-run': 'false' });
    expect(values('--dry-run=no')).toEqual({ 'dry-run': 'no' });
  });

  it('keeps the last of a repeated input', () => {
    expect(values('--timeout', '1m', '--timeout', '2m')).toEqual({ timeout: '2m' });
  });

  it('shows help for --help or -h wherever it is', () => {
    expect(parseCliArgs(migrate, ['--database-url', 'x', '--help']).help).toBe(true);
    expect(parseCliArgs(migrate, ['-h']).help).toBe(true);
  });

  it.each([
    [['--databse-url', 'x'], 'unknown option --databse-url; run schema-actions migrate --help for its inputs'],
    [['-d'], 'unknown option -d; run schema-actions migrate --help for its inputs'],
    [['stray'], 'unexpected argument "stray"; inputs are given as --name value'],
    [['--', '--dry-run'], 'unexpected argument "--dry-run"; inputs are given as --name value'],
    [['--database-url'], '--database-url needs a value: --database-url <value> or --database-url=<value>'],
    [['--database-url', '--dry-run'], '--database-url needs a value: --database-url <value> or --database-url=<value>'],
  ])('%j is refused with one line saying what to write', (args, message) => {
    expect(mistake(...args)).toBe(message);
  });
});
