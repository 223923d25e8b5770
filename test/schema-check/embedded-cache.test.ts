// Issue 20: the embedded database's state after the base migrations is saved and reused while they stay the same.
// A re-run applies only the new migrations and reaches the same verdict; a changed base, a corrupt or a tampered entry
// never passes for the state the run needs.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ActionRun } from '../support/runner.js';
import {
  DRIZZLE_CONFIG,
  journalFiles,
  pullRequestRepo,
  removeFixtures,
  runCheck,
  type MigrationFile,
} from './fixture.js';

const cacheDirs: string[] = [];
afterAll(() => {
  removeFixtures();
  for (const dir of cacheDirs) rmSync(dir, { recursive: true, force: true });
});

function newCacheDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'schema-check-cache-'));
  cacheDirs.push(dir);
  return dir;
}

const base: MigrationFile[] = [
  { tag: '0000_init', when: 1_700_000_000_000, sql: 'CREATE TABLE "users" ("id" serial PRIMARY KEY, "email" text);\n' },
  {
    tag: '0001_posts',
    when: 1_700_000_100_000,
    sql: 'CREATE TABLE "posts" ("id" serial PRIMARY KEY, "user_id" integer REFERENCES "users"("id"));\n--> statement-breakpoint\nGRANT SELECT ON "posts" TO "reader";\n',
  },
];
// Fails on the seed's duplicate emails: the seed must run on a restored base too.
const added: MigrationFile = {
  tag: '0002_unique_email',
  when: 1_700_000_200_000,
  sql: 'ALTER TABLE "users" ADD CONSTRAINT "users_email_unique" UNIQUE ("email");\n--> statement-breakpoint\nALTER TABLE "posts" ADD COLUMN "title" text NOT NULL;\n',
};
const SEED = `INSERT INTO "users" ("email") VALUES ('a@example.com'), ('a@example.com');\n`;

function repoWith(baseMigrations: MigrationFile[]) {
  return pullRequestRepo(
    { 'drizzle.config.ts': DRIZZLE_CONFIG, 'seed.sql': SEED, ...journalFiles(baseMigrations) },
    journalFiles([...baseMigrations, added]),
  );
}

const check = (repo: ReturnType<typeof repoWith>, cacheDir: string) =>
  runCheck(repo, { 'seed-sql': 'seed.sql', 'embedded-cache-dir': cacheDir });

/** What a user relies on from a run: the verdict, the findings and the effects, not the timings. */
function verdict(run: ActionRun) {
  return { result: run.outputs.result, findings: run.outputs.findings, effects: run.outputs.effects };
}

const restored = (run: ActionRun) => /base migrations \(\d+\) restored from/.test(run.logs);
const warnings = (run: ActionRun) => run.annotations.filter((a) => a.level === 'warning').map((a) => a.message);

describe('schema-check embedded-cache', () => {
  it('reuses the base state on a second run, with the same verdict, findings and effects', async () => {
    const cacheDir = newCacheDir();
    const repo = repoWith(base);
    const first = await check(repo, cacheDir);
    expect(first.outputs.result, first.summary).toBe('failed');
    expect(first.outputs.findings).toContain('users_email_unique');
    expect(restored(first)).toBe(false);
    expect(readdirSync(cacheDir).filter((e) => !e.startsWith('.'))).toHaveLength(1);

    const second = await check(repo, cacheDir);
    expect(restored(second), second.logs).toBe(true);
    expect(verdict(second)).toEqual(verdict(first));
    expect(warnings(second)).toEqual(warnings(first));

    const uncached = await runCheck(repo, { 'seed-sql': 'seed.sql', 'embedded-cache': 'false' });
    expect(verdict(uncached)).toEqual(verdict(first));
  });

  it('applies the base again when a base migration changed', async () => {
    const cacheDir = newCacheDir();
    const first = await check(repoWith(base), cacheDir);
    expect(first.outputs.result).toBe('failed');
    const changedBase = [
      base[0]!,
      { ...base[1]!, sql: base[1]!.sql.replace('"user_id" integer', '"author_id" integer') },
    ];
    const second = await check(repoWith(changedBase), cacheDir);
    expect(restored(second)).toBe(false);
    expect(second.outputs.result).toBe('failed');
    expect(second.outputs.findings).toContain('users_email_unique');
  });

  it('falls back to a clean apply, with a warning, when the saved state is corrupt', async () => {
    const cacheDir = newCacheDir();
    const repo = repoWith(base);
    const first = await check(repo, cacheDir);
    const [entry] = readdirSync(cacheDir).filter((e) => !e.startsWith('.'));
    const archive = join(cacheDir, entry!, 'state.tar');
    const bytes = readFileSync(archive);
    bytes.write('garbage', Math.floor(bytes.length / 2));
    writeFileSync(archive, bytes);

    const second = await check(repo, cacheDir);
    expect(restored(second)).toBe(false);
    expect(warnings(second).join('\n')).toMatch(
      /saved base state .* was not used: .*checksum.*applying the base migrations/,
    );
    expect(verdict(second)).toEqual(verdict(first));

    // The bad entry was replaced by a good one.
    const third = await check(repo, cacheDir);
    expect(restored(third)).toBe(true);
    expect(verdict(third)).toEqual(verdict(first));
  });

  it('never uses a saved state whose key does not match, even under the right name', async () => {
    const cacheDir = newCacheDir();
    const repo = repoWith(base);
    const first = await check(repo, cacheDir);
    const [entry] = readdirSync(cacheDir).filter((e) => !e.startsWith('.'));
    const keyFile = join(cacheDir, entry!, 'key.json');
    const key = JSON.parse(readFileSync(keyFile, 'utf8')) as { recipe: { migrations: unknown[] } };
    key.recipe.migrations = key.recipe.migrations.slice(0, 1);
    writeFileSync(keyFile, JSON.stringify(key));

    const second = await check(repo, cacheDir);
    expect(restored(second)).toBe(false);
    expect(warnings(second).join('\n')).toMatch(/does not match what this run needs/);
    expect(verdict(second)).toEqual(verdict(first));
  });
});

describe('schema-check embedded-cache, a state from another base under the right key', () => {
  it('is caught by its ledger and not used', async () => {
    const [shortDir, rightDir] = [newCacheDir(), newCacheDir()];
    await check(repoWith(base.slice(0, 1)), shortDir);
    const repo = repoWith(base);
    const first = await check(repo, rightDir);
    const entryOf = (dir: string) => join(dir, readdirSync(dir).filter((e) => !e.startsWith('.'))[0]!);
    const [shortEntry, rightEntry] = [entryOf(shortDir), entryOf(rightDir)];
    // The other base's archive, with a key that vouches for it: only the ledger check can tell.
    writeFileSync(join(rightEntry, 'state.tar'), readFileSync(join(shortEntry, 'state.tar')));
    const key = JSON.parse(readFileSync(join(rightEntry, 'key.json'), 'utf8')) as { sha256: string };
    key.sha256 = (JSON.parse(readFileSync(join(shortEntry, 'key.json'), 'utf8')) as { sha256: string }).sha256;
    writeFileSync(join(rightEntry, 'key.json'), JSON.stringify(key));

    const second = await check(repo, rightDir);
    expect(restored(second)).toBe(false);
    expect(warnings(second).join('\n')).toMatch(/ledger does not list exactly the base migrations/);
    expect(verdict(second)).toEqual(verdict(first));
  });
});
