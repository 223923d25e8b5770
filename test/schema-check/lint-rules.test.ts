// Lint rules on PostgreSQL's own parse tree, in-process from sources: each rule fires on the risky statement at its
// file line, and stays quiet on the safe variant.
import { describe, expect, it } from 'vitest';
import { lintMigrations } from '../../actions/schema-check/lint';
import { sha256, splitChunks, wantsNoTransaction } from '../../actions/lib/migrations/chunks';
import type { Migration } from '../../actions/lib/migrations/model';

function migration(name: string, sql: string): Migration {
  return {
    name,
    index: 0,
    file: `drizzle/${name}.sql`,
    absolutePath: `/tmp/${name}.sql`,
    sql,
    hash: sha256(sql),
    createdAt: 0,
    chunks: splitChunks(sql),
    noTransaction: wantsNoTransaction(sql),
  };
}

async function rulesOf(sql: string, columnTypes: Record<string, string> = {}) {
  const result = await lintMigrations([migration('0001_change', sql)], {
    ignore: [],
    columnType: (table, column) => columnTypes[`${table}.${column}`],
  });
  return result.findings.map((f) => `${f.rule}@${f.line}`);
}

describe('lint rules', () => {
  it('flags destructive and locking statements at their lines', async () => {
    const sql = [
      'DROP TABLE "sessions";--> statement-breakpoint',
      'ALTER TABLE "users" DROP COLUMN "legacy";--> statement-breakpoint',
      'ALTER TABLE "users" RENAME TO "accounts";--> statement-breakpoint',
      'ALTER TABLE "users" RENAME COLUMN "name" TO "full_name";--> statement-breakpoint',
      'ALTER TABLE "users" ALTER COLUMN "age" SET DATA TYPE bigint;--> statement-breakpoint',
      'ALTER TABLE "users" ADD COLUMN "plan" text NOT NULL;--> statement-breakpoint',
      'ALTER TABLE "users" ALTER COLUMN "email" SET NOT NULL;--> statement-breakpoint',
      'CREATE INDEX "users_email_idx" ON "users" USING btree ("email");--> statement-breakpoint',
      'ALTER TABLE "posts" ADD CONSTRAINT "posts_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id");--> statement-breakpoint',
      'ALTER TABLE "posts" ADD CONSTRAINT "posts_len" CHECK (length("title") < 200);--> statement-breakpoint',
      'ALTER TABLE "posts" ADD CONSTRAINT "posts_slug_unique" UNIQUE("slug");--> statement-breakpoint',
      'DROP TYPE "public"."mood";--> statement-breakpoint',
      'TRUNCATE "events";--> statement-breakpoint',
      'DELETE FROM "events";--> statement-breakpoint',
      'UPDATE "users" SET "plan" = \'free\';--> statement-breakpoint',
      'CREATE INDEX CONCURRENTLY "posts_slug_idx" ON "posts" ("slug");',
    ].join('\n');
    expect(await rulesOf(sql)).toEqual([
      'drop-table@1',
      'drop-column@2',
      'rename-table@3',
      'rename-column@4',
      'alter-column-type@5',
      'add-not-null-column-without-default@6',
      'set-not-null@7',
      'create-index-without-concurrently@8',
      'add-foreign-key-without-not-valid@9',
      'add-check-without-not-valid@10',
      'add-unique-constraint@11',
      'drop-type@12',
      'truncate@13',
      'delete-without-where@14',
      'update-without-where@15',
      'concurrently-in-transaction@16',
    ]);
  });

  it('accepts the safe alternatives and anything done to tables the change creates', async () => {
    const sql = [
      'CREATE TABLE "orders" ("id" serial PRIMARY KEY, "user_id" integer NOT NULL);--> statement-breakpoint',
      'ALTER TABLE "orders" ADD CONSTRAINT "orders_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id");--> statement-breakpoint',
      'CREATE INDEX "orders_user_idx" ON "orders" ("user_id");--> statement-breakpoint',
      'ALTER TABLE "users" ADD COLUMN "plan" text DEFAULT \'free\' NOT NULL;--> statement-breakpoint',
      'ALTER TABLE "users" ADD COLUMN "nickname" text;--> statement-breakpoint',
      'ALTER TABLE "posts" ADD CONSTRAINT "posts_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") NOT VALID;--> statement-breakpoint',
      'ALTER TABLE "posts" VALIDATE CONSTRAINT "posts_user_fk";--> statement-breakpoint',
      'ALTER TABLE "users" ALTER COLUMN "name" SET DATA TYPE varchar(200);--> statement-breakpoint',
      'ALTER TABLE "users" ALTER COLUMN "bio" SET DATA TYPE text;--> statement-breakpoint',
      'DELETE FROM "events" WHERE "created_at" < now() - interval \'1 year\';',
    ].join('\n');
    const types = { 'public.users.name': 'character varying(100)', 'public.users.bio': 'character varying(500)' };
    expect(await rulesOf(sql, types)).toEqual([]);
  });

  it('still flags a narrowing type change', async () => {
    const sql = 'ALTER TABLE "users" ALTER COLUMN "name" SET DATA TYPE varchar(50);';
    expect(await rulesOf(sql, { 'public.users.name': 'character varying(100)' })).toEqual(['alter-column-type@1']);
  });

  it('allows CONCURRENTLY in a migration marked to run outside the transaction', async () => {
    const sql = '-- schema-actions:no-transaction\nCREATE INDEX CONCURRENTLY "users_email_idx" ON "users" ("email");\n';
    expect(await rulesOf(sql)).toEqual([]);
  });

  it('honours an ignore comment with a reason on the line before, and asks for a reason otherwise', async () => {
    const sql = [
      'ALTER TABLE "users" ADD COLUMN "x" integer;--> statement-breakpoint',
      '-- schema-check:ignore drop-column the app stopped reading it in v2.3',
      'ALTER TABLE "users" DROP COLUMN "legacy";--> statement-breakpoint',
      '-- schema-check:ignore drop-table',
      'DROP TABLE "old";',
    ].join('\n');
    const result = await lintMigrations([migration('0001_change', sql)], { ignore: [] });
    expect(result.suppressed).toEqual([
      { rule: 'drop-column', file: 'drizzle/0001_change.sql', line: 3, reason: 'the app stopped reading it in v2.3' },
    ]);
    expect(result.findings.map((f) => `${f.rule}@${f.line}`)).toEqual(['drop-table@5', 'ignore-without-reason@4']);
  });

  it('reports a statement PostgreSQL cannot parse at its line', async () => {
    expect(await rulesOf('CREATE TABLE "a" ("id" integer);\nCREATE TABEL "b" ("id" integer);')).toEqual([
      'syntax-error@2',
    ]);
  });
});
