// Migration folders shaped like the ones real repositories have (deployed history with quirks, extensions, RLS,
// triggers, an embedded COMMIT), written to temp folders exactly as drizzle-kit lays them out.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface Entry {
  tag: string;
  when: number;
  sql: string;
  /** Defaults to the entry's position; set it to reproduce a deleted or hand-edited entry. */
  idx?: number;
}

export const T0 = Date.UTC(2024, 0, 1);
export const minutes = (n: number) => T0 + n * 60_000;

/** `<dir>/<tag>.sql` for each entry plus `<dir>/meta/_journal.json`, and any extra files (paths relative to dir). */
export function journalFolder(entries: Entry[], extra: Record<string, string> = {}): Record<string, string> {
  const files: Record<string, string> = { ...extra };
  for (const e of entries) files[`${e.tag}.sql`] = e.sql;
  files['meta/_journal.json'] = JSON.stringify(
    {
      version: '7',
      dialect: 'postgresql',
      entries: entries.map((e, i) => ({ idx: e.idx ?? i, version: '7', when: e.when, tag: e.tag, breakpoints: true })),
    },
    null,
    2,
  );
  return files;
}

/** drizzle-kit 1.x's layout: `<YYYYMMDDhhmmss>_<name>/migration.sql`. */
export function v1Folder(migrations: { name: string; sql?: string }[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const m of migrations) files[`${m.name}/${m.sql === undefined ? 'README.md' : 'migration.sql'}`] = m.sql ?? '';
  return files;
}

const made: string[] = [];

/** Writes files under a new temp folder and returns it. */
export function writeTemp(files: Record<string, string>, prefix = 'real-repos-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  writeTree(dir, files);
  return dir;
}

export function writeTree(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

export function removeTemps(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export const table = (name: string) => `CREATE TABLE "${name}" ("id" serial PRIMARY KEY);\n`;
