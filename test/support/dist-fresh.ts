/**
 * vitest globalSetup: integration tests run the committed dist/ bundles, so a run against a bundle built from other
 * sources would test code that is not the code under review. Refuses to start then, in one line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCE_HASH_FILE, sourceHash } from '../../scripts/source-hash';

export const STALE = 'dist/ is stale: run npm run build';

/** Undefined when dist/ was built from the sources as they are; else the one line to print. */
export function distProblem(root: string): string | undefined {
  const stamp = join(root, SOURCE_HASH_FILE);
  const built = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : undefined;
  return built === sourceHash(root) ? undefined : STALE;
}

export default function checkDistFresh(): void {
  const problem = distProblem(join(import.meta.dirname, '..', '..'));
  if (!problem) return;
  // Exiting before any worker starts keeps it to this one line; a thrown error would come with vitest's banners.
  console.error(problem);
  process.exit(1);
}
