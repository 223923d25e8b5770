import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sha256, splitChunks, wantsNoTransaction } from './chunks';
import { readMigrationText } from './files';
import { chainProblems } from './journal';
import type { IntegrityProblem, Migration } from './model';

const FOLDER = /^(\d{14})_.+/;

/** Folders `<YYYYMMDDhhmmss>_<name>/` holding a migration.sql: drizzle-kit 1.x's layout. */
export function v1Folders(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => FOLDER.test(name) && isDirectory(join(dir, name)))
    .filter((name) => existsSync(join(dir, name, 'migration.sql')));
}

/**
 * Folders holding a migration.sql that drizzle-orm 1.x would misread: a name without the 14-digit UTC timestamp
 * (skipped silently) or a timestamp that is no real time (month 13 still sorts and applies). Each is a mistake to
 * fix, never a migration to ignore.
 */
export function unrecognisedV1Folders(dir: string): { name: string; reason: string }[] {
  return readdirSync(dir)
    .filter((name) => isDirectory(join(dir, name)) && existsSync(join(dir, name, 'migration.sql')))
    .flatMap((name) => {
      if (!FOLDER.test(name)) return [{ name, reason: 'its name does not start with a 14-digit UTC timestamp and _' }];
      if (!isRealTime(name.slice(0, 14))) return [{ name, reason: `${name.slice(0, 14)} is not a real date and time` }];
      return [];
    });
}

function isRealTime(stamp: string): boolean {
  const [y, mo, d, h, mi, s] = [0, 4, 6, 8, 10, 12].map((at, i) => Number(stamp.slice(at, i === 0 ? 4 : at + 2)));
  const date = new Date(Date.UTC(y!, mo! - 1, d, h, mi, s));
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo! - 1 &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi &&
    date.getUTCSeconds() === s
  );
}

/** drizzle-orm 1.x's formatToMillis: the folder's 14-digit prefix read as a UTC time. */
export function folderMillis(name: string): number {
  const d = name.slice(0, 14);
  return Date.UTC(
    Number(d.slice(0, 4)),
    Number(d.slice(4, 6)) - 1,
    Number(d.slice(6, 8)),
    Number(d.slice(8, 10)),
    Number(d.slice(10, 12)),
    Number(d.slice(12, 14)),
  );
}

/** Loads the v1 layout in drizzle-orm 1.x's order (folder names compared with localeCompare). */
export function loadV1Migrations(dir: string, projectRoot: string, boundary = projectRoot): Migration[] {
  return v1Folders(dir)
    .sort((a, b) => a.localeCompare(b))
    .map((name, index): Migration => {
      const absolutePath = join(dir, name, 'migration.sql');
      const file = relative(projectRoot, absolutePath);
      const sql = readMigrationText(absolutePath, file, boundary);
      return {
        name,
        index,
        file,
        absolutePath,
        sql,
        hash: sha256(sql),
        createdAt: folderMillis(name),
        chunks: splitChunks(sql),
        noTransaction: wantsNoTransaction(sql),
      };
    });
}

export function v1Problems(dir: string, projectRoot: string, migrations: Migration[]): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const byStamp = new Map<string, string>();
  for (const migration of migrations) {
    const stamp = migration.name.slice(0, 14);
    const other = byStamp.get(stamp);
    if (other) {
      problems.push({
        code: 'duplicate-migration-number',
        severity: 'error',
        file: migration.file,
        message: `migrations ${other} and ${migration.name} share timestamp ${stamp}; delete the newer one and generate it again`,
      });
    }
    byStamp.set(stamp, migration.name);
  }
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (isDirectory(path) && FOLDER.test(name) && !existsSync(join(path, 'migration.sql'))) {
      problems.push({
        code: 'migration-folder-without-sql',
        severity: 'warning',
        file: relative(projectRoot, path),
        message: `${name}/ has no migration.sql, so Drizzle skips it; restore the file or delete the folder`,
      });
    }
  }
  const snapshots = migrations.flatMap((m) => {
    const path = join(dir, m.name, 'snapshot.json');
    if (!existsSync(path)) return [];
    const file = relative(projectRoot, path);
    try {
      const json = JSON.parse(readFileSync(path, 'utf8')) as { id?: string; prevIds?: string[]; prevId?: string };
      // A merge snapshot lists several parents; two snapshots with the same parents are siblings, i.e. a collision.
      const parents = json.prevIds ?? (json.prevId ? [json.prevId] : []);
      return [{ file, id: json.id, prevId: parents.length ? [...parents].sort().join(',') : undefined }];
    } catch {
      return [{ file }];
    }
  });
  problems.push(...chainProblems(snapshots));
  return problems;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
