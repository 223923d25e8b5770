import { describe, expect, it } from 'vitest';
import { formatDuration, MAX_TIMER_MS, parseDuration } from '../../actions/lib/duration';
import { commands } from '../../actions/commands';
import { describeInput } from '../../actions/lib/definition';

describe('formatDuration', () => {
  it.each([
    [0, '0ms'],
    [850, '850ms'],
    [999.4, '999ms'],
    [999.6, '1.0s'],
    [12_340, '12.3s'],
    [59_949, '59.9s'],
    [59_950, '1m00s'],
    [59_999, '1m00s'],
    [60_000, '1m00s'],
    [245_000, '4m05s'],
    [119_400, '1m59s'],
    [119_700, '2m00s'],
    [3_599_499, '59m59s'],
    [3_599_600, '1h00m'],
    [3_599_999, '1h00m'],
    [7_800_000, '2h10m'],
    [86_369_999, '23h59m'],
    [86_370_000, '1d'],
    [86_400_000 * 3, '3d'],
    [86_400_000 + 6 * 3_600_000, '1d06h'],
    [-5, '0ms'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('never prints 60 in a seconds or minutes field, nor 24 hours, wherever the value falls', () => {
    const offenders: string[] = [];
    for (let ms = 0; ms < 2 * 86_400_000; ms += 997) {
      const text = formatDuration(ms);
      if (/(^|\D)(60[sm]|24h)/.test(text)) offenders.push(`${ms} → ${text}`);
    }
    expect(offenders).toEqual([]);
  });

  it('reads back what it writes for whole seconds and minutes', () => {
    for (const text of ['4m05s', '2h10m', '3d', '1d06h']) expect(formatDuration(parseDuration(text))).toBe(text);
  });
});

describe('parseDuration', () => {
  it.each([
    ['250ms', 250],
    ['30s', 30_000],
    ['1h30m', 5_400_000],
    ['7d', 604_800_000],
    ['1w', 604_800_000],
    ['0s', 0],
    ['1.5s', 1500],
    ['1m30s250ms', 90_250],
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['5', '', '  ', '1h30', '-5s', '5 m', '1e3s', 'm', 'ms5', '5mins'])('refuses %j', (text) => {
    expect(() => parseDuration(text, 'input "x"')).toThrow(`input "x": "${text}" is not a duration`);
  });
});

describe('the duration inputs of every command', () => {
  const durationInputs = commands.flatMap(({ definition }) =>
    Object.entries(definition.inputs)
      .filter(([, input]) => input.duration)
      .map(([name, input]) => ({ command: definition.name, name, input, range: input.duration! })),
  );

  it('cover every input the actions read as durations', () => {
    const names = durationInputs.map((d) => `${d.command} ${d.name}`).sort();
    expect(names).toEqual(
      [
        'canary-monitor duration',
        'canary-monitor interval',
        'canary-monitor request-timeout',
        'migrate-with-telemetry lock-timeout',
        'migrate-with-telemetry lock-wait',
        'migrate-with-telemetry statement-timeout',
        'migrate-with-telemetry timeout',
        'neon-snapshot expires-in',
        'neon-snapshot older-than',
        'neon-snapshot wait-timeout',
        'schema-check generate-timeout',
      ].sort(),
    );
  });

  it.each(durationInputs)('$command $name: a valid range holding its default, stated in its description', (d) => {
    const min = parseDuration(d.range.min);
    const max = parseDuration(d.range.max);
    expect(min).toBeLessThanOrEqual(max);
    if (d.input.default) {
      expect(parseDuration(d.input.default)).toBeGreaterThanOrEqual(min);
      expect(parseDuration(d.input.default)).toBeLessThanOrEqual(max);
    }
    expect(describeInput(d.input)).toContain(`${d.range.min} to ${d.range.max}`);
  });

  it.each(durationInputs.filter((d) => !['expires-in', 'older-than'].includes(d.name)))(
    '$command $name: a time limit within a GitHub job (6 h), so well within a Node timer',
    (d) => {
      expect(parseDuration(d.range.max)).toBeLessThanOrEqual(6 * 3_600_000);
      expect(parseDuration(d.range.max)).toBeLessThan(MAX_TIMER_MS);
    },
  );
});
