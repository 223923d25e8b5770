import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { Finding } from './findings';

/** Files of a folder, path (relative to it) → contents. */
type Snapshot = Map<string, Buffer>;

function snapshot(dir: string): Snapshot {
  const files: Snapshot = new Map();
  const walk = (current: string) => {
    if (!existsSync(current)) return;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

/** Puts the folder back exactly as `before`: new files and folders removed, changed and deleted files rewritten. */
function restore(dir: string, before: Snapshot, dirExisted: boolean): void {
  if (!dirExisted) {
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  for (const path of snapshot(dir).keys()) if (!before.has(path)) rmSync(join(dir, path));
  for (const [path, contents] of before) {
    const absolute = join(dir, path);
    if (!existsSync(absolute) || !readFileSync(absolute).equals(contents)) {
      mkdirSync(dirname(absolute), { recursive: true });
      writeFileSync(absolute, contents);
    }
  }
  removeEmptyFolders(dir, dir);
}

function removeEmptyFolders(dir: string, root: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) removeEmptyFolders(join(dir, entry.name), root);
  }
  if (dir !== root && readdirSync(dir).length === 0) rmSync(dir, { recursive: true });
}

export interface ChangedFile {
  /** Relative to the project root. */
  file: string;
  change: 'added' | 'modified' | 'deleted';
  /** The new text of SQL files, for the report. */
  sql?: string;
}

export interface GenerateResult {
  command: string;
  exitCode: number | null;
  timedOut: boolean;
  output: string;
  renamePrompt: boolean;
  changed: ChangedFile[];
  durationMs: number;
}

/** drizzle-kit asks whether a column/table/enum was renamed; without a terminal it prints this and exits 0. */
const RENAME_PROMPT =
  /Interactive prompts require a TTY|created or renamed|renamed from another|prompt(?:Columns|Named|Schemas)Conflicts?/i;
const REPORTED_ERROR = /^\s*(?:Error\b|error:)|\bERR!|Cannot find module|command not found/im;

interface ProcessOutcome {
  exitCode: number | null;
  timedOut: boolean;
  output: string;
}

/**
 * Runs a shell command with stdin closed, in its own process group so a time limit or a job cancel kills all of it
 * (drizzle-kit under npx under a shell is three processes).
 */
function runCommand(
  command: string,
  cwd: string,
  timeoutMs: number,
  env: NodeJS.ProcessEnv,
  signal?: AbortSignal,
): Promise<ProcessOutcome> {
  return new Promise((resolve) => {
    const child = spawn(command, {
      cwd,
      shell: true,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...env, CI: 'true', FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    let output = '';
    let timedOut = false;
    const append = (data: Buffer) => {
      if (output.length < 200_000) output += data.toString();
    };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    signal?.addEventListener('abort', killGroup, { once: true });
    child.on('error', (error) => {
      output += `\n${error.message}`;
    });
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', killGroup);
      resolve({ exitCode, timedOut, output: stripVTControlCharacters(output) });
    });
  });
}

export interface GenerateOptions {
  command: string;
  projectRoot: string;
  migrationsDir: string;
  timeoutMs: number;
  env: NodeJS.ProcessEnv;
  /** The job's cancellation: kills the command's process group; the folder is restored all the same. */
  signal?: AbortSignal;
}

/**
 * Runs the project's generate command and reports what it wrote into the migrations folder, then puts the folder
 * back exactly as it was. The verdict comes from the folder and the output, never from the exit code alone:
 * drizzle-kit exits 0 when it cannot ask its rename question.
 */
export async function runGenerate(options: GenerateOptions): Promise<GenerateResult> {
  const dirExisted = existsSync(options.migrationsDir) && statSync(options.migrationsDir).isDirectory();
  const before = snapshot(options.migrationsDir);
  const started = performance.now();
  let outcome: ProcessOutcome;
  let after: Snapshot;
  try {
    outcome = await runCommand(options.command, options.projectRoot, options.timeoutMs, options.env, options.signal);
  } finally {
    after = snapshot(options.migrationsDir);
    restore(options.migrationsDir, before, dirExisted);
  }
  const changed: ChangedFile[] = [];
  const shown = (path: string) => relative(options.projectRoot, join(options.migrationsDir, path));
  for (const [path, contents] of after) {
    const previous = before.get(path);
    if (previous?.equals(contents)) continue;
    changed.push({
      file: shown(path),
      change: previous ? 'modified' : 'added',
      sql: path.endsWith('.sql') ? contents.toString('utf8') : undefined,
    });
  }
  for (const path of before.keys()) if (!after.has(path)) changed.push({ file: shown(path), change: 'deleted' });
  changed.sort((a, b) => a.file.localeCompare(b.file));
  return {
    command: options.command,
    exitCode: outcome.exitCode,
    timedOut: outcome.timedOut,
    output: outcome.output,
    renamePrompt: RENAME_PROMPT.test(outcome.output),
    changed,
    durationMs: performance.now() - started,
  };
}

/** What the generate run means for the pull request. */
export function generateFindings(result: GenerateResult): Finding[] {
  if (result.timedOut) {
    return [
      {
        check: 'generate',
        rule: 'generate-timeout',
        severity: 'error',
        message: `\`${result.command}\` did not finish within the time limit (it may be waiting for input); run it locally, commit what it generates, or raise generate-timeout.`,
      },
    ];
  }
  if (result.renamePrompt) {
    return [
      {
        check: 'generate',
        rule: 'generate-needs-answer',
        severity: 'error',
        message:
          'drizzle-kit generate needs an answer to a rename question (was a table, column or enum renamed or created?), which only you can give. Run drizzle-kit generate locally, answer it, and commit the migration it writes.',
      },
    ];
  }
  if (result.changed.length > 0) {
    return [
      {
        check: 'generate',
        rule: 'migration-not-generated',
        severity: 'error',
        message: `The schema and the committed migrations disagree: \`${result.command}\` would write ${result.changed.map((c) => `${c.file} (${c.change})`).join(', ')}. The SQL is in the report.`,
        alternative: 'Run drizzle-kit generate locally and commit the files it writes.',
      },
    ];
  }
  if (result.exitCode !== 0 || REPORTED_ERROR.test(result.output)) {
    return [
      {
        check: 'generate',
        rule: 'generate-failed',
        severity: 'error',
        message: `\`${result.command}\` failed${result.exitCode !== 0 ? ` (exit code ${result.exitCode})` : ''}, so whether the migrations match the schema is unknown: ${lastLines(result.output)}`,
        alternative: 'Make the command work locally (dependencies installed, config valid), or set generate-command.',
      },
    ];
  }
  return [];
}

function lastLines(output: string, count = 5): string {
  const lines = output
    .trim()
    .split('\n')
    .filter((l) => l.trim() !== '');
  return lines.slice(-count).join(' / ') || '(no output)';
}
