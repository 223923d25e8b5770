// Runs one job of a workflow file the way the runner would sequence it: steps in order, `if:` conditions
// (success/failure/always and simple comparisons), `${{ }}` in `with:` and `env:` resolved from secrets, vars,
// inputs, matrix and earlier steps' outputs, and each `uses: <owner>/schema-actions/...` step run from the committed
// dist through the runner harness. Steps that call third-party tools (the Vercel CLI, actions/checkout) cannot run
// here: a test supplies what they would output, and any step it does not handle is recorded as skipped.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ourActionFolder } from '../../scripts/owner';
import { runAction, type ActionRun } from './runner';

const root = join(import.meta.dirname, '..', '..');

export interface WorkflowStep {
  id?: string;
  name?: string;
  if?: string | boolean;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}

export interface StepResult {
  id?: string;
  name: string;
  outcome: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
  run?: ActionRun;
  /** The resolved `with:` of a schema-actions step, as the action received it. */
  inputs?: Record<string, string>;
}

export interface JobContext {
  secrets?: Record<string, string>;
  vars?: Record<string, string>;
  inputs?: Record<string, string | boolean>;
  matrix?: Record<string, string>;
}

export interface RunJobOptions {
  context: JobContext;
  /** Inputs a test adds to one action's steps: where the real service is reached (api-host, pagerduty-url…). */
  endpoints?: Record<string, Record<string, string>>;
  /** Environment for every action step (e.g. GITHUB_API_URL is given separately). */
  env?: Record<string, string>;
  githubApiUrl?: string;
  event?: object;
  eventName?: string;
  cwd?: string;
  /** Stand-ins for steps that run third-party tools, by step id: return the outputs the step would set. */
  standIns?: Record<
    string,
    (resolvedEnv: Record<string, string>, resolvedWith: Record<string, string>) => Promise<Record<string, string>>
  >;
}

export interface JobResult {
  steps: StepResult[];
  failed: boolean;
  step(id: string): StepResult;
}

export function readJob(file: string, job: string): WorkflowStep[] {
  const workflow = parse(readFileSync(file, 'utf8')) as { jobs: Record<string, { steps: WorkflowStep[] }> };
  const found = workflow.jobs[job];
  if (!found) throw new Error(`${file} has no job ${job}`);
  return found.steps;
}

export async function runJob(file: string, job: string, options: RunJobOptions): Promise<JobResult> {
  // One RUNNER_TEMP for the job, as on the runner: a step can read the report file an earlier step wrote.
  const runnerTemp = mkdtempSync(join(tmpdir(), 'job-temp-'));
  try {
    return await runSteps(file, job, options, runnerTemp);
  } finally {
    rmSync(runnerTemp, { recursive: true, force: true });
  }
}

async function runSteps(file: string, job: string, options: RunJobOptions, runnerTemp: string): Promise<JobResult> {
  const steps: StepResult[] = [];
  let failed = false;
  for (const step of readJob(file, job)) {
    const name = step.name ?? step.id ?? step.uses ?? step.run ?? 'step';
    const scope = scopeOf(options, steps, failed);
    if (!condition(step.if, scope)) {
      steps.push({ id: step.id, name, outcome: 'skipped', outputs: {} });
      continue;
    }
    const folder = step.uses ? ourActionFolder(step.uses) : undefined;
    if (folder) {
      const inputs: Record<string, string> = {};
      for (const [key, value] of Object.entries(step.with ?? {})) inputs[key] = interpolate(String(value), scope);
      const command = folder === '.' ? inputs.command! : folder;
      Object.assign(inputs, options.endpoints?.[command] ?? {});
      const run = await runAction({
        action: join(root, folder),
        inputs,
        env: options.env,
        event: options.event,
        eventName: options.eventName,
        githubApiUrl: options.githubApiUrl,
        cwd: options.cwd,
        runnerTemp,
        timeoutMs: 180_000,
      });
      const outcome = run.failed ? 'failure' : 'success';
      if (run.failed) failed = true;
      steps.push({ id: step.id, name, outcome, outputs: run.outputs, run, inputs });
      continue;
    }
    const standIn = step.id ? options.standIns?.[step.id] : undefined;
    if (standIn) {
      const resolve = (values: Record<string, unknown> = {}) =>
        Object.fromEntries(Object.entries(values).map(([k, v]) => [k, interpolate(String(v), scope)]));
      try {
        steps.push({
          id: step.id,
          name,
          outcome: 'success',
          outputs: await standIn(resolve(step.env), resolve(step.with)),
        });
      } catch {
        failed = true;
        steps.push({ id: step.id, name, outcome: 'failure', outputs: {} });
      }
      continue;
    }
    // checkout, setup-node, npm ci, summaries: nothing a test here depends on.
    steps.push({ id: step.id, name, outcome: 'skipped', outputs: {} });
  }
  return {
    steps,
    failed,
    step(id: string) {
      const found = steps.find((s) => s.id === id);
      if (!found) throw new Error(`no step ${id}`);
      return found;
    },
  };
}

