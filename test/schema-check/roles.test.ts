// Supabase-style migrations grant to and write policies for roles that exist on every real server (authenticated,
// anon) but not in a fresh embedded database: the check must apply them as the deploy would.
import { afterAll, describe, expect, it } from 'vitest';
import { DRIZZLE_CONFIG, journalFiles, pullRequestRepo, removeFixtures, runCheck } from './fixture.js';

describe('schema-check with roles the migrations name', () => {
  afterAll(() => removeFixtures());

  it('applies policies and grants to roles that live on the server, not in the files', async () => {
    const base = [{ tag: '0000_init', when: 1_700_000_000_000, sql: 'CREATE TABLE "notes" ("id" int PRIMARY KEY);\n' }];
    const policy = {
      tag: '0001_rls',
      when: 1_700_000_100_000,
      sql: [
        'ALTER TABLE "notes" ENABLE ROW LEVEL SECURITY;',
        'CREATE POLICY "own notes" ON "notes" AS PERMISSIVE FOR SELECT TO "authenticated" USING (true);',
        'GRANT SELECT ON "notes" TO "anon";',
      ].join('\n--> statement-breakpoint\n'),
    };
    const repo = pullRequestRepo(
      { 'drizzle.config.ts': DRIZZLE_CONFIG, ...journalFiles(base) },
      journalFiles([...base, policy]),
    );
    const run = await runCheck(repo, { lint: 'false' });
    expect(run.outputs.result, run.summary).toBe('passed');
  });
});
