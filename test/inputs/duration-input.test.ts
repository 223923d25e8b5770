// Durations as actions read them (`timeout: 5m`): Inputs.duration against a command definition, the same path an
// action's or the CLI's input takes. A bad one is the user's mistake: one line naming the input and the format.
import { describe, expect, it } from 'vitest';
import type { CommandDefinition } from '../../actions/lib/definition';
import { ConfigurationError } from '../../actions/lib/errors';
import { Inputs } from '../../actions/lib/inputs';
import { ConsoleLogger } from '../../actions/lib/logger';

const definition: CommandDefinition = {
  name: 'waiter',
  title: 'Waits',
  description: 'A command with duration inputs.',
  isAction: true,
  inputs: {
    timeout: { description: 'How long to wait.', default: '5m', duration: { min: '1s', max: '6h' } },
    'lock-timeout': {
      description: 'How long to wait for a lock.',
      required: true,
      duration: { min: '0s', max: '30d' },
    },
    grace: { description: 'Extra time, if any.', duration: { min: '100ms', max: '1h' } },
    plain: { description: 'Not a duration.' },
  },
  outputs: {},
};

function inputs(values: Record<string, string>): Inputs {
  return new Inputs(definition, (name) => values[name], new ConsoleLogger(() => undefined));
}

function failure(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigurationError');
}

describe('duration inputs', () => {
  it.each([
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['7d', 604_800_000],
    ['250ms', 250],
    [' 2M ', 120_000],
    ['1.5s', 1500],
  ])('reads %j as %i ms', (text, ms) => {
    expect(inputs({ 'lock-timeout': text }).duration('lock-timeout')).toBe(ms);
  });

  it('falls back to the declared default when the input is empty', () => {
    expect(inputs({ timeout: '' }).duration('timeout')).toBe(300_000);
    expect(inputs({}).optionalDuration('grace')).toBeUndefined();
    expect(inputs({ grace: '10s' }).optionalDuration('grace')).toBe(10_000);
  });

  it.each([
    ['a bare number, which could mean seconds or minutes', '5'],
    ['an unknown unit', '10x'],
    ['words', 'five minutes'],
    ['a unit without a number', 'm'],
    ['a trailing number', '1h30'],
    ['a negative value', '-5s'],
  ])('refuses %s in one line naming the input and the format', (_what, text) => {
    const message = failure(() => inputs({ 'lock-timeout': text }).duration('lock-timeout'));
    expect(message).toBe(`input "lock-timeout": "${text}" is not a duration; write it like 30s, 5m, 1h30m or 7d`);
    expect(failure(() => inputs({ grace: text }).optionalDuration('grace'))).toContain('input "grace"');
  });

  it.each([
    ['timeout', '99999999d', '1s to 6h'],
    ['timeout', '6h1ms', '1s to 6h'],
    ['timeout', '999ms', '1s to 6h'],
    ['timeout', '0s', '1s to 6h'],
    ['lock-timeout', '31d', '0s to 30d'],
    ['lock-timeout', `${'9'.repeat(400)}s`, '0s to 30d'],
  ])('refuses %s: %s as out of range, naming the input and the range', (name, text, range) => {
    const message = failure(() => inputs({ [name]: text }).duration(name));
    expect(message).toBe(`input "${name}": "${text}" is out of range; use ${range}`);
  });

  it('accepts both ends of the range', () => {
    expect(inputs({ timeout: '1s' }).duration('timeout')).toBe(1000);
    expect(inputs({ timeout: '6h' }).duration('timeout')).toBe(21_600_000);
    expect(inputs({ 'lock-timeout': '0s' }).duration('lock-timeout')).toBe(0);
    expect(inputs({ grace: '100ms' }).optionalDuration('grace')).toBe(100);
  });

  it('checks an optional duration against its range too', () => {
    expect(failure(() => inputs({ grace: '2h' }).optionalDuration('grace'))).toBe(
      'input "grace": "2h" is out of range; use 100ms to 1h',
    );
  });

  it('will not read an input without a declared range as a duration: a programming error, not a user one', () => {
    expect(() => inputs({ plain: '5m' }).duration('plain')).toThrow(/declares no range/);
    expect(() => inputs({ plain: '5m' }).duration('plain')).not.toThrow(ConfigurationError);
  });

  it('says which input is missing when a required duration is empty', () => {
    expect(failure(() => inputs({}).duration('lock-timeout'))).toBe(
      'input "lock-timeout" is required: how long to wait for a lock.',
    );
  });
});
