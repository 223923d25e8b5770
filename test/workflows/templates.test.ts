// The templates as GitHub and their users see them: metadata valid per GitHub's workflow-template rules, the example's
// workflows what init writes from them, current action majors, one Vercel CLI pin, one transaction policy, and the
// repository owner from its one place.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { changelogSection } from '../../scripts/changelog-section.mjs';
import { repositorySlug } from '../../scripts/owner';
import { detectRepository } from '../../actions/init/detect';
import { chooseTemplates, planFiles } from '../../actions/init/plan';

const root = join(import.meta.dirname, '..', '..');
const templatesDir = join(root, 'workflows-templates');
const templates = readdirSync(templatesDir)
  .filter((f) => f.endsWith('.yml'))
  .map((f) => f.replace(/\.yml$/, ''));
const read = (...path: string[]) => readFileSync(join(root, ...path), 'utf8');

// GitHub's categories for workflow templates (actions/starter-workflows) and the languages these templates target.
const CATEGORIES = ['Continuous integration', 'Deployment', 'Automation', 'Code scanning', 'Pages'];
const LANGUAGES = ['TypeScript', 'JavaScript'];
// Octicons the templates use (primer/octicons names).
const OCTICONS = ['database', 'rocket', 'sync', 'shield-check', 'trash', 'history'];

describe.each(templates)('workflows-templates/%s.properties.json', (name) => {
  const properties = JSON.parse(read('workflows-templates', `${name}.properties.json`)) as Record<string, unknown>;

  it('has only the fields GitHub reads', () => {
    for (const key of Object.keys(properties)) {
      expect(['name', 'description', 'iconName', 'categories', 'filePatterns', 'creator']).toContain(key);
    }
  });

  it('name: a short title', () => {
    expect(properties.name).toEqual(expect.any(String));
    expect((properties.name as string).length).toBeLessThanOrEqual(60);
    expect(properties.name).toMatch(/^[A-Z]/);
  });

  it('description: one whole sentence', () => {
    const description = properties.description as string;
    expect(description).toMatch(/^[A-Z][^:]*\.$/);
    expect(description.split(/\.\s/)).toHaveLength(1);
    expect(description.length).toBeLessThanOrEqual(200);
  });

  it('iconName: an octicon ("octicon <name>") or an svg shipped next to the template', () => {
    const icon = properties.iconName as string;
    const octicon = /^octicon ([a-z-]+)$/.exec(icon);
    if (octicon) expect(OCTICONS).toContain(octicon[1]);
    else expect(existsSync(join(templatesDir, `${icon}.svg`)), `${icon}.svg`).toBe(true);
  });

  it("categories: one of GitHub's categories first, then languages", () => {
    const [category, ...rest] = properties.categories as string[];
    expect(CATEGORIES).toContain(category);
    for (const language of rest) expect(LANGUAGES).toContain(language);
  });

  it('filePatterns: regular expressions that recognise a Drizzle project', () => {
    const patterns = (properties.filePatterns as string[]).map((p) => new RegExp(p));
    expect(patterns.some((p) => p.test('drizzle.config.ts'))).toBe(true);
    expect(patterns.some((p) => p.test('package.json'))).toBe(false);
  });
});

const exampleRepository = await detectRepository(join(root, 'examples', 'basic'), { neon: 'auto', vercel: 'auto' });

