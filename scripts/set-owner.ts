/**
 * npm run set-owner -- <owner/name>: moves every reference to this repository (package.json's repository.url, the
 * templates' `uses:`, READMEs, the changelog's links) from the current owner/name to the given one.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositorySlug } from './owner';

const root = join(import.meta.dirname, '..');

export function setOwner(next: string): string[] {
  if (!/^[\w.-]+\/[\w.-]+$/.test(next)) throw new Error(`"${next}" is not owner/name, e.g. acme/schema-actions`);
  const current = repositorySlug();
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0');
  const changed: string[] = [];
  for (const file of tracked.filter((f) => f && !f.startsWith('dist/') && f !== 'package-lock.json')) {
    const path = join(root, file);
    const text = readFileSync(path, 'utf8');
    if (!text.includes(current)) continue;
    writeFileSync(path, text.replaceAll(current, next));
    changed.push(file);
  }
  return changed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of setOwner(process.argv[2] ?? '')) console.log(file);
}
