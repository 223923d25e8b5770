// Lint rules on PostgreSQL's own parse tree, in-process from sources: each rule fires on the risky statement at its
// file line, and stays quiet on the safe variant.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { introspect, type Catalog } from '../../actions/lib/catalog';
import { openEmbedded, type PGliteClient } from '../../actions/lib/db/pglite';
import { lintMigrations, RULES, type LintOptions } from '../../actions/schema-check/lint';
import { sha256, splitChunks, wantsNoTransaction } from '../../actions/lib/migrations/chunks';
import type { Migration } from '../../actions/lib/migrations/model';

function migration(name: string, sql: string, index = 0): Migration {
  return {
    name,
    index,
    file: `drizzle/${name}.sql`,
    absolutePath: `/tmp/${name}.sql`,
    sql,
    hash: sha256(sql),
    createdAt: index,
    chunks: splitChunks(sql),
    noTransaction: wantsNoTransaction(sql),
  };
}

/** One deploy: each SQL text is one new migration, in order. */
async function lint(sql: string | string[], options: Partial<LintOptions> = {}) {
  const files = (Array.isArray(sql) ? sql : [sql]).map((text, i) => migration(`000${i + 1}_change`, text, i));
  return lintMigrations(files, { ignore: [], ...options });
}

async function rulesOf(sql: string | string[], options: Partial<LintOptions> = {}) {
  return (await lint(sql, options)).findings.map((f) => `${f.rule}@${f.line}`);
}

const NO_TRANSACTION = '-- schema-actions:no-transaction\n';
const BP = '--> statement-breakpoint';

interface RuleCase {
  /** A deploy the rule must flag, on line `line` of its last migration (1 unless given). */
  flags: string | string[];
  line?: number;
  /** A deploy doing the same safely, where the rule must stay quiet. */
  passes: string | string[];
  options?: Partial<LintOptions>;
}

