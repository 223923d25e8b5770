import type { CommandResult, RunContext } from '../lib/command';
import { connectPostgres, validatePostgresUrl } from '../lib/db/postgres';
import { readLedger } from '../lib/migrations/ledger';
import { compareLedger } from '../lib/migrations/verify';
import { loadProjectFromInputs, repositoryPath } from '../lib/project-inputs';
import { renderStatusReport } from './report';

export async function run(context: RunContext): Promise<CommandResult> {
  const { inputs, logger } = context;
  const url = inputs.required('database-url');
  validatePostgresUrl(url);
  const failOnProblems = inputs.boolean('fail-on-problems');
  const project = await logger.group('Read migrations', async () => {
    const loaded = loadProjectFromInputs(inputs, context.baseDir);
    logger.info(`${loaded.set.migrations.length} migrations in ${loaded.set.displayDir} (${loaded.set.layout} layout)`);
    return loaded;
  });
  const state = await logger.group('Read the ledger', async () => {
    const client = await connectPostgres(url, { logger });
    try {
      const rows = await readLedger(client, project.ledger);
      if (rows === null)
        logger.info(`${project.ledger.schema}.${project.ledger.table} does not exist yet: nothing applied`);
      return compareLedger(project.set, rows);
    } finally {
      await client.close();
    }
  });
  const where = (file?: string) =>
    file ? { file: repositoryPath(context.baseDir, project.projectRoot, file) } : undefined;
  for (const problem of project.set.problems) {
    // Folder problems do not change what is applied; status shows them, schema-check is where they fail a build.
    logger.warning(problem.message, where(problem.file));
  }
  for (const problem of state.problems) logger.error(problem.message, where(problem.file));

  context.setOutput('applied-count', state.applied.length);
  context.setOutput('pending-count', state.pending.length);
  context.setOutput(
    'problems',
    state.problems.map(({ kind, name, message }) => ({ kind, name, message })),
  );
  const published = await context.report.publish(renderStatusReport(project.set, project.ledger, state), {
    comment: false,
  });
  context.setOutput('report', published.path);

  if (state.problems.length > 0 && failOnProblems) {
    return {
      failure: `${state.problems.length} problem(s) between the ledger and ${project.set.displayDir}; see the report`,
    };
  }
  return {};
}