interface Scope {
  values: Record<string, unknown>;
  failed: boolean;
}

function scopeOf(options: RunJobOptions, done: StepResult[], failed: boolean): Scope {
  const { context } = options;
  const steps = Object.fromEntries(
    done.filter((s) => s.id).map((s) => [s.id, { outputs: s.outputs, outcome: s.outcome, conclusion: s.outcome }]),
  );
  return {
    values: {
      secrets: context.secrets ?? {},
      vars: context.vars ?? {},
      inputs: context.inputs ?? {},
      matrix: context.matrix ?? {},
      steps,
      github: { event: options.event ?? {}, event_name: options.eventName ?? 'push' },
    },
    failed,
  };
}

/** Replaces each `${{ expr }}` with its value; missing values are '' as on GitHub. */
function interpolate(text: string, scope: Scope): string {
  return text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_all, expr: string) => stringify(evaluate(expr, scope)));
}

function stringify(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value);
}

function condition(raw: string | boolean | undefined, scope: Scope): boolean {
  if (raw === undefined) return !scope.failed;
  if (typeof raw === 'boolean') return raw && !scope.failed;
  const expr = raw.trim().replace(/^\$\{\{\s*([\s\S]*?)\s*\}\}$/, '$1');
  const usesStatus = /\b(always|failure|success|cancelled)\(\)/.test(expr);
  const value = Boolean(evaluate(expr, scope));
  // Without a status function GitHub adds an implicit success().
  return usesStatus ? value : value && !scope.failed;
}

/** The expression subset the templates use: paths, !, ==/!= with string literals, ||/&&, status functions. */
function evaluate(expr: string, scope: Scope): unknown {
  const e = expr.trim();
  // As on GitHub, || yields the first truthy operand and && the first falsy one (else the last); no parentheses.
  for (const operator of ['||', '&&'] as const) {
    const operands = e.split(operator);
    if (operands.length === 1) continue;
    let value: unknown;
    for (const operand of operands) {
      value = evaluate(operand, scope);
      if (Boolean(value) === (operator === '||')) return value;
    }
    return value;
  }
  const comparison = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(e);
  if (comparison) {
    const left = stringify(evaluate(comparison[1]!, scope));
    const right = stringify(evaluate(comparison[3]!, scope));
    return comparison[2] === '==' ? left === right : left !== right;
  }
  if (e.startsWith('!')) return !evaluate(e.slice(1), scope);
  if (e === 'always()') return true;
  if (e === 'failure()') return scope.failed;
  if (e === 'success()') return !scope.failed;
  if (e === 'cancelled()') return false;
  if (/^'.*'$/.test(e)) return e.slice(1, -1).replace(/''/g, "'");
  if (e === 'true' || e === 'false') return e === 'true';
  let value: unknown = scope.values;
  for (const part of e.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