const CASES: Record<keyof typeof RULES, RuleCase> = {
  'drop-table': {
    flags: 'DROP TABLE "sessions";',
    passes: `CREATE TABLE "scratch" ("id" integer);${BP}\nDROP TABLE "scratch";`,
  },
  'drop-column': {
    flags: 'ALTER TABLE "users" DROP COLUMN "legacy";',
    passes: `CREATE TABLE "scratch" ("id" integer, "x" text);${BP}\nALTER TABLE "scratch" DROP COLUMN "x";`,
  },
  'rename-table': {
    flags: 'ALTER TABLE "users" RENAME TO "accounts";',
    passes: `CREATE TABLE "scratch" ("id" integer);${BP}\nALTER TABLE "scratch" RENAME TO "draft";`,
  },
  'rename-column': {
    flags: 'ALTER TABLE "users" RENAME COLUMN "name" TO "full_name";',
    passes: `CREATE TABLE "scratch" ("id" integer);${BP}\nALTER TABLE "scratch" RENAME COLUMN "id" TO "key";`,
  },
  'alter-column-type': {
    flags: 'ALTER TABLE "users" ALTER COLUMN "age" SET DATA TYPE bigint;',
    passes: 'ALTER TABLE "users" ALTER COLUMN "name" SET DATA TYPE varchar(200);',
    options: { columnType: (t, c) => (`${t}.${c}` === 'public.users.name' ? 'character varying(100)' : undefined) },
  },
  'add-not-null-column-without-default': {
    flags: 'ALTER TABLE "users" ADD COLUMN "plan" text NOT NULL;',
    passes: 'ALTER TABLE "users" ADD COLUMN "plan" text DEFAULT \'free\' NOT NULL;',
  },
  'add-column-volatile-default': {
    flags: 'ALTER TABLE "users" ADD COLUMN "token" uuid DEFAULT gen_random_uuid() NOT NULL;',
    passes: 'ALTER TABLE "users" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;',
  },
  'add-column-stored-generated': {
    flags: 'ALTER TABLE "orders" ADD COLUMN "total" integer GENERATED ALWAYS AS ("net" + "tax") STORED;',
    passes:
      'CREATE TABLE "lines" ("net" integer, "tax" integer, "total" integer GENERATED ALWAYS AS ("net" + "tax") STORED);',
  },
  'set-not-null': {
    flags: 'ALTER TABLE "users" ALTER COLUMN "email" SET NOT NULL;',
    passes: [
      'ALTER TABLE "users" ADD CONSTRAINT "users_email_nn" CHECK ("email" IS NOT NULL);',
      'ALTER TABLE "users" ALTER COLUMN "email" SET NOT NULL;',
    ],
  },
  'drop-not-null': {
    flags: 'ALTER TABLE "users" ALTER COLUMN "email" DROP NOT NULL;',
    passes: `CREATE TABLE "scratch" ("x" text NOT NULL);${BP}\nALTER TABLE "scratch" ALTER COLUMN "x" DROP NOT NULL;`,
  },
  'drop-default': {
    flags: 'ALTER TABLE "users" ALTER COLUMN "plan" DROP DEFAULT;',
    passes: 'ALTER TABLE "users" ALTER COLUMN "plan" SET DEFAULT \'pro\';',
  },
  'create-index-without-concurrently': {
    flags: 'CREATE INDEX "users_email_idx" ON "users" USING btree ("email");',
    passes: `${NO_TRANSACTION}CREATE INDEX CONCURRENTLY "users_email_idx" ON "users" USING btree ("email");`,
    line: 1,
  },
  'drop-index-without-concurrently': {
    flags: 'DROP INDEX "users_email_idx";',
    passes: `CREATE INDEX "scratch_idx" ON "users" ("email");${BP}\nDROP INDEX "scratch_idx";`,
  },
  'reindex-without-concurrently': {
    flags: 'REINDEX INDEX "users_email_idx";',
    passes: `${NO_TRANSACTION}REINDEX INDEX CONCURRENTLY "users_email_idx";`,
  },
  'concurrently-in-transaction': {
    flags: 'CREATE INDEX CONCURRENTLY "posts_slug_idx" ON "posts" ("slug");',
    passes: `${NO_TRANSACTION}CREATE INDEX CONCURRENTLY "posts_slug_idx" ON "posts" ("slug");`,
  },
  'add-foreign-key-without-not-valid': {
    flags: 'ALTER TABLE "posts" ADD CONSTRAINT "posts_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id");',
    passes:
      'ALTER TABLE "posts" ADD CONSTRAINT "posts_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") NOT VALID;',
  },
  'add-check-without-not-valid': {
    flags: 'ALTER TABLE "posts" ADD CONSTRAINT "posts_len" CHECK (length("title") < 200);',
    passes: 'ALTER TABLE "posts" ADD CONSTRAINT "posts_len" CHECK (length("title") < 200) NOT VALID;',
  },
  'validate-in-same-deploy': {
    flags: [
      'ALTER TABLE "posts" ADD CONSTRAINT "posts_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") NOT VALID;',
      'ALTER TABLE "posts" VALIDATE CONSTRAINT "posts_user_fk";',
    ],
    // The NOT VALID constraint shipped in an earlier deploy: this one only validates it.
    passes: 'ALTER TABLE "posts" VALIDATE CONSTRAINT "posts_user_fk";',
  },
  'add-unique-constraint': {
    flags: 'ALTER TABLE "posts" ADD CONSTRAINT "posts_slug_unique" UNIQUE("slug");',
    passes: 'ALTER TABLE "posts" ADD CONSTRAINT "posts_slug_unique" UNIQUE USING INDEX "posts_slug_idx";',
  },
  'drop-type': {
    flags: 'DROP TYPE "public"."mood";',
    passes: `CREATE TYPE "public"."draft_mood" AS ENUM('a');${BP}\nDROP TYPE "public"."draft_mood";`,
  },
  truncate: {
    flags: 'TRUNCATE "events";',
    passes: `CREATE TABLE "staging" ("id" integer);${BP}\nTRUNCATE "staging";`,
  },
  'delete-without-where': {
    flags: 'DELETE FROM "events";',
    passes: 'DELETE FROM "events" WHERE "created_at" < now() - interval \'1 year\';',
  },
  'update-without-where': {
    flags: 'UPDATE "users" SET "plan" = \'free\';',
    passes: 'UPDATE "users" SET "plan" = \'free\' WHERE "plan" IS NULL;',
  },
  'vacuum-full': {
    flags: 'VACUUM FULL "events";',
    passes: `${NO_TRANSACTION}VACUUM (ANALYZE) "events";`,
  },
  cluster: {
    flags: 'CLUSTER "events" USING "events_pkey";',
    passes: `CREATE TABLE "scratch" ("id" integer PRIMARY KEY);${BP}\nCLUSTER "scratch" USING "scratch_pkey";`,
  },
  'transaction-control': {
    flags: `ALTER TABLE "users" ADD COLUMN "x" integer;${BP}\nCOMMIT;`,
    line: 2,
    passes: `${NO_TRANSACTION}BEGIN;\nUPDATE "users" SET "plan" = 'free' WHERE "plan" IS NULL;\nCOMMIT;`,
  },
  'identifier-too-long': {
    // drizzle-kit's name for a foreign key: table_column_referencedTable_referencedColumn_fk.
    flags:
      'ALTER TABLE "organization_members" ADD CONSTRAINT "organization_members_organization_id_organizations_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "organizations"("organization_id") NOT VALID;',
    // Exactly 63 bytes is kept whole.
    passes: `ALTER TABLE "users" ADD CONSTRAINT "${'c'.repeat(63)}" CHECK ("age" > 0) NOT VALID;`,
  },
  'prefer-timestamptz': {
    flags: 'CREATE TABLE "events" ("id" bigint PRIMARY KEY, "at" timestamp DEFAULT now() NOT NULL);',
    passes: 'CREATE TABLE "events" ("id" bigint PRIMARY KEY, "at" timestamp with time zone DEFAULT now() NOT NULL);',
    options: { enable: ['prefer-timestamptz'] },
  },
  'prefer-bigint-primary-key': {
    flags: 'CREATE TABLE "events" ("id" integer PRIMARY KEY NOT NULL);',
    passes: 'CREATE TABLE "events" ("id" bigint PRIMARY KEY NOT NULL);',
    options: { enable: ['prefer-bigint-primary-key'] },
  },
  'prefer-identity': {
    flags: 'CREATE TABLE "events" ("id" bigserial PRIMARY KEY NOT NULL);',
    passes: 'CREATE TABLE "events" ("id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY);',
    options: { enable: ['prefer-identity'] },
  },
};

