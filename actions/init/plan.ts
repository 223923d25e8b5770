import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError } from '../lib/errors';
import { adaptTemplate, type LeftOut } from './adapt';
import type { Repository } from './detect';
import { readTemplate, TEMPLATES } from './templates';

export type FileStatus = 'created' | 'updated' | 'unchanged' | 'conflict';

export interface PlannedFile {
  /** Relative to the repository root, with forward slashes. */
  path: string;
  template: string;
  templateText: string;
  text: string;
  leftOut: LeftOut[];
  status: FileStatus;
}

/** The templates to write: the ones asked for (each must apply), else every one that applies. */
export function chooseTemplates(requested: string[], repo: Repository): string[] {
  if (requested.length === 0) {
    return TEMPLATES.filter((t) => !t.onlyWhenAsked && !t.inapplicable(repo)).map((t) => t.name);
  }
  const names = TEMPLATES.map((t) => t.name);
  for (const name of requested) {
    const template = TEMPLATES.find((t) => t.name === name);
    if (!template) {
      throw new ConfigurationError(`unknown template "${name}" in templates; choose from ${names.join(', ')}`);
    }
    const why = template.inapplicable(repo);
    if (why)
      throw new ConfigurationError(
        `template ${name} does not apply: ${why} (set --neon or --vercel to true if they are)`,
      );
  }
  return names.filter((name) => requested.includes(name));
}

/** What each chosen template becomes here, and what writing it would do to the file already there. */
export function planFiles(root: string, templates: string[], repo: Repository, force: boolean): PlannedFile[] {
  return templates.map((template) => {
    const templateText = readTemplate(template);
    const { text, leftOut } = adaptTemplate(template, templateText, repo);
    const path = `.github/workflows/${template}.yml`;
    const full = join(root, path);
    const existing = existsSync(full) ? readFileSync(full, 'utf8') : undefined;
    const status: FileStatus =
      existing === undefined ? 'created' : existing === text ? 'unchanged' : force ? 'updated' : 'conflict';
    return { path, template, templateText, text, leftOut, status };
  });
}
