// `schema-actions check` on a laptop or in a pre-commit hook: no pull request, so the base is HEAD and migrations
// not committed yet are the new ones.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { journalFiles, pullRequestRepo, removeFixtures, writeFiles, type MigrationFile } from './fixture.js';

afterAll(removeFixtures);

const CLI = resolve('bin/schema-actions.js');
const CONFIG = { 'drizzle.config.ts': "export default { dialect: 'postgresql', out: './drizzle' };\n" };
const USERS: MigrationFile = {
  tag: '0000_users',
  when: 1_700_000_000_000,
  sql: 'CREATE TABLE "users" ("id" serial PRIMARY KEY);\n',
};
const TEAMS: MigrationFile = {
  tag: '0001_teams',
  when: 1_700_000_300_000,
  sql: 'CREATE TABLE "teams" ("id" serial PRIMARY KEY);\n',
};

function check(dir: string, ...args: string[]) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('GITHUB_')));
  return spawnSync(process.execPath, [CLI, 'check', '--generate', 'false', ...args], {
    cwd: dir,
    env,
    encoding: 'utf8',
    timeout: 90_000,
  });
}

describe('schema-actions check (CLI)', () => {
  it('treats uncommitted migrations as new and prints the report', () => {
    const repo = pullRequestRepo({ ...CONFIG, ...journalFiles([USERS]) }, journalFiles([USERS, TEAMS]));
    const posts: MigrationFile = {
      tag: '0002_posts',
      when: 1_700_000_600_000,
      sql: 'CREATE TABLE "posts" ("id" serial PRIMARY KEY);\n',
    };
    writeFiles(repo.dir, journalFiles([USERS, TEAMS, posts]));
    const result = check(repo.dir);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('## Schema check ✅ passed');
    expect(result.stdout).toContain('| `drizzle/0002_posts.sql` |');
  });

  it('exits 1 naming the problem when an uncommitted migration sorts before a committed one', () => {
    const repo = pullRequestRepo({ ...CONFIG, ...journalFiles([USERS]) }, journalFiles([USERS, TEAMS]));
    const early: MigrationFile = {
      tag: '0002_early',
      when: 1_700_000_100_000,
      sql: 'CREATE TABLE "early" ("id" serial);\n',
    };
    writeFiles(repo.dir, journalFiles([USERS, TEAMS, early]));
    const result = check(repo.dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/drizzle\/0002_early\.sql: error: 0002_early .* sorts before 0001_teams/);
  });
});
