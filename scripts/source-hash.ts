/**
 * The content hash of everything the dist/ bundle is built from. scripts/build.ts stamps it into dist/, and the test
 * run compares it with the sources (test/support/dist-fresh.ts). Contents, not mtimes: a fresh clone gives every file
 * the same new mtime.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Relative to the repository root; folders are walked whole, dotfiles (editor and OS droppings) skipped. */
export const BUNDLE_INPUTS = ['actions', 'package-lock.json', 'scripts/build.ts', 'tsconfig.json'];

/** Where the build writes the hash, relative to the repository root. */
export const SOURCE_HASH_FILE = 'dist/.source-hash';

export function sourceHash(root: string): string {
  const hash = createHash('sha256');
  for (const file of BUNDLE_INPUTS.flatMap((input) => files(root, join(root, input))).sort()) {
    // Line endings as git would check them out on any platform.
    const text = readFileSync(join(root, file)).toString('latin1').replace(/\r\n/g, '\n');
    hash.update(`${file}\0${text.length}\0`).update(text, 'latin1');
  }
  return hash.digest('hex');
}

function files(root: string, path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [relative(root, path).split(sep).join('/')];
  return readdirSync(path)
    .filter((name) => !name.startsWith('.'))
    .flatMap((name) => files(root, join(path, name)));
}
