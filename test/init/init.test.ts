import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { actionlintProblems, crossReferenceProblems } from '../support/workflow-checks';
import {
  basicExampleRepository,
  bunApp,
  makeRepository,
  npmApp,
  npmAppInSubfolder,
  pnpmMonorepo,
  yarnVercelApp,
} from './fixtures';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'bin', 'schema-actions.js');
const created: string[] = [];

afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

function repository(make: () => string): string {
  const dir = make();
  created.push(dir);
  return dir;
}

/** The CLI from the committed bundle, run in the repository as a user would: `npx schema-actions init`. */
function init(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [cli, 'init', ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function workflows(dir: string): Record<string, string> {
  const folder = join(dir, '.github', 'workflows');
  if (!existsSync(folder)) return {};
  return Object.fromEntries(readdirSync(folder).map((f) => [f, readFileSync(join(folder, f), 'utf8')]));
}

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
  'working-directory'?: string;
}

function stepsOf(text: string): Step[] {
  const workflow = parse(text) as { jobs: Record<string, { steps?: Step[] }> };
  return Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
}

/** `uses:` of a third-party action as the templates give it: init copies it unchanged. */
function templateUses(action: string): string {
  const template = readFileSync(join(root, 'workflows-templates', 'schema-check.yml'), 'utf8');
  return new RegExp(`uses: (${action}@\\S+)`).exec(template)![1]!;
}
const CHECKOUT = templateUses('actions/checkout');
const SETUP_NODE = templateUses('actions/setup-node');

const ours = (text: string) => stepsOf(text).filter((s) => s.uses?.startsWith('org/schema-actions/'));

async function expectValidWorkflows(files: Record<string, string>) {
  const problems: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    problems.push(
      ...(await actionlintProblems(text, name)),
      ...crossReferenceProblems(text).map((p) => `${name}: ${p}`),
    );
  }
  expect(problems).toEqual([]);
}

const ALL = [
  'deploy-production.yml',
  'deploy-staging.yml',
  'drift-watch.yml',
  'preview.yml',
  'rollback.yml',
  'schema-check.yml',
  'snapshot-cleanup.yml',
];

describe('schema-actions init on the basic example', () => {
  it('writes exactly the committed example workflows', () => {
    const dir = repository(basicExampleRepository);
    const { code, stderr } = init(dir);
    expect(code, stderr).toBe(0);
    expect(workflows(dir)).toEqual(workflows(join(root, 'examples', 'basic')));
  });

  it('leaves every template line as written where the repository uses everything the template does', () => {
    for (const [file, text] of Object.entries(workflows(join(root, 'examples', 'basic')))) {
      const template = readFileSync(join(root, 'workflows-templates', file), 'utf8').split('\n');
      const origin = `# Written by schema-actions init from workflows-templates/${file}; run it again to update.`;
      expect(text, file).toBe([template[0], origin, ...template.slice(1)].join('\n'));
    }
  });
});