describe('every lint rule', () => {
  for (const [rule, c] of Object.entries(CASES)) {
    it(`${rule}: flags the risky form and accepts the safe one`, async () => {
      const flagged = (await lint(c.flags, c.options)).findings.filter((f) => f.rule === rule);
      const files = Array.isArray(c.flags) ? c.flags : [c.flags];
      expect(flagged.map((f) => `${f.file}:${f.line}`)).toEqual([
        `drizzle/000${files.length}_change.sql:${c.line ?? 1}`,
      ]);
      expect(flagged[0]).toMatchObject({
        severity: RULES[rule as keyof typeof RULES].severity,
        alternative: expect.any(String),
      });
      expect((await lint(c.passes, c.options)).findings.filter((f) => f.rule === rule)).toEqual([]);
    });
  }

  it('has a case for each rule, and each rule says why it matters and what to do instead', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(RULES).sort());
    for (const definition of Object.values(RULES)) {
      expect(definition.why.length).toBeGreaterThan(20);
      expect(definition.alternative.length).toBeGreaterThan(20);
    }
  });

  it('advises a later deploy, never a later migration, since Drizzle ships a deploy in one transaction', () => {
    for (const definition of Object.values(RULES)) expect(definition.alternative).not.toMatch(/later migration/);
    expect(RULES['add-foreign-key-without-not-valid'].alternative).toMatch(/later deploy/);
    expect(RULES['add-check-without-not-valid'].alternative).toMatch(/later deploy/);
  });
});

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
      'ALTER TABLE "orders" ADD COLUMN "ref" uuid DEFAULT gen_random_uuid() UNIQUE;--> statement-breakpoint',
      'ALTER TABLE "users" ADD COLUMN "plan" text DEFAULT \'free\' NOT NULL;--> statement-breakpoint',
      'ALTER TABLE "users" ADD COLUMN "nickname" text;--> statement-breakpoint',
      'ALTER TABLE "users" ADD COLUMN "seen_at" timestamp DEFAULT current_timestamp;--> statement-breakpoint',
      'ALTER TABLE "posts" ADD CONSTRAINT "posts_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") NOT VALID;--> statement-breakpoint',
      'ALTER TABLE "users" ALTER COLUMN "name" SET DATA TYPE varchar(200);--> statement-breakpoint',
      'ALTER TABLE "users" ALTER COLUMN "bio" SET DATA TYPE text;--> statement-breakpoint',
      'DELETE FROM "events" WHERE "created_at" < now() - interval \'1 year\';',
    ].join('\n');
    const types: Record<string, string> = {
      'public.users.name': 'character varying(100)',
      'public.users.bio': 'character varying(500)',
    };
    expect(await rulesOf(sql, { columnType: (t, c) => types[`${t}.${c}`] })).toEqual([]);
  });

  it('still flags a narrowing type change', async () => {
    const sql = 'ALTER TABLE "users" ALTER COLUMN "name" SET DATA TYPE varchar(50);';
    const columnType = () => 'character varying(100)';
    expect(await rulesOf(sql, { columnType })).toEqual(['alter-column-type@1']);
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
    const result = await lint(sql);
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

describe('constraints declared inside ADD COLUMN', () => {
  it('flags inline REFERENCES, UNIQUE and PRIMARY KEY like their ADD CONSTRAINT forms', async () => {
    const sql = [
      'ALTER TABLE "posts" ADD COLUMN "user_id" integer REFERENCES "users"("id");--> statement-breakpoint',
      'ALTER TABLE "posts" ADD COLUMN "bar" text UNIQUE;--> statement-breakpoint',
      'ALTER TABLE "posts" ADD COLUMN "score" integer CHECK ("score" >= 0);',
    ].join('\n');
    expect(await rulesOf(sql)).toEqual([
      'add-foreign-key-without-not-valid@1',
      'add-unique-constraint@2',
      'add-check-without-not-valid@3',
    ]);
  });

  it('flags `serial PRIMARY KEY` (as drizzle-kit writes it) for its index and for the rewrite its sequence causes', async () => {
    expect(await rulesOf('ALTER TABLE "legacy" ADD COLUMN "id" serial PRIMARY KEY NOT NULL;')).toEqual([
      'add-column-volatile-default@1',
      'add-unique-constraint@1',
    ]);
  });
});

describe('volatile defaults and generated columns rewrite the table', () => {
  it('flags per-row defaults and identity, not constant or stable ones', async () => {
    const sql = [
      'ALTER TABLE "t" ADD COLUMN "a" double precision DEFAULT random();--> statement-breakpoint',
      'ALTER TABLE "t" ADD COLUMN "b" timestamp with time zone DEFAULT clock_timestamp();--> statement-breakpoint',
      'ALTER TABLE "t" ADD COLUMN "c" bigint GENERATED ALWAYS AS IDENTITY;--> statement-breakpoint',
      'ALTER TABLE "t" ADD COLUMN "d" text DEFAULT \'x\';--> statement-breakpoint',
      'ALTER TABLE "t" ADD COLUMN "e" timestamp with time zone DEFAULT CURRENT_TIMESTAMP;--> statement-breakpoint',
      'ALTER TABLE "t" ADD COLUMN "f" date DEFAULT now()::date;',
    ].join('\n');
    expect(await rulesOf(sql)).toEqual([
      'add-column-volatile-default@1',
      'add-column-volatile-default@2',
      'add-column-volatile-default@3',
    ]);
  });
});

describe('statements inside DO blocks', () => {
  const drizzleFk = [
    'CREATE TABLE IF NOT EXISTS "comments" ("id" serial PRIMARY KEY NOT NULL, "post_id" integer);',
    BP,
    'DO $$ BEGIN',
    ' ALTER TABLE "posts" ADD CONSTRAINT "posts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;',
    'EXCEPTION',
    ' WHEN duplicate_object THEN null;',
    'END $$;',
    BP,
    'DO $$ BEGIN',
    ' ALTER TABLE "comments" ADD CONSTRAINT "comments_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;',
    'EXCEPTION',
    ' WHEN duplicate_object THEN null;',
    'END $$;',
  ].join('\n');

  it("lints older drizzle-kit's DO $$ … EXCEPTION WHEN duplicate_object wrapper at the inner statement's line", async () => {
    // posts existed before (flagged); comments is created by this change (not flagged).
    expect(await rulesOf(drizzleFk)).toEqual(['add-foreign-key-without-not-valid@4']);
  });

  it('finds statements in branches and constant EXECUTEs, with lines counted from where the body starts', async () => {
    const sql = [
      'ALTER TABLE "users" ADD COLUMN "x" integer;',
      BP,
      'DO',
      '$body$',
      'BEGIN',
      "  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'users_email_unique') THEN",
      '    ALTER TABLE "users" ADD CONSTRAINT "users_email_unique" UNIQUE ("email");',
      '  ELSE',
      '    EXECUTE \'DROP TABLE "sessions"\';',
      '  END IF;',
      '  CREATE INDEX CONCURRENTLY "users_x_idx" ON "users" ("x");',
      'END',
      '$body$;',
    ].join('\n');
    expect(await rulesOf(sql)).toEqual(['add-unique-constraint@7', 'drop-table@9', 'concurrently-in-transaction@11']);
    const result = await lint(`${NO_TRANSACTION}${sql}`);
    expect(result.findings.find((f) => f.rule === 'concurrently-in-transaction')?.message).toMatch(/DO block/);
  });

  it('honours an ignore comment above the DO', async () => {
    const sql = drizzleFk.replace(
      `${BP}\nDO`,
      `${BP}\n-- schema-check:ignore add-foreign-key-without-not-valid posts is tiny (under 100 rows)\nDO`,
    );
    const result = await lint(sql);
    expect(result.findings).toEqual([]);
    expect(result.suppressed).toEqual([
      expect.objectContaining({ rule: 'add-foreign-key-without-not-valid', line: 5 }),
    ]);
  });

  it('reports a body PL/pgSQL rejects at the DO, as a warning that its statements were not linted', async () => {
    const { findings } = await lint('SELECT 1;\nDO $$ BEGIN ALTER TABLE; END $$;');
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'syntax-error',
        severity: 'warning',
        line: 2,
        message: expect.stringMatching(/not linted/),
      }),
    ]);
  });

  it('leaves DO blocks in other languages alone', async () => {
    expect(await rulesOf('DO LANGUAGE sql $$ DROP TABLE x $$;')).toEqual([]);
  });
});