describe('template workflows', () => {
  const pinnedMajor = (action: string) => {
    const ci = read('.github', 'workflows', 'ci.yml');
    return new RegExp(`${action}@[0-9a-f]{40} # (v\\d+)\\.`).exec(ci)?.[1];
  };

  it.each(templates)('%s.yml uses the majors of actions/checkout and setup-node that our own CI pins', (name) => {
    const text = read('workflows-templates', `${name}.yml`);
    for (const action of ['actions/checkout', 'actions/setup-node']) {
      const major = pinnedMajor(action);
      expect(major, `${action} in ci.yml`).toMatch(/^v\d+$/);
      for (const [, version] of text.matchAll(new RegExp(`${action}@(\\S+)`, 'g'))) {
        expect(version, `${name}.yml: ${action}`).toBe(major);
      }
    }
  });

  it('pin the Vercel CLI to the exact version in workflows-templates/vercel-cli/package.json', () => {
    const pin = JSON.parse(read('workflows-templates', 'vercel-cli', 'package.json')).dependencies.vercel as string;
    expect(pin).toMatch(/^\d+\.\d+\.\d+$/);
    const users = templates.filter((name) => read('workflows-templates', `${name}.yml`).includes('VERCEL_CLI'));
    expect(users.sort()).toEqual(['deploy-production', 'deploy-staging', 'preview', 'rollback']);
    for (const name of templates) {
      const text = read('workflows-templates', `${name}.yml`);
      expect(text, name).not.toMatch(/vercel@(?!\d+\.\d+\.\d+\b)/);
      expect(text, name).not.toMatch(/npx[^\n]*\bvercel\b(?!@)/);
      if (!users.includes(name)) continue;
      const env = (parse(text) as { env?: Record<string, string> }).env;
      expect(env?.VERCEL_CLI, `${name}.yml env.VERCEL_CLI`).toBe(`vercel@${pin}`);
    }
  });

  const example = join(root, 'examples', 'basic');
  const exampleRepo = exampleRepository;
  const written = chooseTemplates([], exampleRepo);

  it('init writes every template there but migrate-tenants, which it writes only when asked', () => {
    expect(templates.filter((name) => !written.includes(name))).toEqual(['migrate-tenants']);
    expect(chooseTemplates(['migrate-tenants'], exampleRepo)).toEqual(['migrate-tenants']);
  });

  it.each(written)('examples/basic/.github/workflows/%s.yml is what schema-actions init writes there', (name) => {
    const repo = exampleRepo;
    const [planned] = planFiles(example, [name], repo, false);
    const regenerate = 'npm run build, then in examples/basic: node ../../bin/schema-actions.js init --force';
    expect(read('examples', 'basic', '.github', 'workflows', `${name}.yml`), regenerate).toBe(planned!.text);
  });

  it('give schema-check and migrate-with-telemetry one transaction policy: the shared variable', () => {
    const expression = "${{ vars.SCHEMA_ACTIONS_TRANSACTION || 'all' }}";
    const users: string[] = [];
    for (const name of templates) {
      const text = read('workflows-templates', `${name}.yml`);
      const workflow = parse(text) as { jobs: Record<string, { steps?: { uses?: string; with?: object }[] }> };
      const steps = Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
      // migrate-with-telemetry's plan and summary modes read no migration, so no policy either.
      const migrating = steps.filter(
        (s) =>
          /\/(schema-check|migrate-with-telemetry)@/.test(s.uses ?? '') &&
          !['plan', 'summary'].includes((s.with as { mode?: string } | undefined)?.mode ?? ''),
      );
      if (migrating.length === 0) continue;
      users.push(name);
      for (const step of migrating)
        expect(step.with, `${name}.yml: ${step.uses}`).toHaveProperty('transaction', expression);
      expect(text, `${name}.yml documents the variable in its header`).toMatch(
        /^# Variables \(repository\b.*:\n#\s+SCHEMA_ACTIONS_TRANSACTION\s+optional: /m,
      );
    }
    expect(users).toEqual(
      expect.arrayContaining(['deploy-production', 'deploy-staging', 'migrate-tenants', 'schema-check']),
    );
  });
});

describe('the repository owner', () => {
  const slug = repositorySlug();

  it("is package.json's repository, owner/name", () => {
    expect(slug).toMatch(/^[\w.-]+\/[\w.-]+$/);
  });

  it('every reference to our actions and repository names that owner', () => {
    const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter((f) => /\.(ya?ml|md|json)$/.test(f) && !f.startsWith('dist/') && f !== 'package-lock.json');
    const name = slug.split('/')[1]!;
    const foreign: string[] = [];
    for (const file of tracked.filter((f) => existsSync(join(root, f)))) {
      const text = read(file);
      for (const [ref] of text.matchAll(
        new RegExp(`[\\w.-]+/${name}(?=/[a-z-]+@v\\d|@v\\d|\\.git\\b|/(?:releases|compare)/)`, 'g'),
      )) {
        if (ref !== slug) foreign.push(`${file}: ${ref}`);
      }
    }
    expect(foreign).toEqual([]);
  });
});

describe('CHANGELOG.md', () => {
  const changelog = read('CHANGELOG.md');
  const version = JSON.parse(read('package.json')).version as string;

  it("has a section for package.json's version: the release notes", () => {
    const section = changelogSection(changelog, version);
    expect(section).toMatch(/^### Added\n/);
    expect(section).not.toMatch(/^## /m);
  });

  it('has no section for a version never released, so the release workflow fails on it', () => {
    expect(changelogSection(changelog, '0.0.0-never')).toBeUndefined();
  });

  it('links every version heading to its release or comparison', () => {
    for (const [, heading] of changelog.matchAll(/^## \[([^\]]+)\]/gm)) {
      expect(changelog, heading).toMatch(
        new RegExp(`^\\[${heading!.replace(/\./g, '\\.')}\\]: https://github\\.com/`, 'm'),
      );
    }
  });
});
