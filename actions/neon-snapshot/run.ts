import type { CommandResult, RunContext } from '../lib/command';
import { cleanupSnapshots } from './cleanup';
import { createSnapshot } from './create';
import { NeonProject } from './neon';
import { renderCleanupReport, renderCreateReport, renderRestoreReport } from './report';
import { restoreSnapshot } from './restore';
import { readSettings } from './settings';

export async function run(context: RunContext): Promise<CommandResult> {
  const { logger } = context;
  const now = new Date();
  const settings = readSettings(context.inputs, context.github, now);
  const neon = new NeonProject(settings, logger);
  const project = await logger.group('Check the Neon project', async () => {
    const { name } = await neon.check();
    logger.info(`Project "${name}" (${settings.projectId})`);
    return name;
  });

  let report: string;
  if (settings.mode === 'create') {
    const outcome = await logger.group(`Create ${settings.method} "${settings.name}"`, () =>
      createSnapshot(neon, settings, logger),
    );
    context.setOutput('branch-id', outcome.id);
    context.setOutput('branch-name', outcome.name);
    context.setOutput('created', outcome.created);
    context.setOutput('parent-lsn', outcome.parentLsn ?? '');
    context.setOutput('parent-timestamp', outcome.parentTimestamp ?? '');
    if (outcome.databaseUrl) context.setOutput('database-url', outcome.databaseUrl);
    report = renderCreateReport(project, outcome);
  } else if (settings.mode === 'restore') {
    const outcome = await logger.group(`Restore from ${settings.restoreFrom}`, () =>
      restoreSnapshot(neon, settings, logger, now),
    );
    context.setOutput('branch-name', outcome.target);
    context.setOutput('restored-branch-id', outcome.restoredBranchId);
    context.setOutput('preserved-branch-id', outcome.preservedBranchId);
    report = renderRestoreReport(project, outcome);
  } else {
    const outcome = await logger.group(`Clean up snapshots under "${settings.prefix}"`, () =>
      cleanupSnapshots(neon, settings, logger, now),
    );
    context.setOutput('deleted', outcome.deleted);
    report = renderCleanupReport(project, settings.prefix, outcome);
  }
  const published = await context.report.publish(report, { comment: false });
  context.setOutput('report', published.path);
  return {};
}
