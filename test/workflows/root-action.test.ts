import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../actions/commands';
import { runAction } from '../support/runner';

const root = join(import.meta.dirname, '..', '..');
const actionNames = commands.filter((c) => c.definition.isAction).map((c) => c.definition.name);

describe('root action (uses: org/schema-actions@v1)', () => {
  it.each(actionNames)('command: %s runs that action', async (name) => {
    // In an empty workspace each action stops at its own first check; the failure carries its name.
    const workspace = mkdtempSync(join(tmpdir(), 'root-action-'));
    try {
      const run = await runAction({ action: root, inputs: { command: name }, cwd: workspace });
      expect(run.exitCode).toBe(1);
      const failure = run.annotations.find((a) => a.level === 'error')?.message ?? '';
      expect(failure.startsWith(`${name}: `), failure).toBe(true);
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  });

  it('command: schema-check checks a project end to end, with the outputs of schema-check', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'root-action-'));
    cpSync(join(root, 'examples', 'basic'), workspace, { recursive: true });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: workspace });
    git('init', '-q');
    git('add', '-A');
    git('-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-qm', 'base');
    const base = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: workspace, encoding: 'utf8' }).trim();
    try {
      const run = await runAction({
        action: root,
        inputs: { command: 'schema-check', generate: 'false', 'base-ref': base },
        cwd: workspace,
      });
      expect(run.exitCode, run.logs).toBe(0);
      expect(run.outputs.result).toBe('passed');
      expect(run.outputs['new-migrations']).toBe('[]');
      expect(run.summary).toContain('## Schema check ✅ passed');
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  });

  it('an unknown command fails with the list of commands', async () => {
    const run = await runAction({ action: root, inputs: { command: 'deploy-everything' } });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.find((a) => a.level === 'error')?.message).toBe(
      `schema-actions: input "command" must be one of ${actionNames.join(', ')}, not "deploy-everything"`,
    );
  });
});
