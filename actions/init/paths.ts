import { sep } from 'node:path';

/** A relative path as workflows write it (forward slashes), also when init runs on Windows. */
export function posix(path: string): string {
  return path.split(sep).join('/');
}
