// Step 3: a pull request whose schema and committed migrations disagree fails, shows the SQL drizzle-kit would
// write, and leaves the work tree exactly as it was; a rename question fails with the instruction to generate locally.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DRIZZLE_CONFIG,
  DRIZZLE_KIT,
  drizzleKitGenerate,
  pullRequestRepo,
  removeFixtures,
  runCheck,
  treeState,
} from './fixture.js';

afterAll(removeFixtures);

const USERS = `import { pgTable, serial, text } from 'drizzle-orm/pg-core';
export const users = pgTable('users', { id: serial('id').primaryKey(), name: text('name') });
`;
const generateCommand = `${DRIZZLE_KIT} generate --config drizzle.config.ts`;

function baseProject() {
  return { 'drizzle.config.ts': DRIZZLE_CONFIG, 'src/db/schema.ts': USERS };
}

describe('schema-check generate', () => {
  it('fails a schema change without its migration, shows the SQL and restores the work tree', async () => {
    const repo = pullRequestRepo(
      baseProject(),
      {
        'src/db/schema.ts': `${USERS}export const posts = pgTable('posts', { id: serial('id').primaryKey(), title: text('title').notNull() });\n`,
      },
      { nodeModules: true, prepareBase: drizzleKitGenerate },
    );
    // Uncommitted local files must survive too: the check restores what it found, not what git has.
    writeFileSync(join(repo.dir, 'drizzle', 'notes.md'), 'local, not committed\n');
    const before = treeState(repo.dir);
    const run = await runCheck(repo, { generate: 'true', 'generate-command': generateCommand });

    expect(run.exitCode).toBe(1);
    expect(run.outputs.result).toBe('failed');
    expect(run.summary).toContain('CREATE TABLE "posts"');
    expect(run.summary).toMatch(/drizzle\/0001_\w+\.sql/);
    const findings = JSON.parse(run.outputs.findings!) as { rule: string }[];
    expect(findings.map((f) => f.rule)).toContain('migration-not-generated');
    expect(run.stdout + run.stderr).toMatch(/::error::schema-check: .*generate/);
    expect(treeState(repo.dir)).toBe(before);
  });

  it('passes when the committed migrations match the schema', async () => {
    const repo = pullRequestRepo(
      baseProject(),
      (dir) => {
        const schema = `${USERS}export const tags = pgTable('tags', { id: serial('id').primaryKey() });\n`;
        writeFileSync(join(dir, 'src/db/schema.ts'), schema);
        drizzleKitGenerate(dir);
      },
      { nodeModules: true, prepareBase: drizzleKitGenerate },
    );
    const before = treeState(repo.dir);
    const run = await runCheck(repo, { generate: 'true', 'generate-command': generateCommand });
    expect(run.outputs.result, run.summary).toBe('passed');
    expect(JSON.parse(run.outputs['new-migrations']!)).toHaveLength(1);
    expect(treeState(repo.dir)).toBe(before);
  });

  it('fails with the instruction to generate locally when drizzle-kit would ask about a rename', async () => {
    const repo = pullRequestRepo(
      baseProject(),
      { 'src/db/schema.ts': USERS.replace("name: text('name')", "fullName: text('full_name')") },
      { nodeModules: true, prepareBase: drizzleKitGenerate },
    );
    const before = treeState(repo.dir);
    const run = await runCheck(repo, { generate: 'true', 'generate-command': generateCommand });
    expect(run.exitCode).toBe(1);
    const findings = JSON.parse(run.outputs.findings!) as { rule: string; message: string }[];
    const finding = findings.find((f) => f.rule === 'generate-needs-answer');
    expect(finding?.message).toMatch(/rename/);
    expect(finding?.message).toMatch(/locally/);
    expect(treeState(repo.dir)).toBe(before);
  });
});
