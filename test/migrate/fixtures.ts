// Drizzle projects written to temp folders in either layout, as drizzle-kit would write them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FixtureMigration {
  /** The part after the number/timestamp, e.g. `create_users`. */
  name: string;
  sql: string;
}

export interface Fixture {
  /** Project root (the action's working directory). */
  root: string;
  /** Absolute migrations folder (what drizzle-orm's migrate() gets as migrationsFolder). */
  dir: string;
  /** Names as Drizzle knows them: journal tags or v1 folder names. */
  names: string[];
  /** Adds migrations after the existing ones. */
  add(migrations: FixtureMigration[]): void;
  remove(): void;
}

const BASE_WHEN = Date.UTC(2025, 0, 1, 12, 0, 0);

/** A journal-layout project (`drizzle/meta/_journal.json` + `drizzle/<tag>.sql`). */
export function journalFixture(migrations: FixtureMigration[]): Fixture {
  const root = mkdtempSync(join(tmpdir(), 'migrate-journal-'));
  const dir = join(root, 'drizzle');
  mkdirSync(join(dir, 'meta'), { recursive: true });
  const entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[] = [];
  const fixture: Fixture = {
    root,
    dir,
    names: [],
    add(more) {
      for (const m of more) {
        const idx = entries.length;
        const tag = `${String(idx).padStart(4, '0')}_${m.name}`;
        entries.push({ idx, version: '7', when: BASE_WHEN + idx * 60_000, tag, breakpoints: true });
        writeFileSync(join(dir, `${tag}.sql`), m.sql);
        fixture.names.push(tag);
      }
      writeFileSync(
        join(dir, 'meta', '_journal.json'),
        JSON.stringify({ version: '7', dialect: 'postgresql', entries }, null, 2),
      );
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
  fixture.add(migrations);
  return fixture;
}

/** A drizzle-kit 1.x project (`drizzle/<YYYYMMDDHHMMSS>_<name>/migration.sql`). */
export function v1Fixture(migrations: FixtureMigration[]): Fixture {
  const root = mkdtempSync(join(tmpdir(), 'migrate-v1-'));
  const dir = join(root, 'drizzle');
  mkdirSync(dir, { recursive: true });
  let count = 0;
  const fixture: Fixture = {
    root,
    dir,
    names: [],
    add(more) {
      for (const m of more) {
        const at = new Date(BASE_WHEN + count++ * 60_000);
        const stamp = at.toISOString().replace(/[-:T]/g, '').slice(0, 14);
        const name = `${stamp}_${m.name}`;
        mkdirSync(join(dir, name));
        writeFileSync(join(dir, name, 'migration.sql'), m.sql);
        fixture.names.push(name);
      }
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
  fixture.add(migrations);
  return fixture;
}

export const USERS = {
  name: 'create_users',
  sql: 'CREATE TABLE "users" (\n\t"id" serial PRIMARY KEY NOT NULL,\n\t"email" text NOT NULL\n);\n--> statement-breakpoint\nCREATE UNIQUE INDEX "users_email_idx" ON "users" ("email");',
};
export const POSTS = {
  name: 'create_posts',
  sql: 'CREATE TABLE "posts" (\n\t"id" serial PRIMARY KEY NOT NULL,\n\t"user_id" integer NOT NULL REFERENCES "users"("id"),\n\t"title" text NOT NULL\n);',
};
export const COMMENTS = {
  name: 'add_comments',
  sql: 'CREATE TABLE "comments" ("id" serial PRIMARY KEY NOT NULL, "post_id" integer NOT NULL, "body" text);\n--> statement-breakpoint\nALTER TABLE "posts" ADD COLUMN "published" boolean DEFAULT false NOT NULL;',
};
