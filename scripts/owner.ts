/**
 * Where this repository lives on GitHub (owner/name), the one place it is set: package.json's `repository.url`.
 * Workflows reference the actions as `<owner>/<name>/<action>@v1`; tests and generated files read it from here,
 * and `npm run set-owner -- <owner/name>` rewrites every tracked file that names it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

export function repositorySlug(): string {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { repository?: { url?: string } };
  const match = /github\.com\/([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(manifest.repository?.url ?? '');
  if (!match) throw new Error('package.json needs repository.url like git+https://github.com/<owner>/<name>.git');
  return match[1]!;
}

/** `uses:` of one of our actions, published (`<owner>/<name>[/<action>]@v1`) or local (`./[<action>]`): the folder. */
export function ourActionFolder(uses: string): string | undefined {
  const slug = repositorySlug().replace(/[.]/g, '\\.');
  const match = new RegExp(`^(?:${slug}(?:/([a-z-]+))?@v1|\\./([a-z-]+)?)$`).exec(uses);
  return match ? (match[1] ?? match[2] ?? '.') : undefined;
}
