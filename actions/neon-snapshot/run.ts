import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandResult, RunContext } from '../lib/command';
import { cleanupSnapshots } from './cleanup';
import { createSnapshot } from './create';
import { deletePreview, refuseOutsidePrefix } from './delete';
import { NeonProject } from './neon';
import { getOrCreatePreview } from './preview';
import {
  renderCleanupReport,
  renderCreateReport,
  renderDeleteReport,
  renderPreviewReport,
  renderResetReport,
  renderRestoreReport,
} from './report';
import { resetBranch } from './reset';
import { restoreSnapshot } from './restore';
import { readSettings, type SnapshotSettings } from './settings';

type ModeRun = (context: RunContext, neon: NeonProject, settings: SnapshotSettings, project: string) => Promise<void>;

export async function run(context: RunContext): Promise<CommandResult> {
  const { logger } = context;
  const settings = readSettings(context.inputs, context.github, new Date());
  if (settings.mode === 'delete') refuseOutsidePrefix(settings);
  const neon = await NeonProject.open(settings, logger, context.signal);
  const project = await logger.group('Check the Neon project', async () => {
    const { name } = await neon.check();
    logger.info(`Project "${name}" (${settings.projectId})`);
    return name;
  });
  await MODES[settings.mode](context, neon, settings, project);
  return {};
}

async function publish(context: RunContext, report: string, comment = false): Promise<void> {
  const published = await context.report.publish(report, { comment });
  context.setOutput('report', published.path);
}

const MODES: Record<SnapshotSettings['mode'], ModeRun> = {
  async create(context, neon, settings, project) {
    const outcome = await context.logger.group(`Create ${settings.method} "${settings.name}"`, () =>
      createSnapshot(neon, settings, context.logger),
    );
    context.setOutput('branch-id', outcome.id);
    context.setOutput('branch-name', outcome.name);
    context.setOutput('created', outcome.created);
    context.setOutput('parent-lsn', outcome.parentLsn ?? '');
    context.setOutput('parent-timestamp', outcome.parentTimestamp ?? '');
    if (outcome.databaseUrl) context.setOutput('database-url', outcome.databaseUrl);
    await publish(context, renderCreateReport(project, outcome));
  },
  async restore(context, neon, settings, project) {
    const outcome = await context.logger.group(`Restore from ${settings.restoreFrom}`, () =>
      restoreSnapshot(neon, settings, context.logger, new Date()),
    );
    context.setOutput('branch-name', outcome.target);
    context.setOutput('restored-branch-id', outcome.restoredBranchId);
    context.setOutput('preserved-branch-id', outcome.preservedBranchId);
    await publish(context, renderRestoreReport(project, outcome));
  },
  async cleanup(context, neon, settings, project) {
    const outcome = await context.logger.group(`Clean up snapshots under "${settings.prefix}"`, () =>
      cleanupSnapshots(neon, settings, context.logger, new Date()),
    );
    context.setOutput('deleted', outcome.deleted);
    await publish(context, renderCleanupReport(project, settings.prefix, outcome));
  },
  async preview(context, neon, settings, project) {
    const outcome = await context.logger.group(`Preview branch "${settings.name}"`, () =>
      getOrCreatePreview(neon, settings, context.logger),
    );
    context.setOutput('branch-id', outcome.id);
    context.setOutput('branch-name', outcome.name);
    context.setOutput('created', outcome.created);
    context.setOutput('database-url', outcome.databaseUrl);
    context.setOutput('database-url-pooled', outcome.pooledUrl);
    const included = readReports(context, settings.reports);
    await publish(
      context,
      renderPreviewReport(project, outcome, { deploymentUrl: settings.deploymentUrl, included }),
      true,
    );
  },
  async delete(context, neon, settings, project) {
    const deleted = await context.logger.group(`Delete branch "${settings.name}"`, () =>
      deletePreview(neon, settings, context.logger),
    );
    context.setOutput('branch-name', settings.name);
    context.setOutput('deleted', deleted);
    await publish(context, renderDeleteReport(project, settings.name, deleted));
  },
  async reset(context, neon, settings, project) {
    const outcome = await context.logger.group(`Reset branch "${settings.name}"`, () =>
      resetBranch(neon, settings, context.logger),
    );
    context.setOutput('branch-id', outcome.id);
    context.setOutput('branch-name', outcome.name);
    context.setOutput('preserved-branch-id', outcome.preservedBranchId ?? '');
    await publish(context, renderResetReport(project, outcome));
  },
};

/** Reports of earlier steps; one that is missing (its step was skipped) is left out with a note, not an error. */
function readReports(context: RunContext, paths: string[]): string[] {
  const found: string[] = [];
  for (const path of paths) {
    const file = resolve(context.baseDir, path);
    if (existsSync(file)) found.push(readFileSync(file, 'utf8'));
    else context.logger.info(`Report ${path} does not exist (its step did not run): not included`);
  }
  return found;
}