describe('VALIDATE CONSTRAINT in the same deploy as its NOT VALID constraint', () => {
  it('is flagged in the same migration and across migrations of the deploy, naming where it was added', async () => {
    const add = 'ALTER TABLE "posts" ADD CONSTRAINT "posts_len" CHECK (length("title") < 200) NOT VALID;';
    const validate = 'ALTER TABLE "posts" VALIDATE CONSTRAINT "posts_len";';
    expect(await rulesOf(`${add}${BP}\n${validate}`)).toEqual(['validate-in-same-deploy@2']);
    const across = await lint([add, validate]);
    expect(across.findings.map((f) => `${f.file}:${f.line} ${f.rule}`)).toEqual([
      'drizzle/0002_change.sql:1 validate-in-same-deploy',
    ]);
    expect(across.findings[0]!.message).toContain('drizzle/0001_change.sql:1');
    expect(across.findings[0]!.alternative).toMatch(/later deploy/);
  });
});

describe('SET NOT NULL proven by a validated CHECK', () => {
  let db: PGliteClient;
  beforeAll(async () => {
    db = await openEmbedded();
  });
  afterAll(() => db.close());
  /** The schema before the change, read from PostgreSQL (PGlite) after the base migration ran. */
  async function catalogAfter(sql: string): Promise<Catalog> {
    await db.exec(`DROP TABLE IF EXISTS "users"; ${sql}`);
    return introspect(db);
  }
  const base = 'CREATE TABLE "users" ("id" integer PRIMARY KEY, "email" text, "name" text);';
  const setNotNull = 'ALTER TABLE "users" ALTER COLUMN "email" SET NOT NULL;';

  it('is not flagged when the schema before the change has the validated check', async () => {
    const before = await catalogAfter(
      `${base} ALTER TABLE "users" ADD CONSTRAINT "users_email_nn" CHECK ("email" IS NOT NULL AND length("email") > 3);`,
    );
    expect(await rulesOf(setNotNull, { before })).toEqual([]);
  });

  it('is flagged when that check is NOT VALID yet, or proves another column', async () => {
    const notValid = await catalogAfter(
      `${base} ALTER TABLE "users" ADD CONSTRAINT "users_email_nn" CHECK ("email" IS NOT NULL) NOT VALID;`,
    );
    expect(await rulesOf(setNotNull, { before: notValid })).toEqual(['set-not-null@1']);
    const other = await catalogAfter(
      `${base} ALTER TABLE "users" ADD CONSTRAINT "users_name_nn" CHECK ("name" IS NOT NULL);`,
    );
    expect(await rulesOf(setNotNull, { before: other })).toEqual(['set-not-null@1']);
  });

  it('is not flagged after the change itself validated such a check (flagged for the validation instead)', async () => {
    const sql = [
      'ALTER TABLE "users" ADD CONSTRAINT "users_email_nn" CHECK ("email" IS NOT NULL) NOT VALID;',
      'ALTER TABLE "users" VALIDATE CONSTRAINT "users_email_nn";',
      setNotNull,
    ];
    expect(await rulesOf(sql.join(`${BP}\n`))).toEqual(['validate-in-same-deploy@2']);
  });
});

