// `npm test` refuses to run the dist/ bundles when they were built from other sources than the ones checked out.
import { cpSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SOURCE_HASH_FILE, sourceHash } from '../../scripts/source-hash';
import { distProblem, STALE } from '../support/dist-fresh';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A repository-shaped folder holding the bundle inputs, built (stamped) as `npm run build` would. */
function builtProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'sa-dist-'));
  roots.push(root);
  write(root, 'actions/main.ts', "export { runCli } from './runtime';\n");
  write(root, 'actions/lib/errors.ts', 'export class ConfigurationError extends Error {}\n');
  write(root, 'package-lock.json', '{ "lockfileVersion": 3 }\n');
  write(root, 'scripts/build.ts', '// builds\n');
  write(root, 'tsconfig.json', '{}\n');
  write(root, SOURCE_HASH_FILE, `${sourceHash(root)}\n`);
  return root;
}

function write(root: string, file: string, text: string): void {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
}

describe('dist/ freshness', () => {
  it('accepts a dist/ built from the sources as they are, whatever their mtimes', () => {
    const root = builtProject();
    // A fresh clone: every file newer than the stamp.
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'actions/main.ts'), later, later);
    expect(distProblem(root)).toBeUndefined();
  });

  it.each([
    ['a changed source', (root: string) => write(root, 'actions/lib/errors.ts', 'export class Changed {}\n')],
    ['a new source', (root: string) => write(root, 'actions/lib/new.ts', 'export const x = 1;\n')],
    ['a deleted source', (root: string) => rmSync(join(root, 'actions/lib/errors.ts'))],
    [
      'a moved source',
      (root: string) => cpSync(join(root, 'actions/lib'), join(root, 'actions/other'), { recursive: true }),
    ],
    ['a changed lock file', (root: string) => write(root, 'package-lock.json', '{ "lockfileVersion": 2 }\n')],
    ['a changed build script', (root: string) => write(root, 'scripts/build.ts', '// builds differently\n')],
    ['no stamp (a dist/ from before stamps)', (root: string) => rmSync(join(root, SOURCE_HASH_FILE))],
  ])('refuses %s with one line', (_change, change) => {
    const root = builtProject();
    change(root);
    expect(distProblem(root)).toBe('dist/ is stale: run npm run build');
    expect(STALE).not.toContain('\n');
  });

  it('ignores what is not a bundle input: tests, docs, editor files', () => {
    const root = builtProject();
    write(root, 'test/new.test.ts', 'it();\n');
    write(root, 'README.md', '# changed\n');
    write(root, 'actions/.main.ts.swp', 'editor state');
    expect(distProblem(root)).toBeUndefined();
  });
});
