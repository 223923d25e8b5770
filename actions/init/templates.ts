import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Repository } from './detect';

export interface Template {
  name: string;
  /** Why the template does not apply to a repository; undefined when it does. */
  inapplicable: (repo: Repository) => string | undefined;
  /** Why init writes it only when asked for by name: most repositories do not need it. */
  onlyWhenAsked?: string;
}

// In lifecycle order, the order init writes and reports them.
export const TEMPLATES: Template[] = [
  { name: 'schema-check', inapplicable: () => undefined },
  { name: 'deploy-staging', inapplicable: () => undefined },
  { name: 'deploy-production', inapplicable: () => undefined },
  { name: 'drift-watch', inapplicable: () => undefined },
  {
    name: 'snapshot-cleanup',
    inapplicable: (repo) => (repo.neon.used ? undefined : 'it only cleans up Neon snapshots, and Neon is not used'),
  },
  {
    name: 'preview',
    inapplicable: (repo) =>
      repo.neon.used ? undefined : 'it gives each pull request a Neon branch, and Neon is not used',
  },
  {
    name: 'rollback',
    inapplicable: (repo) =>
      repo.neon.used || repo.vercel.used
        ? undefined
        : 'it restores a Neon snapshot and rolls a Vercel app back, and neither is used',
  },
  {
    name: 'migrate-tenants',
    inapplicable: () => undefined,
    onlyWhenAsked: 'it migrates a fleet of tenant databases (one per customer), which most apps do not have',
  },
];

/**
 * workflows-templates/ of this package: two folders up from this module, both from sources (actions/init/) and from
 * the bundle (dist/main/), so the CLI writes exactly the templates that ship next to it.
 */
function templatesDir(): string {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'workflows-templates');
  if (!existsSync(dir)) throw new Error(`workflows-templates/ not found next to the schema-actions package (${dir})`);
  return dir;
}

export function readTemplate(name: string): string {
  return readFileSync(join(templatesDir(), `${name}.yml`), 'utf8');
}
