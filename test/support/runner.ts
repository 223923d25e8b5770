// Runs a JavaScript action the way the GitHub Actions runner does: same environment contract (INPUT_*, file
// commands, event payload, GITHUB_* variables), same parsing of workflow commands and file commands. The rules
// mirror actions/runner (Handler.AddInputsToEnvironment, ActionCommand.TryParseV2, FileCommandManager) so a
// bundle that passes here behaves the same on a hosted runner.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';

export interface RunActionOptions {
  /** Folder containing action.yml. */
  action: string;
  /** Inputs as a workflow's `with:` would give them; every name must be declared in action.yml. */
  inputs?: Record<string, string>;
  /** Extra environment (a step's `env:`); may override the GITHUB_* defaults that have no dedicated option. */
  env?: Record<string, string>;
  /** Webhook payload written to GITHUB_EVENT_PATH. */
  event?: object;
  eventName?: string;
  githubApiUrl?: string;
  /** Working directory and GITHUB_WORKSPACE; a temporary folder (removed afterwards) when omitted. */
  cwd?: string;
  timeoutMs?: number;
  /** owner/name, default 'acme/app'. */
  repository?: string;
  /** Value of `${{ github.token }}` in input defaults. */
  token?: string;
  /**
   * Called with each line the action prints, as it prints it, and a way to signal the action's process as the
   * runner does when a job is cancelled (SIGINT, then SIGTERM).
   */
  onLine?: (line: string, signal: (name: NodeJS.Signals) => void) => void;
  /** RUNNER_TEMP, shared by the steps of one job as on the runner; a fresh folder per run when omitted. */
  runnerTemp?: string;
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
  title?: string;
}

export interface ActionRun {
  exitCode: number | null;
  signal: string | null;
  outputs: Record<string, string>;
  summary: string;
  stdout: string;
  stderr: string;
  annotations: Annotation[];
  masks: string[];
  exportedEnv: Record<string, string>;
  state: Record<string, string>;
  /** Lines appended to GITHUB_PATH, in order. */
  paths: string[];
  /** Titles of `::group::` blocks, in order. */
  groups: string[];
  /** Messages of `::debug::` commands (shown on the runner only with step debug logging). */
  debug: string[];
  failed: boolean;
  /** stdout and stderr interleaved by line, `::add-mask::` lines removed: what a secret must never appear in. */
  logs: string;
}

interface InputSpec {
  default?: unknown;
}

interface ActionManifest {
  inputs: Record<string, InputSpec>;
  main: string;
}

interface Workdirs {
  root: string;
  workspace: string;
  temp: string;
  files: FileCommandPaths;
  eventPath: string;
}

interface FileCommandPaths {
  GITHUB_OUTPUT: string;
  GITHUB_STEP_SUMMARY: string;
  GITHUB_ENV: string;
  GITHUB_STATE: string;
  GITHUB_PATH: string;
}

interface ProcessResult {
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  /** Complete lines from both streams in arrival order; the runner feeds both to its command parser. */
  lines: string[];
}

const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_SHA = '0123456789abcdef0123456789abcdef01234567';
const DEFAULT_TOKEN = 'ghs_harnessFakeToken0000000000000000000';
const SUPPORTED_NODE = new Set(['node20', 'node24']);
/** The runner refuses to upload larger summaries and reports an error instead. */
const SUMMARY_LIMIT_BYTES = 128 * 1024;

/** Variables the harness owns; a test sets them through the matching option or not at all. */
const RESERVED_ENV: Record<string, string> = {
  GITHUB_OUTPUT: 'read ActionRun.outputs',
  GITHUB_STEP_SUMMARY: 'read ActionRun.summary',
  GITHUB_ENV: 'read ActionRun.exportedEnv',
  GITHUB_STATE: 'read ActionRun.state',
  GITHUB_PATH: 'read ActionRun.paths',
  GITHUB_EVENT_PATH: 'use the `event` option',
  GITHUB_EVENT_NAME: 'use the `eventName` option',
  GITHUB_API_URL: 'use the `githubApiUrl` option',
  GITHUB_REPOSITORY: 'use the `repository` option',
  GITHUB_WORKSPACE: 'use the `cwd` option',
};

