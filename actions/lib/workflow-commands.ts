/**
 * The runner's workflow-command protocol: the part of @actions/core every action uses on every run (log lines,
 * annotations, groups, masks, outputs). @actions/core's entry module also imports its OIDC client, which pulls in
 * @actions/http-client and undici (about 1 MB of code, ~50 ms of start-up on every action) for `getIDToken`, which no
 * action here calls; the bundler cannot drop it because the package does not declare itself side-effect free. So the
 * protocol is written here, to the byte what @actions/core 3.x writes, and test/lib/workflow-commands.test.ts runs the
 * same calls through both and compares the output.
 */
import { appendFileSync, existsSync } from 'node:fs';
import { EOL } from 'node:os';

/** Where an annotation points; the names are the runner's (`line`, `col`), which @actions/core calls startLine/… */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
}

type Properties = Record<string, string | number | undefined>;

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function write(text: string): void {
  process.stdout.write(text + EOL);
}

/** `::name key=value,key=value::message`; properties without a value are left out, as the runner expects. */
export function issueCommand(name: string, properties: Properties, message: string): void {
  const present = Object.entries(properties).filter(([, value]) => value !== undefined && value !== '' && value !== 0);
  const rendered = present.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  write(`::${name}${rendered ? ` ${rendered}` : ''}::${escapeData(message)}`);
}

export function info(message: string): void {
  write(message);
}

export function debug(message: string): void {
  issueCommand('debug', {}, message);
}

export function annotate(
  level: 'notice' | 'warning' | 'error',
  message: string,
  where: AnnotationProperties = {},
): void {
  const { title, file, line, endLine, col, endColumn } = where;
  issueCommand(level, { title, file, line, endLine, col, endColumn }, message);
}

export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  issueCommand('group', {}, name);
  try {
    return await fn();
  } finally {
    issueCommand('endgroup', {}, '');
  }
}

export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret);
}

/**
 * A step output through the GITHUB_OUTPUT file, in the multi-line form with a random delimiter, so no value can end
 * the block early; without the file (an old runner, a local run) the deprecated `set-output` command.
 */
export function setOutput(name: string, value: string): void {
  const file = process.env.GITHUB_OUTPUT;
  if (!file) {
    write('');
    issueCommand('set-output', { name }, value);
    return;
  }
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
  // The global Web Crypto, not node:crypto: importing that module costs every action's start-up ~5 ms.
  const delimiter = `ghadelimiter_${globalThis.crypto.randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`Unexpected input: the output ${name} contains the delimiter "${delimiter}"`);
  }
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, { encoding: 'utf8' });
}

/** An error annotation that also fails the step, as @actions/core's setFailed does. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  annotate('error', message);
}