describe('CONCURRENTLY and the transaction blocks PostgreSQL sees', () => {
  it('flags CREATE INDEX CONCURRENTLY sharing a chunk with other statements in a no-transaction migration', async () => {
    const shared = `${NO_TRANSACTION}CREATE INDEX CONCURRENTLY "a_idx" ON "users" ("a");\nCREATE INDEX CONCURRENTLY "b_idx" ON "users" ("b");`;
    expect(await rulesOf(shared)).toEqual(['concurrently-in-transaction@2', 'concurrently-in-transaction@3']);
    const message = (await lint(shared)).findings[0]!.message;
    expect(message).toMatch(/implicit transaction/);
    const separate = `${NO_TRANSACTION}CREATE INDEX CONCURRENTLY "a_idx" ON "users" ("a");${BP}\nCREATE INDEX CONCURRENTLY "b_idx" ON "users" ("b");`;
    expect(await rulesOf(separate)).toEqual([]);
  });

  it('after an explicit COMMIT, a CONCURRENTLY alone in its chunk runs; the COMMIT itself is the finding', async () => {
    const sql = [
      'ALTER TABLE "users" ADD COLUMN "x" integer;',
      BP,
      'COMMIT;',
      BP,
      'CREATE INDEX CONCURRENTLY "users_x_idx" ON "users" ("x");',
    ].join('\n');
    const result = await lint(sql);
    expect(result.findings.map((f) => `${f.rule}@${f.line}`)).toEqual(['transaction-control@3']);
    expect(result.findings[0]!.message).toMatch(/no longer atomic/);
    // In the same chunk as the COMMIT it is still part of one multi-statement query.
    expect(await rulesOf('COMMIT;\nCREATE INDEX CONCURRENTLY "users_x_idx" ON "users" ("x");')).toEqual([
      'transaction-control@1',
      'concurrently-in-transaction@2',
    ]);
  });

  it('a BEGIN reopens a transaction for what follows, and a ROLLBACK is explained', async () => {
    const sql = [
      'COMMIT;',
      BP,
      'BEGIN;',
      BP,
      'CREATE INDEX CONCURRENTLY "users_x_idx" ON "users" ("x");',
      BP,
      'ROLLBACK;',
    ].join('\n');
    const result = await lint(sql);
    expect(result.findings.map((f) => `${f.rule}@${f.line}`)).toEqual([
      'transaction-control@1',
      'transaction-control@3',
      'concurrently-in-transaction@5',
      'transaction-control@7',
    ]);
    expect(result.findings[3]!.message).toMatch(/discards everything/);
  });
});

