import { relative, resolve } from 'node:path';
import { SecretRegistry } from './secrets';
import * as commands from './workflow-commands';

/** Where a finding points in the user's repository; becomes a file/line annotation on the runner. */
export interface SourceLocation {
  file?: string;
  line?: number;
  endLine?: number;
  column?: number;
  title?: string;
}

export interface Logger {
  info(message: string): void;
  debug(message: string): void;
  notice(message: string, where?: SourceLocation): void;
  warning(message: string, where?: SourceLocation): void;
  error(message: string, where?: SourceLocation): void;
  /** Runs `fn` inside a collapsible log group (one per phase). */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Registers a secret: it is masked by the runner and redacted by this logger from then on. */
  mask(secret: string | undefined): void;
  readonly secrets: SecretRegistry;
  /** The Drizzle project's folder: `SourceLocation.file`s are relative to it from then on. */
  setFileRoot(projectRoot: string): void;
  /** A project file's path as GitHub shows it: relative to the repository root. */
  repositoryPath(file: string): string;
}

/**
 * Findings name files relative to the Drizzle project (`drizzle/0001_x.sql`); annotations must name them relative
 * to the repository (`app/drizzle/0001_x.sql`). The conversion lives here so no caller can forget it.
 */
class FileRoots {
  private project: string | undefined;
  constructor(private readonly repository: string) {}

  setProject(dir: string): void {
    this.project = dir;
  }

  repositoryPath(file: string): string {
    if (!this.project) return file;
    return relative(this.repository, resolve(this.project, file)) || file;
  }

  locate(where: SourceLocation | undefined): SourceLocation | undefined {
    return where?.file ? { ...where, file: this.repositoryPath(where.file) } : where;
  }
}

function annotationProperties(where?: SourceLocation): commands.AnnotationProperties | undefined {
  if (!where) return undefined;
  return {
    file: where.file,
    line: where.line,
    endLine: where.endLine ?? where.line,
    col: where.column,
    title: where.title,
  };
}

/** Logs as workflow commands: the groups, annotations and masks the runner understands. */
export class ActionsLogger implements Logger {
  private readonly files: FileRoots;
  constructor(
    repositoryRoot: string = process.cwd(),
    readonly secrets = new SecretRegistry(),
  ) {
    this.files = new FileRoots(repositoryRoot);
  }

  info(message: string): void {
    commands.info(this.secrets.redact(message));
  }
  debug(message: string): void {
    commands.debug(this.secrets.redact(message));
  }
  notice(message: string, where?: SourceLocation): void {
    commands.annotate('notice', this.secrets.redact(message), annotationProperties(this.files.locate(where)));
  }
  warning(message: string, where?: SourceLocation): void {
    commands.annotate('warning', this.secrets.redact(message), annotationProperties(this.files.locate(where)));
  }
  error(message: string, where?: SourceLocation): void {
    commands.annotate('error', this.secrets.redact(message), annotationProperties(this.files.locate(where)));
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    return commands.group(this.secrets.redact(name), fn);
  }
  mask(secret: string | undefined): void {
    if (!secret) return;
    commands.setSecret(secret);
    this.secrets.add(secret);
  }
  setFileRoot(projectRoot: string): void {
    this.files.setProject(projectRoot);
  }
  repositoryPath(file: string): string {
    return this.files.repositoryPath(file);
  }
}

/** Logs for a person at a terminal: plain lines on stderr, so stdout carries only the report. */
export class ConsoleLogger implements Logger {
  private readonly files = new FileRoots(process.cwd());
  constructor(
    private readonly write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
    private readonly verbose = false,
    readonly secrets = new SecretRegistry(),
  ) {}

  info(message: string): void {
    this.write(this.secrets.redact(message));
  }
  debug(message: string): void {
    if (this.verbose) this.write(this.secrets.redact(`debug: ${message}`));
  }
  notice(message: string, where?: SourceLocation): void {
    this.write(this.secrets.redact(`${prefix(this.files.locate(where))}notice: ${message}`));
  }
  warning(message: string, where?: SourceLocation): void {
    this.write(this.secrets.redact(`${prefix(this.files.locate(where))}warning: ${message}`));
  }
  error(message: string, where?: SourceLocation): void {
    this.write(this.secrets.redact(`${prefix(this.files.locate(where))}error: ${message}`));
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.write(this.secrets.redact(`▸ ${name}`));
    return fn();
  }
  mask(secret: string | undefined): void {
    this.secrets.add(secret);
  }
  setFileRoot(projectRoot: string): void {
    this.files.setProject(projectRoot);
  }
  repositoryPath(file: string): string {
    return this.files.repositoryPath(file);
  }
}

function prefix(where?: SourceLocation): string {
  if (!where?.file) return '';
  return where.line ? `${where.file}:${where.line}: ` : `${where.file}: `;
}
