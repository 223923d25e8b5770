import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CommandResult, RunContext } from '../lib/command';
import { detectRepository, type FeatureChoice } from './detect';
import { chooseTemplates, planFiles } from './plan';
import { renderInitReport } from './report';
import { settingsOf } from './secrets';

const CHOICES = ['auto', 'true', 'false'] as const;

export async function run(context: RunContext): Promise<CommandResult> {
  const { inputs, logger } = context;
  const root = context.baseDir;
  const force = inputs.boolean('force');
  const dryRun = inputs.boolean('dry-run');
  const neon: FeatureChoice = inputs.enum('neon', CHOICES);
  const vercel: FeatureChoice = inputs.enum('vercel', CHOICES);
  const requested = inputs.list('templates');
  const repo = await detectRepository(root, { project: inputs.optional('project'), neon, vercel });
  if (!repo.packageManager.lockfileFound) {
    logger.warning(
      `no lockfile found; the workflows install with npm ci, which needs ${repo.packageManager.lockfile}: commit it`,
    );
  }
  const files = planFiles(root, chooseTemplates(requested, repo), repo, force);
  const conflicts = files.filter((f) => f.status === 'conflict');
  if (!dryRun && conflicts.length === 0) {
    for (const file of files.filter((f) => f.status === 'created' || f.status === 'updated')) {
      mkdirSync(dirname(join(root, file.path)), { recursive: true });
      writeFileSync(join(root, file.path), file.text);
      logger.info(`${file.status === 'created' ? 'wrote' : 'overwrote'} ${file.path}`);
    }
  }
  const settings = settingsOf(files.map((f) => ({ file: f.path, text: f.text, template: f.templateText })));
  context.setOutput(
    'files',
    files.map(({ path, status }) => ({ path, status })),
  );
  const published = await context.report.publish(renderInitReport(repo, files, settings, dryRun), { comment: false });
  context.setOutput('report', published.path);
  if (conflicts.length && !dryRun) {
    return {
      failure: `nothing written: ${conflicts.map((f) => f.path).join(', ')} already ${conflicts.length === 1 ? 'exists' : 'exist'} with other content; rerun with --force to overwrite them, or with --dry-run to see what init would write`,
    };
  }
  return {};
}
