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
    timeout: { description: 'How long to wait.', default: '5m' },
    'lock-timeout': { description: 'How long to wait for a lock.', required: true },
    grace: { description: 'Extra time, if any.' },
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

  it('says which input is missing when a required duration is empty', () => {
    expect(failure(() => inputs({}).duration('lock-timeout'))).toBe(
      'input "lock-timeout" is required: how long to wait for a lock.',
    );
  });
});