export async function runAction(opts: RunActionOptions): Promise<ActionRun> {
  const actionDir = resolve(opts.action);
  const manifest = await loadManifest(actionDir);
  checkEnvOption(opts.env ?? {});
  const dirs = await createWorkdirs(opts.cwd, opts.runnerTemp);
  try {
    await writeFile(dirs.eventPath, JSON.stringify(opts.event ?? {}));
    const env = buildEnv(opts, dirs, manifest);
    const result = await runNode(
      join(actionDir, manifest.main),
      env,
      dirs.workspace,
      opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      opts.onLine,
    );
    return await collect(result, dirs);
  } finally {
    await rm(dirs.root, { recursive: true, force: true });
  }
}

// ---- action.yml ----

async function loadManifest(actionDir: string): Promise<ActionManifest> {
  const file = join(actionDir, 'action.yml');
  const doc = parseYaml(await readFile(file, 'utf8')) as {
    inputs?: Record<string, InputSpec | null> | null;
    runs?: { using?: unknown; main?: unknown };
  } | null;
  const using = doc?.runs?.using;
  if (typeof using !== 'string' || !SUPPORTED_NODE.has(using)) {
    throw new Error(`${file}: runs.using must be node20 or node24 for a JavaScript action, got ${String(using)}`);
  }
  const main = doc?.runs?.main;
  if (typeof main !== 'string' || main === '') throw new Error(`${file}: runs.main is missing`);
  if (!existsSync(join(actionDir, main))) {
    throw new Error(`${file}: runs.main ${main} does not exist (is the bundle built?)`);
  }
  const inputs: Record<string, InputSpec> = {};
  for (const [name, spec] of Object.entries(doc?.inputs ?? {})) inputs[name] = spec ?? {};
  return { inputs, main };
}

/** The runner's transform: spaces become underscores, upper-cased, hyphens kept. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

function resolveInputs(
  manifest: ActionManifest,
  given: Record<string, string>,
  context: Record<string, string>,
): Record<string, string> {
  const declared = new Map(Object.keys(manifest.inputs).map((name) => [inputEnvName(name), name]));
  const env: Record<string, string> = {};
  for (const [name, spec] of Object.entries(manifest.inputs)) {
    if (spec.default !== undefined && spec.default !== null) {
      env[inputEnvName(name)] = evaluateDefault(name, String(spec.default), context);
    }
  }
  for (const [name, value] of Object.entries(given)) {
    if (!declared.has(inputEnvName(name))) {
      const known = [...declared.values()].join(', ') || '(none)';
      throw new Error(`input "${name}" is not declared in action.yml; declared inputs: ${known}`);
    }
    env[inputEnvName(name)] = value;
  }
  return env;
}

/** Defaults may use `${{ github.* }}` like `${{ github.token }}`; anything richer is refused rather than faked. */
function evaluateDefault(input: string, value: string, context: Record<string, string>): string {
  return value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expr: string) => {
    const resolved = context[expr];
    if (resolved === undefined) {
      throw new Error(`input "${input}": default expression \${{ ${expr} }} is not supported by the test runner`);
    }
    return resolved;
  });
}

// ---- environment ----

function checkEnvOption(env: Record<string, string>): void {
  for (const key of Object.keys(env)) {
    if (key.toUpperCase().startsWith('INPUT_')) {
      throw new Error(`env.${key}: pass action inputs through \`inputs\` so undeclared names are caught`);
    }
    const hint = RESERVED_ENV[key];
    if (hint) throw new Error(`env.${key} is set by the test runner; ${hint}`);
  }
}

async function createWorkdirs(cwd: string | undefined, runnerTemp: string | undefined): Promise<Workdirs> {
  const root = await mkdtemp(join(tmpdir(), 'action-run-'));
  const workspace = cwd ? resolve(cwd) : join(root, 'workspace');
  const temp = runnerTemp ?? join(root, 'runner-temp');
  const commands = join(root, 'file-commands');
  await Promise.all([mkdir(workspace, { recursive: true }), mkdir(temp, { recursive: true }), mkdir(commands)]);
  const files: FileCommandPaths = {
    GITHUB_OUTPUT: join(commands, 'set_output'),
    GITHUB_STEP_SUMMARY: join(commands, 'step_summary'),
    GITHUB_ENV: join(commands, 'set_env'),
    GITHUB_STATE: join(commands, 'save_state'),
    GITHUB_PATH: join(commands, 'add_path'),
  };
  // The runner creates every file up front; @actions/core refuses to append to a missing one.
  await Promise.all(Object.values(files).map((f) => writeFile(f, '')));
  return { root, workspace, temp, files, eventPath: join(root, 'event.json') };
}

