import { readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { ConfigurationError } from '../errors';

/**
 * Reads a migration file the way the database will receive it, refusing what must never run: a file that resolves
 * (through a symlink) outside the repository, which would execute and echo text nobody reviewed, and bytes that are
 * not valid UTF-8 or hold a NUL, which PostgreSQL would receive mangled (replacement characters) or not at all.
 */
export function readMigrationText(absolutePath: string, display: string, boundary: string): string {
  const real = realpathSync(absolutePath);
  const inside = relative(realpathSync(boundary), real);
  if (inside.startsWith('..') || isAbsolute(inside)) {
    throw new ConfigurationError(
      `migration file ${display} resolves outside the repository (a symlink); migration files must be real files in the repository`,
    );
  }
  const bytes = readFileSync(real);
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new ConfigurationError(
      `migration file ${display} holds a NUL byte at byte offset ${nul}; PostgreSQL cannot receive it: remove it (the file may be binary or UTF-16)`,
    );
  }
  const invalid = invalidUtf8Offset(bytes);
  if (invalid !== -1) {
    throw new ConfigurationError(
      `migration file ${display} is not valid UTF-8 at byte offset ${invalid}; save it as UTF-8`,
    );
  }
  return bytes.toString('utf8');
}

/** The offset of the first byte that breaks UTF-8 (overlong forms, surrogates and > U+10FFFF included), or -1. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b === 0xe0) [need, min] = [2, 0xa0];
    else if (b === 0xed) [need, min, max] = [2, 0x80, 0x9f];
    else if (b >= 0xe1 && b <= 0xef) [need, min] = [2, 0x80];
    else if (b === 0xf0) [need, min] = [3, 0x90];
    else if (b === 0xf4) [need, min, max] = [3, 0x80, 0x8f];
    else if (b >= 0xf1 && b <= 0xf3) [need, min] = [3, 0x80];
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const [lo, hi] = k === 1 ? [min, max] : [0x80, 0xbf];
      if (c === undefined || c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return -1;
}
