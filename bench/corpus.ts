import { join } from 'node:path';
import { loadMigrationFolder } from '../actions/lib/migrations/folder';
import type { MigrationSet } from '../actions/lib/migrations/model';

const corpusRoot = join(import.meta.dirname, '..', '..', 'shared', 'corpus');

/** The 186-migration Dokploy folder: the largest real-world history we have. */
export function dokploy(): MigrationSet {
  return loadMigrationFolder(join(corpusRoot, 'dokploy'), corpusRoot);
}