function buildEnv(opts: RunActionOptions, dirs: Workdirs, manifest: ActionManifest): Record<string, string> {
  const repository = opts.repository ?? 'acme/app';
  const eventName = opts.eventName ?? 'push';
  const apiUrl = opts.githubApiUrl ?? 'http://127.0.0.1:9';
  const refs = refsFor(eventName, opts.event);
  const github: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0] ?? repository,
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: dirs.eventPath,
    GITHUB_SHA: DEFAULT_SHA,
    ...refs,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: apiUrl,
    GITHUB_GRAPHQL_URL: `${apiUrl}/graphql`,
    GITHUB_ACTOR: 'octocat',
    GITHUB_TRIGGERING_ACTOR: 'octocat',
    GITHUB_RUN_ID: '1234567890',
    GITHUB_RUN_NUMBER: '42',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'test',
    GITHUB_ACTION: '__self',
    GITHUB_WORKFLOW: 'CI',
    GITHUB_WORKSPACE: dirs.workspace,
    GITHUB_RETENTION_DAYS: '90',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'GitHub Actions 1',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: dirs.temp,
    ...dirs.files,
  };
  const expressions: Record<string, string> = {
    'github.token': opts.token ?? DEFAULT_TOKEN,
    'github.repository': repository,
    'github.repository_owner': github.GITHUB_REPOSITORY_OWNER ?? '',
    'github.workspace': dirs.workspace,
    'github.server_url': 'https://github.com',
    'github.api_url': apiUrl,
    'github.event_name': eventName,
    'github.sha': DEFAULT_SHA,
    'github.ref': refs.GITHUB_REF ?? '',
    'runner.temp': dirs.temp,
  };
  // Only PATH and HOME leak in from the test process: NODE_OPTIONS, proxies or a developer's GITHUB_TOKEN must not.
  const base: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? dirs.root,
  };
  const inputs = resolveInputs(manifest, opts.inputs ?? {}, expressions);
  return { ...base, ...github, ...opts.env, ...inputs };
}

/** GITHUB_REF and friends as the runner derives them for the event. */
function refsFor(eventName: string, event: object | undefined): Record<string, string> {
  const pr = (
    event as { pull_request?: { number?: number; head?: { ref?: string }; base?: { ref?: string } } } | undefined
  )?.pull_request;
  if (eventName.startsWith('pull_request') && pr?.number !== undefined) {
    return {
      GITHUB_REF: `refs/pull/${pr.number}/merge`,
      GITHUB_REF_NAME: `${pr.number}/merge`,
      GITHUB_REF_TYPE: 'branch',
      GITHUB_HEAD_REF: pr.head?.ref ?? '',
      GITHUB_BASE_REF: pr.base?.ref ?? '',
    };
  }
  return {
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_REF_TYPE: 'branch',
    GITHUB_HEAD_REF: '',
    GITHUB_BASE_REF: '',
  };
}

// ---- process ----

function runNode(
  entry: string,
  env: Record<string, string>,
  cwd: string,
  timeoutMs: number,
  onLine?: RunActionOptions['onLine'],
): Promise<ProcessResult> {
  return new Promise((resolvePromise, reject) => {
    // detached: own process group, so a timeout also kills whatever the action spawned.
    const child = spawn(process.execPath, [entry], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const lines: string[] = [];
    const signal = (name: NodeJS.Signals) => child.kill(name);
    const watched = onLine ? (line: string) => onLine(line, signal) : undefined;
    const outLines = lineSplitter(lines, watched);
    const errLines = lineSplitter(lines, watched);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout.push(chunk);
      outLines.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr.push(chunk);
      errLines.push(chunk);
    });
    const text = (chunks: Buffer[]): string => Buffer.concat(chunks).toString('utf8');
    const timer = setTimeout(() => {
      killGroup(child.pid);
      reject(
        new Error(
          `action ${entry} timed out after ${timeoutMs} ms\n--- stdout ---\n${text(stdout)}\n--- stderr ---\n${text(stderr)}`,
        ),
      );
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    // 'close' waits for the pipes too, as the runner waits for output before finishing a step.
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      outLines.flush();
      errLines.flush();
      killGroup(child.pid); // orphans the runner would reap at job end
      resolvePromise({ exitCode, signal, stdout: text(stdout), stderr: text(stderr), lines });
    });
  });
}

