import { markdownTable } from '../lib/markdown';
import type { Repository } from './detect';
import type { PlannedFile } from './plan';
import type { Setting } from './secrets';

const VERB: Record<PlannedFile['status'], [string, string]> = {
  created: ['created', 'would be created'],
  updated: ['overwritten (--force)', 'would be overwritten (--force)'],
  unchanged: ['unchanged', 'unchanged'],
  conflict: ['exists with other content: not written', 'exists with other content: needs --force'],
};

export function renderInitReport(repo: Repository, files: PlannedFile[], settings: Setting[], dryRun: boolean): string {
  const lines = ['## schema-actions init', '', ...describeRepository(repo), ''];
  lines.push(
    markdownTable(
      ['workflow', dryRun ? 'would be' : 'result'],
      files.map((f) => [`\`${f.path}\``, VERB[f.status][dryRun ? 1 : 0]]),
    ),
    '',
  );
  if (files.every((f) => f.status === 'unchanged')) {
    lines.push('Nothing to change: every workflow is already what init writes.', '');
  }
  lines.push(...renderSettings(settings));
  if (dryRun) {
    for (const file of files) lines.push(`### ${file.path}`, '', '```yaml', file.text.trimEnd(), '```', '');
  }
  return lines.join('\n');
}

function describeRepository(repo: Repository): string[] {
  const pm = repo.packageManager;
  const where = repo.project === '.' ? 'the repository root' : `\`${repo.project}\``;
  return [
    `- Drizzle project: ${where} (\`${repo.configFile}\`), migrations in \`${repo.migrationsDir}\` (${repo.layout === 'not generated yet' ? 'none generated yet' : `${repo.layout} layout`})`,
    `- schema files watched: ${repo.schema ? repo.schema.map((s) => `\`${s}\``).join(', ') : 'every .ts file (the config computes `schema`)'}`,
    `- package manager: ${pm.name} (${pm.lockfileFound ? `\`${pm.lockfile}\`` : 'no lockfile found; commit one, the workflows install with it'}), install with \`${pm.install}\``,
    `- Neon: ${repo.neon.used ? 'used' : 'not used'} (${repo.neon.because})`,
    `- Vercel: ${repo.vercel.used ? 'used' : 'not used'} (${repo.vercel.because})`,
  ];
}

function renderSettings(settings: Setting[]): string[] {
  if (settings.length === 0) return ['No secrets or variables to create.', ''];
  const lines = ['### Secrets and variables to create', ''];
  const environments = [...new Set(settings.map((s) => s.environment))].sort((a, b) =>
    a === undefined ? 1 : b === undefined ? -1 : order(a) - order(b) || a.localeCompare(b),
  );
  for (const environment of environments) {
    lines.push(
      environment
        ? `Environment \`${environment}\` (Settings → Environments):`
        : 'Repository (Settings → Secrets and variables → Actions):',
      '',
      markdownTable(
        ['name', 'kind', 'what', 'used by'],
        settings
          .filter((s) => s.environment === environment)
          .sort((a, b) => Number(a.optional) - Number(b.optional) || a.kind.localeCompare(b.kind))
          .map((s) => [
            `\`${s.name}\``,
            s.optional ? `${s.kind}, optional` : s.kind,
            s.description.replace(/^optional:?\s*/, ''),
            s.usedBy.map((f) => f.replace(/^\.github\/workflows\//, '')).join(', '),
          ]),
      ),
      '',
    );
  }
  return lines;
}

function order(environment: string): number {
  const known = ['staging', 'production'].indexOf(environment);
  return known === -1 ? 99 : known;
}
