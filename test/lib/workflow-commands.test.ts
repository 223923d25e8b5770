import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as ours from '../../actions/lib/workflow-commands';

/**
 * The runner reads what an action writes, byte for byte. lib/workflow-commands.ts replaces @actions/core at run time
 * (see its header), so every command is checked against what @actions/core itself writes for the same call.
 */
function captured(fn: () => void | Promise<void>): Promise<{ stdout: string; output: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'workflow-commands-'));
  const outputFile = join(dir, 'output');
  writeFileSync(outputFile, '');
  const previous = process.env.GITHUB_OUTPUT;
  process.env.GITHUB_OUTPUT = outputFile;
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  });
  const done = Promise.resolve(fn()).finally(() => {
    spy.mockRestore();
    if (previous === undefined) delete process.env.GITHUB_OUTPUT;
    else process.env.GITHUB_OUTPUT = previous;
  });
  return done.then(() => {
    // The delimiter is random by design: compare its shape, not its value.
    const output = readFileSync(outputFile, 'utf8').replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_UUID');
    rmSync(dir, { recursive: true, force: true });
    return { stdout, output };
  });
}

const awkward = 'line one\nline two\r\n100% done: a, b';

afterEach(() => {
  process.exitCode = undefined;
});

describe('workflow commands', () => {
  it('log lines, debug and masks are written as @actions/core writes them', async () => {
    const theirs = await captured(() => {
      core.info(awkward);
      core.debug(awkward);
      core.setSecret('p%ss\nword');
    });
    const mine = await captured(() => {
      ours.info(awkward);
      ours.debug(awkward);
      ours.setSecret('p%ss\nword');
    });
    expect(mine.stdout).toBe(theirs.stdout);
    expect(mine.stdout).toContain('::add-mask::p%25ss%0Aword');
  });

  it.each(['notice', 'warning', 'error'] as const)(
    '%s annotations escape their message and properties',
    async (level) => {
      const where = { file: 'app/drizzle/0001_a,b:c.sql', line: 3, endLine: 4, col: 2, title: 'Lock: 100%' };
      const theirs = await captured(() => {
        core[level](awkward, { file: where.file, startLine: 3, endLine: 4, startColumn: 2, title: where.title });
        core[level](awkward);
      });
      const mine = await captured(() => {
        ours.annotate(level, awkward, where);
        ours.annotate(level, awkward);
      });
      expect(mine.stdout).toBe(theirs.stdout);
      expect(mine.stdout).toContain('file=app/drizzle/0001_a%2Cb%3Ac.sql');
    },
  );

  it('groups open and close around the work, also when it throws', async () => {
    const failing = () => Promise.reject(new Error('inside'));
    const theirs = await captured(() => core.group('Phase: one', failing).catch(() => undefined));
    const mine = await captured(() => ours.group('Phase: one', failing).catch(() => undefined));
    expect(mine.stdout).toBe(theirs.stdout);
    expect(mine.stdout).toContain('::endgroup::');
  });

  it('outputs go to GITHUB_OUTPUT in the delimited form, multi-line values intact', async () => {
    const value = JSON.stringify({ sql: 'ALTER TABLE a\nADD b int;' }, null, 2);
    const theirs = await captured(() => {
      core.setOutput('report', value);
      core.setOutput('empty', '');
    });
    const mine = await captured(() => {
      ours.setOutput('report', value);
      ours.setOutput('empty', '');
    });
    expect(mine.output).toBe(theirs.output);
    expect(mine.output).toContain(`report<<ghadelimiter_UUID\n${value}\nghadelimiter_UUID\n`);
    expect(mine.stdout).toBe('');
  });

  it('setFailed writes an error annotation and fails the step', async () => {
    const theirs = await captured(() => core.setFailed(awkward));
    expect(process.exitCode).toBe(1);
    process.exitCode = undefined;
    const mine = await captured(() => ours.setFailed(awkward));
    expect(process.exitCode).toBe(1);
    expect(mine.stdout).toBe(theirs.stdout);
  });
});