/** Collects complete lines per stream so stdout and stderr interleave by line, never mid-line. */
function lineSplitter(into: string[], onLine?: (line: string) => void): { push(chunk: Buffer): void; flush(): void } {
  let pending = '';
  const decoder = new TextDecoder();
  return {
    push(chunk) {
      pending += decoder.decode(chunk, { stream: true });
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      into.push(...parts);
      if (onLine) for (const line of parts) onLine(line);
    },
    flush() {
      pending += decoder.decode();
      if (pending !== '') into.push(pending);
      pending = '';
    },
  };
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: the group is already gone
  }
}

// ---- results ----

async function collect(result: ProcessResult, dirs: Workdirs): Promise<ActionRun> {
  const read = (path: string): Promise<string> => readFile(path, 'utf8');
  const [output, env, state, path, summary] = await Promise.all([
    read(dirs.files.GITHUB_OUTPUT),
    read(dirs.files.GITHUB_ENV),
    read(dirs.files.GITHUB_STATE),
    read(dirs.files.GITHUB_PATH),
    read(dirs.files.GITHUB_STEP_SUMMARY),
  ]);
  const commands = parseWorkflowCommands(result.lines, dirs.workspace);
  const annotations = [...commands.annotations, ...(await summaryErrors(dirs.files.GITHUB_STEP_SUMMARY))];
  return {
    exitCode: result.exitCode,
    signal: result.signal,
    outputs: { ...commands.legacyOutputs, ...parseKeyValueFile(output, 'GITHUB_OUTPUT') },
    summary,
    stdout: result.stdout,
    stderr: result.stderr,
    annotations,
    masks: commands.masks,
    exportedEnv: parseKeyValueFile(env, 'GITHUB_ENV'),
    state: { ...commands.legacyState, ...parseKeyValueFile(state, 'GITHUB_STATE') },
    paths: path.split('\n').filter((line) => line !== ''),
    groups: commands.groups,
    debug: commands.debug,
    failed: result.exitCode !== 0,
    logs: result.lines.filter((line) => !isCommand(line, 'add-mask')).join('\n'),
  };
}

async function summaryErrors(path: string): Promise<Annotation[]> {
  const { size } = await stat(path);
  if (size <= SUMMARY_LIMIT_BYTES) return [];
  const message = `$GITHUB_STEP_SUMMARY supports content up a size of ${SUMMARY_LIMIT_BYTES / 1024}k got ${Math.floor(size / 1024)}k`;
  return [{ level: 'error', message }];
}

/**
 * Parses a GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE file: `name=value` lines and `name<<DELIM` heredocs, split on
 * LF only as the runner does on Linux. A malformed file fails the step on the runner, so it throws here.
 */
export function parseKeyValueFile(text: string, label = 'file command'): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    const eq = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (eq >= 0 && (heredoc < 0 || eq < heredoc)) {
      const name = line.slice(0, eq);
      if (name === '') throw new Error(`${label}: invalid line '${line}': name must not be empty`);
      result[name] = line.slice(eq + 1);
    } else if (heredoc >= 0) {
      const name = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      if (name === '' || delimiter === '') throw new Error(`${label}: invalid line '${line}': empty name or delimiter`);
      const end = lines.indexOf(delimiter, i + 1);
      if (end < 0) throw new Error(`${label}: matching delimiter not found '${delimiter}'`);
      result[name] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else {
      throw new Error(`${label}: invalid line '${line}'`);
    }
  }
  return result;
}

// ---- workflow commands ----

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  data: string;
}

export interface ParsedCommands {
  annotations: Annotation[];
  masks: string[];
  groups: string[];
  debug: string[];
  legacyOutputs: Record<string, string>;
  legacyState: Record<string, string>;
}

