import { commands, findCommand, type Command } from './commands';
import type { OutputValue, RunContext } from './lib/command';
import { CancelledError, errorMessage, isConfigurationError } from './lib/errors';
import { readGitHubEnvironment } from './lib/github';
import { actionInputSource, Inputs, isUnevaluatedExpression } from './lib/inputs';
import { ActionsLogger, ConsoleLogger, type Logger } from './lib/logger';
import { ActionsReportPublisher, ConsoleReportPublisher } from './lib/report';
import { setFailed, setOutput } from './lib/workflow-commands';
import { parseCliArgs, renderHelp } from './cli-args';

/** After the first signal, the longest a command may take to clean up before the process exits regardless. */
const CANCEL_GRACE_MS = 2500;

/**
 * GitHub cancels a job with SIGINT, then SIGTERM a few seconds later. The first one aborts the run's signal so each
 * command stops its own work cleanly (cancel the statement, roll back, release locks, restore files); should that
 * hang, the process exits anyway, which closes its connections.
 */
function cancellationSignal(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) return;
    controller.abort(new CancelledError(name));
    setTimeout(() => process.exit(130), CANCEL_GRACE_MS).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // A run in-process (tests, a host program) must not leave its handlers behind.
  const dispose = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  return { signal: controller.signal, dispose };
}

function serialise(value: OutputValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Runs a command and turns its outcome into one line: the user's mistake as itself, anything else with its cause.
 * Returns the exit code.
 */
async function execute(command: Command, context: RunContext): Promise<number> {
  const name = command.definition.name;
  try {
    const { run } = await command.load();
    const result = await run(context);
    if (result.failure) {
      // The one line of the failure, on its file's line when it has one.
      context.logger.error(`${name}: ${result.failure}`, result.where);
      return 1;
    }
    return 0;
  } catch (error) {
    const message = context.logger.secrets.redact(errorMessage(error));
    if (!isConfigurationError(error) && !(error instanceof CancelledError)) {
      const stack = error instanceof Error && error.stack ? error.stack : '';
      if (stack) context.logger.debug(context.logger.secrets.redact(stack));
    }
    context.logger.error(`${name}: ${message}`);
    return 1;
  }
}

/** The entry of every action bundle: `dist/<action>/index.js` calls this with its own name. */
export async function runAction(name: string): Promise<number> {
  const command = findCommand(name);
  if (!command) {
    setFailed(`schema-actions: unknown action "${name}"`);
    return 1;
  }
  const github = readGitHubEnvironment();
  const logger = new ActionsLogger(github.workspace);
  const inputs = new Inputs(command.definition, actionInputSource(), logger);
  const cancellation = cancellationSignal();
  const context: RunContext = {
    definition: command.definition,
    mode: 'action',
    inputs,
    logger,
    setOutput: (output, value) => setOutput(output, serialise(value)),
    report: new ActionsReportPublisher(name, github, commentToken(command, inputs), logger),
    github,
    env: process.env,
    baseDir: github.workspace,
    signal: cancellation.signal,
  };
  const code = await execute(command, context).finally(cancellation.dispose);
  if (code !== 0) process.exitCode = code;
  return code;
}

/**
 * The token for the pull request comment. `github-token: ''` turns the comment off: the declared default is the
 * runner's `${{ github.token }}` expression, which only the runner evaluates, never a token.
 */
function commentToken(command: Command, inputs: Inputs): string | undefined {
  if (!('github-token' in command.definition.inputs)) return undefined;
  const token = inputs.optional('github-token');
  return token !== undefined && isUnevaluatedExpression(token) ? undefined : token;
}

/** The root action (`uses: org/schema-actions@v1`): its `command` input picks one of the actions. */
export async function runRootAction(): Promise<number> {
  const name = actionInputSource()('command')?.trim() ?? '';
  const command = findCommand(name);
  if (!command?.definition.isAction) {
    const names = commands.filter((c) => c.definition.isAction).map((c) => c.definition.name);
    setFailed(`schema-actions: input "command" must be one of ${names.join(', ')}, not "${name}"`);
    return 1;
  }
  return runAction(command.definition.name);
}

/** The CLI: `schema-actions <command> [--input value]…`, same inputs and validation as the actions. */
export async function runCli(argv: string[], logger: Logger = new ConsoleLogger()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(
      renderHelp(
        commands.map((c) => c.definition),
        rest[0] ? findCommand(rest[0])?.definition : undefined,
      ),
    );
    return name ? 0 : 1;
  }
  const command = findCommand(name);
  if (!command) {
    logger.error(`unknown command "${name}"; run schema-actions --help for the list`);
    return 1;
  }
  let values: Map<string, string>;
  try {
    const parsed = parseCliArgs(command.definition, rest);
    if (parsed.help) {
      process.stdout.write(renderHelp([], command.definition));
      return 0;
    }
    values = parsed.values;
  } catch (error) {
    logger.error(`${name}: ${errorMessage(error)}`);
    return 1;
  }
  const outputs = new Map<string, string>();
  const github = readGitHubEnvironment();
  const cancellation = cancellationSignal();
  const context: RunContext = {
    definition: command.definition,
    mode: 'cli',
    inputs: new Inputs(command.definition, (input) => values.get(input), logger),
    logger,
    setOutput: (output, value) => outputs.set(output, serialise(value)),
    report: new ConsoleReportPublisher(command.definition.name, logger),
    github,
    env: process.env,
    baseDir: process.cwd(),
    signal: cancellation.signal,
  };
  return execute(command, context).finally(cancellation.dispose);
}
