import type { CommandDefinition } from './definition';
import type { GitHubEnvironment } from './github';
import type { Inputs } from './inputs';
import type { Logger, SourceLocation } from './logger';
import type { ReportPublisher } from './report';

export type OutputValue = string | number | boolean | object;

/** Everything a command's run() gets from outside; nothing else is global, so run() is testable in-process. */
export interface RunContext {
  definition: CommandDefinition;
  mode: 'action' | 'cli';
  inputs: Inputs;
  logger: Logger;
  setOutput(name: string, value: OutputValue): void;
  report: ReportPublisher;
  github: GitHubEnvironment;
  env: NodeJS.ProcessEnv;
  /** The directory relative paths are resolved from: the workspace on the runner, the current directory locally. */
  baseDir: string;
  /** Aborted (with a CancelledError) when the job is cancelled: SIGINT or SIGTERM. */
  signal: AbortSignal;
}

/** A command either passes, or fails with one line saying why (the details are in its report). */
export interface CommandResult {
  failure?: string;
  /** Where the failure is, for an annotation on that line. */
  where?: SourceLocation;
}

export type RunCommand = (context: RunContext) => Promise<CommandResult>;