describe('schema-actions init: npm app on Neon and Vercel', () => {
  const dir = repository(npmApp);
  const first = init(dir);
  const files = workflows(dir);

  it('writes every template, installing with npm ci from the root', async () => {
    expect(first.code, first.stderr).toBe(0);
    expect(Object.keys(files).sort()).toEqual(ALL);
    const check = stepsOf(files['schema-check.yml']!);
    expect(check.find((s) => s.uses?.startsWith('actions/setup-node'))!.with).toEqual({
      'node-version': 22,
      cache: 'npm',
    });
    expect(check.find((s) => s.run === 'npm ci')).toEqual({ run: 'npm ci' });
    for (const text of Object.values(files)) {
      for (const step of ours(text)) expect(step.with).not.toHaveProperty('working-directory');
    }
    await expectValidWorkflows(files);
  });

  it('keeps the Neon and Vercel steps', () => {
    const production = stepsOf(files['deploy-production.yml']!).map((s) => s.id);
    expect(production).toEqual(expect.arrayContaining(['snapshot', 'migrate', 'deploy', 'canary', 'drift']));
  });

  it('prints the secrets and variables to create, per environment', () => {
    const production = section(first.stdout, 'Environment `production`');
    for (const name of ['DATABASE_URL', 'NEON_API_KEY', 'VERCEL_TOKEN', 'NEON_PROJECT_ID', 'VERCEL_PROJECT_ID']) {
      expect(production).toContain(`\`${name}\``);
    }
    expect(section(first.stdout, 'Environment `staging`')).toMatch(/`DATABASE_URL` \| secret \|/);
    // snapshot-cleanup has no environment, and needs the key (deploy-staging's snapshot is optional, not this)
    expect(section(first.stdout, 'Repository (')).toMatch(/`NEON_API_KEY` \| secret \|/);
  });

  it('prints the transaction policy once, as a repository variable the check and the deploys share', () => {
    expect(section(first.stdout, 'Repository (')).toMatch(
      /`SCHEMA_ACTIONS_TRANSACTION` \| variable, optional \| .* \| schema-check\.yml, deploy-staging\.yml, deploy-production\.yml, preview\.yml \|/,
    );
    for (const environment of ['staging', 'production']) {
      expect(section(first.stdout, `Environment \`${environment}\``)).not.toContain('SCHEMA_ACTIONS_TRANSACTION');
    }
  });

  it('is idempotent: a second run changes nothing and says so', () => {
    const mtimes = ALL.map((f) => statSync(join(dir, '.github', 'workflows', f)).mtimeMs);
    const second = init(dir);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Nothing to change');
    expect(workflows(dir)).toEqual(files);
    expect(ALL.map((f) => statSync(join(dir, '.github', 'workflows', f)).mtimeMs)).toEqual(mtimes);
  });

  it('never overwrites a changed workflow without --force, and then writes nothing at all', () => {
    const edited = `${files['drift-watch.yml']!}# my change\n`;
    writeFileSync(join(dir, '.github', 'workflows', 'drift-watch.yml'), edited);
    unlinkSync(join(dir, '.github', 'workflows', 'rollback.yml'));
    const refused = init(dir);
    expect(refused.code).toBe(1);
    const errors = refused.stderr.split('\n').filter((line) => line.startsWith('error:'));
    expect(errors).toEqual([
      'error: init: nothing written: .github/workflows/drift-watch.yml already exists with other content; rerun with --force to overwrite them, or with --dry-run to see what init would write',
    ]);
    expect(readFileSync(join(dir, '.github', 'workflows', 'drift-watch.yml'), 'utf8')).toBe(edited);
    expect(existsSync(join(dir, '.github', 'workflows', 'rollback.yml'))).toBe(false);

    const forced = init(dir, '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(workflows(dir)).toEqual(files);
  });
});

describe('schema-actions init: pnpm monorepo with the database in packages/db', () => {
  const dir = repository(pnpmMonorepo);
  const result = init(dir);
  const files = workflows(dir);

  it('points every schema-actions step that reads the project at packages/db', async () => {
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Drizzle project: `packages/db`');
    for (const [name, text] of Object.entries(files)) {
      for (const step of ours(text)) {
        // neon-snapshot and canary-monitor do not read the project, and have no working-directory input.
        if (/\/(neon-snapshot|canary-monitor)@/.test(step.uses!)) {
          expect(step.with, name).not.toHaveProperty('working-directory');
        } else expect(step.with?.['working-directory'], `${name}: ${step.uses}`).toBe('packages/db');
      }
    }
    await expectValidWorkflows(files);
  });

  it('installs with pnpm at the root, set up before setup-node caches it', () => {
    const steps = stepsOf(files['deploy-staging.yml']!);
    const at = (predicate: (s: Step) => boolean) => steps.findIndex(predicate);
    const pnpmSetup = at((s) => s.uses === 'pnpm/action-setup@v4');
    const setupNode = at((s) => Boolean(s.uses?.startsWith('actions/setup-node')));
    expect(pnpmSetup).toBeGreaterThan(-1);
    expect(pnpmSetup).toBeLessThan(setupNode);
    expect(steps[pnpmSetup]!.with).toBeUndefined(); // the version comes from packageManager in package.json
    expect(steps[setupNode]!.with).toEqual({ 'node-version': 22, cache: 'pnpm' });
    expect(steps.find((s) => s.run?.includes('install'))).toEqual({ run: 'pnpm install --frozen-lockfile' });
    expect(ours(files['schema-check.yml']!)[0]!.with!['generate-command']).toBe(
      'pnpm exec drizzle-kit generate --config drizzle.config.ts',
    );
  });

  it('runs pull-request checks on changes to the package’s migrations, schema, config and the lockfile', () => {
    const workflow = parse(files['schema-check.yml']!) as { on: { pull_request: { paths: string[] } } };
    expect(workflow.on.pull_request.paths).toEqual([
      'packages/db/migrations/**',
      'packages/db/src/schema/*.ts',
      'packages/db/drizzle.config.*',
      'packages/db/package.json',
      'pnpm-lock.yaml',
    ]);
  });

  it('runs the Vercel CLI in the linked app’s folder', () => {
    const vercelSteps = ['deploy-staging.yml', 'deploy-production.yml', 'rollback.yml'].flatMap((f) =>
      stepsOf(files[f]!).filter((s) => s.run?.includes('"$VERCEL_CLI"')),
    );
    expect(vercelSteps).toHaveLength(3);
    for (const step of vercelSteps) expect(step['working-directory']).toBe('apps/web');
  });
});

describe('schema-actions init: bun app without Neon or Vercel', () => {
  const dir = repository(bunApp);
  const result = init(dir);
  const files = workflows(dir);

  it('writes the templates that apply, with no Neon or Vercel step', async () => {
    expect(result.code, result.stderr).toBe(0);
    expect(Object.keys(files).sort()).toEqual([
      'deploy-production.yml',
      'deploy-staging.yml',
      'drift-watch.yml',
      'schema-check.yml',
    ]);
    for (const [name, text] of Object.entries(files)) {
      expect(withoutComments(text), name).not.toMatch(/neon-snapshot|NEON_|VERCEL_|vercel@|canary-monitor/);
      expect(text, name).not.toMatch(/NEON_|VERCEL_/); // nor in the secrets the header lists
    }
    const production = files['deploy-production.yml']!;
    expect(stepsOf(production).map((s) => s.id ?? s.name ?? s.uses ?? s.run)).toEqual([
      CHECKOUT,
      SETUP_NODE,
      'oven-sh/setup-bun@v2',
      'bun install --frozen-lockfile',
      'migrate',
      'drift',
      'Deploy summary',
      'Rollback instructions',
    ]);
    // The inputs only the canary used are gone; the summary no longer prints rows for left-out steps.
    expect(
      Object.keys((parse(production) as { on: { workflow_dispatch: { inputs: object } } }).on.workflow_dispatch.inputs),
    ).toEqual(['skip-migrations']);
    expect(production).not.toMatch(/\$\{?(SNAPSHOT|DEPLOYMENT|HEALTHY|DECISION)\b/);
    expect(production).toContain('# Left out because this repository does not use Neon: "Snapshot the database".');
    for (const [name, text] of Object.entries(files)) {
      // The pinned Vercel CLI went with the Vercel steps, and took the blank line that set it apart.
      expect((parse(text) as { env?: object }).env, name).toBeUndefined();
      expect(text, name).not.toMatch(/\n\n\n/);
    }
    await expectValidWorkflows(files);
  });

  it('installs with bun (setup-node has no bun cache) and names the JavaScript config', () => {
    const steps = stepsOf(files['schema-check.yml']!);
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node'))!.with).toEqual({ 'node-version': 22 });
    expect(ours(files['schema-check.yml']!)[0]!.with).toMatchObject({
      'drizzle-config': 'drizzle.config.js',
      'generate-command': 'bunx drizzle-kit generate --config drizzle.config.js',
    });
    const paths = (parse(files['schema-check.yml']!) as { on: { pull_request: { paths: string[] } } }).on.pull_request
      .paths;
    expect(paths).toEqual(['db/migrations/**', 'db/schema/**', 'drizzle.config.*', 'package.json', 'bun.lock']);
  });

  it('refuses a template that needs a service the repository does not use, with the fix', () => {
    const { code, stderr } = init(dir, '--templates', 'snapshot-cleanup', '--dry-run');
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      'error: init: template snapshot-cleanup does not apply: it only cleans up Neon snapshots, and Neon is not used (set --neon or --vercel to true if they are)',
    );
    const forced = init(dir, '--templates', 'snapshot-cleanup', '--neon', 'true', '--dry-run');
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain('uses: org/schema-actions/neon-snapshot@v1');
  });
});

describe('schema-actions init: yarn app on Vercel, database not on Neon', () => {
  const dir = repository(yarnVercelApp);
  const result = init(dir);
  const files = workflows(dir);

  it('keeps the Vercel steps and drops the Neon ones', async () => {
    expect(result.code, result.stderr).toBe(0);
    expect(Object.keys(files)).not.toContain('snapshot-cleanup.yml');
    expect(stepsOf(files['deploy-production.yml']!).map((s) => s.id)).toEqual(
      expect.arrayContaining(['migrate', 'deploy', 'canary', 'drift']),
    );
    for (const [name, text] of Object.entries(files)) expect(text, name).not.toMatch(/neon-snapshot|NEON_/);
    // rollback keeps only the app's rollback, and the inputs of the database restore go with it.
    const rollback = files['rollback.yml']!;
    expect(stepsOf(rollback).map((s) => s.name ?? s.uses)).toEqual([CHECKOUT, 'Roll the app back', 'Summary']);
    expect(
      Object.keys((parse(rollback) as { on: { workflow_dispatch: { inputs: object } } }).on.workflow_dispatch.inputs),
    ).toEqual(['rollback-app']);
    expect(rollback).toContain('# Secrets (environment "production"): VERCEL_TOKEN.');
    // The Vercel steps stay, and so does the one pin of the CLI they run.
    for (const name of ['deploy-staging.yml', 'deploy-production.yml', 'rollback.yml']) {
      const template = readFileSync(join(root, 'workflows-templates', name), 'utf8');
      const pinOf = (text: string) => (parse(text) as { env?: { VERCEL_CLI?: string } }).env?.VERCEL_CLI;
      expect(pinOf(files[name]!), name).toBe(pinOf(template));
    }
    await expectValidWorkflows(files);
  });

  it('installs with yarn through corepack', () => {
    const steps = stepsOf(files['schema-check.yml']!);
    expect(steps.map((s) => s.uses ?? s.run).slice(0, 4)).toEqual([
      CHECKOUT,
      'corepack enable',
      SETUP_NODE,
      'yarn install --immutable',
    ]);
    expect(steps[2]!.with).toEqual({ 'node-version': 22, cache: 'yarn' });
  });

  it('prints the Vercel secrets, and no Neon ones', () => {
    const production = section(result.stdout, 'Environment `production`');
    expect(production).toMatch(/`VERCEL_TOKEN` \| secret \|/);
    expect(result.stdout).not.toContain('NEON_');
  });
});

describe('schema-actions init: npm app on Neon, deployed elsewhere (--vercel false)', () => {
  it('rolls back the database only: no Vercel step, input or CLI pin is left', async () => {
    const dir = repository(npmApp);
    const { code, stderr } = init(dir, '--vercel', 'false', '--templates', 'rollback');
    expect(code, stderr).toBe(0);
    const rollback = workflows(dir)['rollback.yml']!;
    expect(stepsOf(rollback).map((s) => s.name ?? s.uses)).toEqual([CHECKOUT, 'Restore the database', 'Summary']);
    const workflow = parse(rollback) as { env?: object; on: { workflow_dispatch: { inputs: object } } };
    expect(Object.keys(workflow.on.workflow_dispatch.inputs)).toEqual(['snapshot', 'restore-database']);
    expect(workflow.env).toBeUndefined();
    expect(rollback).not.toMatch(/VERCEL_|\n\n\n/);
    await expectValidWorkflows({ 'rollback.yml': rollback });
  });
});

describe('schema-actions init: npm app in a sub-folder with its own lockfile', () => {
  it('installs in that folder and caches by its lockfile', async () => {
    const dir = repository(npmAppInSubfolder);
    const { code, stderr } = init(dir);
    expect(code, stderr).toBe(0);
    const files = workflows(dir);
    const steps = stepsOf(files['schema-check.yml']!);
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node'))!.with).toEqual({
      'node-version': 22,
      cache: 'npm',
      'cache-dependency-path': 'app/package-lock.json',
    });
    expect(steps.find((s) => s.run === 'npm ci')).toEqual({ run: 'npm ci', 'working-directory': 'app' });
    expect(ours(files['schema-check.yml']!)[0]!.with!['working-directory']).toBe('app');
    expect(
      (parse(files['schema-check.yml']!) as { on: { pull_request: { paths: string[] } } }).on.pull_request.paths,
    ).toEqual(['app/drizzle/**', 'app/src/db/**', 'app/drizzle.config.*', 'app/package.json', 'app/package-lock.json']);
    await expectValidWorkflows(files);
  });
});