describe('identifiers longer than 63 bytes', () => {
  it('names the identifier, its length and what PostgreSQL truncates it to, at its own line', async () => {
    const long = 'organization_members_organization_id_organizations_organization_id_fk';
    const sql = `DO $$ BEGIN\n ALTER TABLE "organization_members"\n  ADD CONSTRAINT "${long}" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") NOT VALID;\nEXCEPTION\n WHEN duplicate_object THEN null;\nEND $$;`;
    const result = await lint(sql);
    expect(result.findings.map((f) => `${f.rule}@${f.line}`)).toEqual(['identifier-too-long@3']);
    expect(result.findings[0]!.message).toContain(`"${long}" is ${long.length} bytes`);
    expect(result.findings[0]!.message).toContain(`"${long.slice(0, 63)}"`);
  });

  it('counts bytes, not characters', async () => {
    const name = 'é'.repeat(32); // 32 characters, 64 bytes
    expect(await rulesOf(`CREATE TABLE "${name}" ("id" bigint);`)).toEqual(['identifier-too-long@1']);
  });
});

describe('opt-in style rules', () => {
  const sql = 'CREATE TABLE "events" ("id" serial PRIMARY KEY NOT NULL, "at" timestamp NOT NULL);';

  it('are off unless lint-enable names them', async () => {
    expect(await rulesOf(sql)).toEqual([]);
    expect(
      await rulesOf(sql, { enable: ['prefer-timestamptz', 'prefer-identity', 'prefer-bigint-primary-key'] }),
    ).toEqual(['prefer-identity@1', 'prefer-bigint-primary-key@1', 'prefer-timestamptz@1']);
  });

  it('also check ADD COLUMN and type changes, on existing tables too', async () => {
    const alter = [
      'ALTER TABLE "users" ADD COLUMN "seen_at" timestamp;',
      'ALTER TABLE "users" ALTER COLUMN "born_at" SET DATA TYPE timestamp;',
    ].join(`${BP}\n`);
    const found = await rulesOf(alter, { enable: ['prefer-timestamptz'] });
    expect(found).toEqual(['prefer-timestamptz@1', 'alter-column-type@2', 'prefer-timestamptz@2']);
  });

  it('reports an unknown id in lint-enable, like one in lint-ignore', async () => {
    const result = await lint(sql, { enable: ['prefer-uuid'], ignore: ['no-such-rule'] });
    expect(result.findings.map((f) => `${f.rule}: ${f.message.split(',')[0]}`)).toEqual([
      'unknown-rule: lint-enable names "prefer-uuid"',
      'unknown-rule: lint-ignore names "no-such-rule"',
    ]);
  });
});