/** One `::command k=v,k=v::data` line, as actions/runner's TryParseV2 reads it (leading whitespace allowed). */
export function parseCommandLine(line: string): WorkflowCommand | undefined {
  const message = line.trimStart().replace(/\r$/, '');
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = message.slice(2, end);
  const space = info.indexOf(' ');
  const command = (space < 0 ? info : info.slice(0, space)).toLowerCase();
  if (command === '') return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info
      .slice(space + 1)
      .trim()
      .split(',')) {
      const eq = pair.indexOf('=');
      if (eq > 0 && eq < pair.length - 1)
        properties[pair.slice(0, eq).toLowerCase()] = unescapeProperty(pair.slice(eq + 1));
    }
  }
  return { command, properties, data: unescapeData(message.slice(end + 2)) };
}

export function unescapeData(s: string): string {
  return s.replace(/%0D|%0A|%25/g, (m) => ({ '%0D': '\r', '%0A': '\n', '%25': '%' })[m] ?? m);
}

export function unescapeProperty(s: string): string {
  return s.replace(
    /%0D|%0A|%3A|%2C|%25/g,
    (m) => ({ '%0D': '\r', '%0A': '\n', '%3A': ':', '%2C': ',', '%25': '%' })[m] ?? m,
  );
}

function isCommand(line: string, name: string): boolean {
  return parseCommandLine(line)?.command === name;
}

/** Applies commands in order, honouring `::stop-commands::token` … `::token::` like the runner. */
export function parseWorkflowCommands(lines: string[], workspace?: string): ParsedCommands {
  const parsed: ParsedCommands = {
    annotations: [],
    masks: [],
    groups: [],
    debug: [],
    legacyOutputs: {},
    legacyState: {},
  };
  let stopToken: string | undefined;
  for (const line of lines) {
    const cmd = parseCommandLine(line);
    if (!cmd) continue;
    if (stopToken !== undefined) {
      if (cmd.command === stopToken.toLowerCase()) stopToken = undefined;
      continue;
    }
    if (cmd.command === 'stop-commands') stopToken = cmd.data;
    else applyCommand(parsed, cmd, workspace);
  }
  return parsed;
}

function applyCommand(parsed: ParsedCommands, cmd: WorkflowCommand, workspace: string | undefined): void {
  switch (cmd.command) {
    case 'error':
    case 'warning':
    case 'notice':
      parsed.annotations.push(toAnnotation(cmd.command, cmd, workspace));
      break;
    case 'add-mask':
      // The runner ignores (with a warning) masks that are empty or whitespace.
      if (cmd.data.trim() !== '') parsed.masks.push(cmd.data);
      break;
    case 'group':
      parsed.groups.push(cmd.data);
      break;
    case 'debug':
      parsed.debug.push(cmd.data);
      break;
    case 'set-output':
      if (cmd.properties.name) parsed.legacyOutputs[cmd.properties.name] = cmd.data;
      break;
    case 'save-state':
      if (cmd.properties.name) parsed.legacyState[cmd.properties.name] = cmd.data;
      break;
    default:
      break; // endgroup, echo, add-matcher...: nothing a test reads
  }
}

function toAnnotation(level: Annotation['level'], cmd: WorkflowCommand, workspace: string | undefined): Annotation {
  const p = cmd.properties;
  const annotation: Annotation = { level, message: cmd.data };
  const file = p.file ? repoRelative(p.file, workspace) : undefined;
  if (file) annotation.file = file;
  const numbers: Array<['line' | 'endLine' | 'col' | 'endColumn', string | undefined]> = [
    ['line', p.line],
    ['endLine', p.endline],
    ['col', p.col],
    ['endColumn', p.endcolumn],
  ];
  for (const [key, raw] of numbers) {
    if (raw !== undefined && /^-?\d+$/.test(raw.trim())) annotation[key] = Number(raw);
  }
  if (p.title) annotation.title = p.title;
  return annotation;
}

/** The runner rewrites absolute paths inside the workspace to repository-relative ones with `/`. */
function repoRelative(file: string, workspace: string | undefined): string {
  if (!workspace || !isAbsolute(file)) return file;
  const rel = relative(workspace, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return file;
  return rel.split(sep).join('/');
}