describe('schema-actions init: choosing what to write', () => {
  it('--dry-run prints the workflows and writes nothing', () => {
    const dir = repository(yarnVercelApp);
    const { code, stdout } = init(dir, '--dry-run');
    expect(code).toBe(0);
    expect(existsSync(join(dir, '.github'))).toBe(false);
    expect(stdout).toContain('| `.github/workflows/schema-check.yml` | would be created |');
    expect(stdout).toContain(
      '### .github/workflows/deploy-staging.yml\n\n```yaml\n# schema-actions · Deploy to staging',
    );
  });

  it('--templates writes only the templates named', () => {
    const dir = repository(npmApp);
    const { code, stderr } = init(dir, '--templates', 'schema-check,drift-watch');
    expect(code, stderr).toBe(0);
    expect(Object.keys(workflows(dir)).sort()).toEqual(['drift-watch.yml', 'schema-check.yml']);
  });

  it.each([
    [
      ['--templates', 'schema-chek'],
      /^error: init: unknown template "schema-chek" in templates; choose from schema-check, /,
    ],
    [['--neon', 'maybe'], /^error: init: input "neon" must be one of auto, true, false, not "maybe"$/],
  ])('%j fails with one line that says what to fix', (args, message) => {
    const dir = repository(npmApp);
    const { code, stderr } = init(dir, ...args);
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(message);
    expect(existsSync(join(dir, '.github'))).toBe(false);
  });

  it('asks which project when the repository holds several, and takes --project', () => {
    const dir = repository(() =>
      makeRepository({
        'package.json': '{ "name": "two" }\n',
        'services/billing/drizzle.config.ts': "export default { dialect: 'postgresql', out: './drizzle' };\n",
        'services/users/drizzle.config.ts': "export default { dialect: 'postgresql', out: './drizzle' };\n",
      }),
    );
    const refused = init(dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(
      'error: init: several Drizzle projects found (services/billing, services/users); pick one with --project <folder>',
    );
    const chosen = init(dir, '--project', 'services/users', '--templates', 'schema-check');
    expect(chosen.code, chosen.stderr).toBe(0);
    expect(ours(workflows(dir)['schema-check.yml']!)[0]!.with!['working-directory']).toBe('services/users');
  });

  it('fails clearly where there is no Drizzle project', () => {
    const dir = repository(() => makeRepository({ 'package.json': '{ "name": "empty" }\n' }));
    const { code, stderr } = init(dir);
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(
      /^error: init: no drizzle\.config\.\* found in .*; run init at the root of a repository with a Drizzle project$/,
    );
  });
});

function withoutComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');
}

/** The part of the report from `heading` to the next heading or blank-line-separated title. */
function section(report: string, heading: string): string {
  const start = report.indexOf(heading);
  expect(start, heading).toBeGreaterThan(-1);
  const rest = report.slice(start + heading.length);
  const end = rest.search(/\n(Environment `|Repository \(|### )/);
  return end === -1 ? rest : rest.slice(0, end);
}
