import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { actionlintProblems, crossReferenceProblems } from '../support/workflow-checks';

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
  'migrate-tenants',
];

function workflowFiles(): string[] {
  const templates = readdirSync(templatesDir)
    .filter((f) => f.endsWith('.yml'))
    .map((f) => join(templatesDir, f));
  const examples = readdirSync(join(root, 'examples')).flatMap((example) => {
    const dir = join(root, 'examples', example, '.github', 'workflows');
    return existsSync(dir) ? readdirSync(dir).map((f) => join(dir, f)) : [];
  });
  const own = join(root, '.github', 'workflows');
  return [...templates, ...examples, ...readdirSync(own).map((f) => join(own, f))];
}

interface ActionMetadata {
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
      problems.push(...(await actionlintProblems(readFileSync(file, 'utf8'), relative(root, file))));
    }
    expect(problems).toEqual([]);
  });

  it('actionlint would catch an untrusted expression in a script (the linter is really running)', async () => {
    const bad =
      'on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n';
    const problems = await actionlintProblems(bad, 'bad.yml');
    expect(problems.join('\n')).toMatch(/"github\.event\.pull_request\.title" is potentially untrusted/);
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
      expect(crossReferenceProblems(readFileSync(file, 'utf8'))).toEqual([]);
    },
  );
});

describe("the repository's own workflows", () => {
  const own = (name: string) => parse(readFileSync(join(root, '.github', 'workflows', name), 'utf8')) as Workflow;
  const allSteps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);

  it('pin every third-party action to a full commit SHA, with its version in a comment', () => {
    for (const name of readdirSync(join(root, '.github', 'workflows'))) {
      const text = readFileSync(join(root, '.github', 'workflows', name), 'utf8');
      for (const [, uses] of text.matchAll(/uses:\s*(\S+.*)$/gm)) {
        if (uses!.startsWith('./')) continue;
        expect(uses, `${name}: ${uses}`).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
      }
    }
  });

  it('CI runs .ci/run on push and pull_request, on Node 24 and 20, with PostgreSQL', () => {
    const ci = own('ci.yml');
    expect(Object.keys(ci.on as object)).toEqual(['push', 'pull_request']);
    expect(
      allSteps(ci)
        .map((s) => s.run)
        .filter(Boolean),
    ).toEqual(['bash .ci/run']);
    expect(JSON.stringify(ci.jobs)).toContain('"node":[24,20]');
    expect(JSON.stringify(ci.jobs)).toContain('"POSTGRES_HOST_AUTH_METHOD":"trust"');
  });

  it('dogfood runs schema-check, migrate-with-telemetry and drift-check from this checkout on examples/basic', () => {
    const steps = allSteps(own('dogfood.yml'));
    const local = steps.filter((s) => s.uses?.startsWith('./'));
    expect(local.map((s) => s.uses)).toEqual(
      expect.arrayContaining(['./schema-check', './migrate-with-telemetry', './drift-check']),
    );
    for (const step of local) expect(step.with?.['working-directory'], step.uses).toBe('examples/basic');
  });

  it('release verifies dist/, creates the release from the changelog and moves the major tag', () => {
    const release = own('release.yml');
    expect(release.on).toEqual({ push: { tags: ['v[0-9]+.[0-9]+.[0-9]+'] } });
    const script = allSteps(release)
      .map((s) => s.run ?? '')
      .join('\n');
    expect(script).toContain('npm run build');
    expect(script).toContain('git status --porcelain --untracked-files=all');
    expect(script).toContain('node scripts/changelog-section.mjs');
    expect(script).toContain('gh release create');
    expect(script).toMatch(/major="\$\{TAG%%\.\*\}"/);
  });
});

describe('action metadata', () => {
  const folders = ['.', ...readdirSync(root).filter((d) => existsSync(join(root, d, 'action.yml')) && d !== '.')];
  it.each(folders)('%s/action.yml runs a committed bundle on node24', (folder) => {
    const metadata = actionMetadata(folder)!;
    expect(metadata.runs.using).toBe('node24');
    expect(existsSync(join(root, folder, metadata.runs.main))).toBe(true);
  });
});
