import type { CommandResult, RunContext } from '../lib/command';
import { connectPostgres, validatePostgresUrl } from '../lib/db/postgres';
import { plan, type Plan } from '../lib/migrations/executor';
import { readLedger } from '../lib/migrations/ledger';
import { compareLedger, type LedgerState } from '../lib/migrations/verify';
import { readProject, readTransactionPolicy, type Project } from '../lib/project';
import { renderStatusReport } from './report';

export async function run(context: RunContext): Promise<CommandResult> {
  const { inputs, logger } = context;
  const url = inputs.required('database-url');
  validatePostgresUrl(url);
  const failOnProblems = inputs.boolean('fail-on-problems');
  const policy = readTransactionPolicy(inputs);
  const project = await readProject(context);
  const state = await readState(context, url, project);
  // The plan migrate-with-telemetry would run with the same transaction input.
  const planned = plan(state.pending, policy);

  // Folder problems do not change what is applied; status shows them, schema-check is where they fail a build.
  for (const problem of project.set.problems) logger.warning(problem.message, problem);
  for (const problem of state.problems) logger.error(problem.message, problem);
  if (planned.refusal) {
    logger.error(`${planned.refusal.message}; ${planned.refusal.fix}`, {
      file: planned.refusal.migration.file,
      line: 1,
    });
  }

  context.setOutput('applied-count', state.applied.length);
  context.setOutput('pending-count', state.pending.length);
  context.setOutput(
    'problems',
    state.problems.map(({ kind, name, message }) => ({ kind, name, message })),
  );
  const markdown = renderStatusReport(project.set, project.ledger, state, { policy, plan: planned });
  const published = await context.report.publish(markdown, { comment: false });
  context.setOutput('report', published.path);
  return failOnProblems ? verdict(state, planned, project) : {};
}

async function readState(context: RunContext, url: string, project: Project): Promise<LedgerState> {
  const { logger } = context;
  return logger.group('Read the ledger', async () => {
    const client = await connectPostgres(url, { logger });
    try {
      const ledger = await readLedger(client, project.ledger);
      if (!ledger.exists)
        logger.info(`${project.ledger.schema}.${project.ledger.table} does not exist yet: nothing applied`);
      return compareLedger(project.set, ledger.rows);
    } finally {
      await client.close();
    }
  });
}

function verdict(state: LedgerState, planned: Plan, project: Project): CommandResult {
  if (state.problems.length > 0) {
    return {
      failure: `${state.problems.length} problem(s) between the ledger and ${project.set.displayDir}; see the report`,
    };
  }
  if (planned.refusal) return { failure: `migrate would refuse the pending migrations: ${planned.refusal.message}` };
  return {};
}