const CORPUS = '/work/shared/corpus';

/** Each real-world migration file, with its text. */
function corpusFiles(): { folder: string; file: string; sql: string }[] {
  if (!existsSync(CORPUS)) return [];
  return readdirSync(CORPUS)
    .filter((folder) => statSync(join(CORPUS, folder)).isDirectory())
    .flatMap((folder) =>
      readdirSync(join(CORPUS, folder))
        .filter((file) => file.endsWith('.sql'))
        .map((file) => ({ folder, file, sql: readFileSync(join(CORPUS, folder, file), 'utf8') })),
    );
}

/**
 * The oracle, read from the text alone: lines inside a DO block that add a foreign key to a table the same file does
 * not create. Those tables existed before, so each must be flagged exactly there.
 */
function foreignKeysInDoBlocks(sql: string): { lines: number[]; all: number; inDoBlock: (line: number) => boolean } {
  const created = new Set([...sql.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"([^"]+)"/g)].map((m) => m[1]));
  const ranges: [number, number][] = [];
  const lines: number[] = [];
  let all = 0;
  let open: number | undefined;
  sql.split('\n').forEach((text, index) => {
    const line = index + 1;
    if (/^DO \$\$/.test(text)) open = line;
    const fk = text.match(/^\s*ALTER TABLE "([^"]+)" ADD CONSTRAINT "[^"]+" FOREIGN KEY/);
    if (open !== undefined && fk) all++;
    if (open !== undefined && fk && !created.has(fk[1])) lines.push(line);
    if (open !== undefined && /END \$\$;/.test(text)) {
      ranges.push([open, line]);
      open = undefined;
    }
  });
  return { lines, all, inDoBlock: (line) => ranges.some(([from, to]) => line >= from && line <= to) };
}

