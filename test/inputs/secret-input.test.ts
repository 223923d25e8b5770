// A secret input is masked the moment it is read, so no later line can print it; an unevaluated expression default
// (a run outside the runner, where nothing expands `${{ github.token }}`) is not a secret and must stay readable.
import { describe, expect, it } from 'vitest';
import type { CommandDefinition } from '../../actions/lib/definition';
import { Inputs } from '../../actions/lib/inputs';
import { ConsoleLogger } from '../../actions/lib/logger';

const definition: CommandDefinition = {
  name: 'poster',
  title: 'Posts',
  description: 'A command with a token input.',
  isAction: true,
  inputs: { 'github-token': { description: 'Token.', secret: true, default: '${{ github.token }}' } },
  outputs: {},
};

function read(value: string | undefined) {
  const logger = new ConsoleLogger(() => undefined);
  new Inputs(definition, () => value, logger).string('github-token');
  return logger.secrets;
}

describe('secret inputs', () => {
  it('masks a given token', () => {
    expect(read('ghp_realtoken123').redact('token ghp_realtoken123 here')).not.toContain('ghp_realtoken123');
  });

  it('does not mask the unevaluated default expression', () => {
    expect(read(undefined).redact('default is ${{ github.token }}')).toBe('default is ${{ github.token }}');
  });
});
