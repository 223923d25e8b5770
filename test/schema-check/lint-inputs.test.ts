// Lint through the committed schema-check bundle: lint-enable for the opt-in rules, the schema before the change
// (read from PGlite) deciding SET NOT NULL, and findings inside a DO block at their file line.
import { afterAll, describe, expect, it } from 'vitest';
import { journalFiles, pullRequestRepo, removeFixtures, runCheck, type MigrationFile } from './fixture.js';

const CONFIG = { 'drizzle.config.ts': "export default { dialect: 'postgresql', out: './drizzle' };\n" };
const BASE: MigrationFile[] = [
  {
    tag: '0000_init',
    when: 1_700_000_000_000,
    sql: [
      'CREATE TABLE "users" ("id" bigint PRIMARY KEY NOT NULL, "email" text, "name" text);--> statement-breakpoint',
      'ALTER TABLE "users" ADD CONSTRAINT "users_email_nn" CHECK ("email" IS NOT NULL);--> statement-breakpoint',
      'CREATE TABLE "posts" ("id" bigint PRIMARY KEY NOT NULL, "user_id" bigint);',
      '',
    ].join('\n'),
  },
];

interface Finding {
  rule: string;
  severity: string;
  file?: string;
  line?: number;
}
const findingsOf = (outputs: Record<string, string>) => JSON.parse(outputs.findings ?? '[]') as Finding[];
const change = (sql: string) =>
  pullRequestRepo(
    { ...CONFIG, ...journalFiles(BASE) },
    journalFiles([...BASE, { tag: '0001_change', when: 1_700_000_100_000, sql }]),
  );

afterAll(removeFixtures);

describe('schema-check lint inputs through the bundle', () => {
  it('runs an opt-in rule only when lint-enable names it, and fail-on applies to it', async () => {
    const repo = change('ALTER TABLE "users" ADD COLUMN "seen_at" timestamp;\n');
    const plain = await runCheck(repo, { generate: 'false', 'fail-on': 'warning' });
    expect(plain.outputs.result, plain.summary).toBe('passed');
    const enabled = await runCheck(repo, {
      generate: 'false',
      'fail-on': 'warning',
      'lint-enable': 'prefer-timestamptz',
    });
    expect(enabled.outputs.result).toBe('failed');
    expect(findingsOf(enabled.outputs)).toContainEqual(
      expect.objectContaining({ rule: 'prefer-timestamptz', file: 'drizzle/0001_change.sql', line: 1 }),
    );
  });

  it('does not flag SET NOT NULL that a validated check in the base schema proves, and flags it otherwise', async () => {
    const sql =
      'ALTER TABLE "users" ALTER COLUMN "email" SET NOT NULL;--> statement-breakpoint\nALTER TABLE "users" ALTER COLUMN "name" SET NOT NULL;\n';
    const run = await runCheck(change(sql), { generate: 'false', 'fail-on': 'warning' });
    expect(findingsOf(run.outputs).filter((f) => f.rule === 'set-not-null')).toEqual([
      expect.objectContaining({ file: 'drizzle/0001_change.sql', line: 2 }),
    ]);
  });

  it('reports a foreign key inside a DO block at its own line', async () => {
    const sql = [
      'DO $$ BEGIN',
      ' ALTER TABLE "posts" ADD CONSTRAINT "posts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;',
      'EXCEPTION',
      ' WHEN duplicate_object THEN null;',
      'END $$;',
      '',
    ].join('\n');
    const run = await runCheck(change(sql), { generate: 'false' });
    expect(run.outputs.result, run.summary).toBe('passed');
    expect(findingsOf(run.outputs)).toEqual([
      expect.objectContaining({
        rule: 'add-foreign-key-without-not-valid',
        severity: 'warning',
        file: 'drizzle/0001_change.sql',
        line: 2,
      }),
    ]);
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ level: 'warning', file: 'drizzle/0001_change.sql', line: 2 }),
    );
  });
});