describe.skipIf(!existsSync(CORPUS))('lint on the real-world corpus', () => {
  it('flags each foreign key drizzle-kit wrapped in DO $$ … duplicate_object on an existing table, at its line', async () => {
    const files = corpusFiles().filter((f) => f.sql.includes('DO $$'));
    let flagged = 0;
    let wrapped = 0;
    for (const { folder, file, sql } of files) {
      const oracle = foreignKeysInDoBlocks(sql);
      const { findings } = await lintMigrations([migration(file.replace(/\.sql$/, ''), sql)], { ignore: [] });
      const found = findings
        .filter((f) => f.rule === 'add-foreign-key-without-not-valid' && oracle.inDoBlock(f.line!))
        .map((f) => f.line);
      expect(found, `${folder}/${file}`).toEqual(oracle.lines);
      expect(
        findings.filter((f) => f.rule === 'syntax-error'),
        `${folder}/${file}`,
      ).toEqual([]);
      flagged += oracle.lines.length;
      wrapped += oracle.all;
    }
    // The corpus holds about a hundred DO blocks, most of them foreign keys; many are on tables their own file creates.
    expect(wrapped).toBeGreaterThan(75);
    expect(flagged).toBeGreaterThan(20);
  });

  it('flags every quoted name longer than 63 bytes in the corpus (drizzle-kit foreign keys), at its line', async () => {
    const expected: string[] = [];
    const found: string[] = [];
    for (const { folder, file, sql } of corpusFiles()) {
      sql.split('\n').forEach((text, index) => {
        const long = [...text.matchAll(/"((?:[^"]|"")+)"/g)].some((m) => Buffer.byteLength(m[1]!) > 63);
        if (long) expected.push(`${folder}/${file}:${index + 1}`);
      });
      const { findings } = await lintMigrations([migration(file.replace(/\.sql$/, ''), sql)], { ignore: [] });
      for (const f of findings) if (f.rule === 'identifier-too-long') found.push(`${folder}/${file}:${f.line}`);
    }
    expect(expected.length).toBeGreaterThan(0);
    expect([...new Set(found)]).toEqual(expected);
  });
});
