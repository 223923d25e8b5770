import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadMigrationFolder } from '../actions/lib/migrations/folder';
import type { MigrationSet } from '../actions/lib/migrations/model';

/** ../shared/corpus of the main checkout, found from any worktree (the nearest `shared/corpus` up the tree). */
export const corpusRoot = findCorpus(import.meta.dirname) ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus');

function findCorpus(from: string): string | undefined {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir))
    if (existsSync(join(dir, 'shared', 'corpus'))) return join(dir, 'shared', 'corpus');
  return undefined;
}

/** The 186-migration Dokploy folder: the largest real-world history we have. */
export function dokploy(): MigrationSet {
  return loadMigrationFolder(join(corpusRoot, 'dokploy'), corpusRoot);
}
