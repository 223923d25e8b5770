// One small project per real-world shape, as the public Drizzle apps have them. `base` is the deployed history (the
// base commit of a pull request); `change` is what a pull request adds on top (an ordinary migration).
import { journalFolder, minutes, table, type Entry } from './shapes.js';

export interface RealShape {
  name: string;
  /** Deployed history: the folder at the base commit. */
  base: Entry[];
  /** Files in the base folder besides the journal's (relative to the migrations folder). */
  extra?: Record<string, string>;
  /** What the pull request adds. */
  change: Entry[];
  /** The integrity warning the base's quirk gives, if any. */
  inherited?: string;
  /** Extensions the PostgreSQL server must have (.ci/run installs pgvector). */
  needs?: string[];
}

const BP = '\n--> statement-breakpoint\n';
const sql = (...statements: string[]) => statements.join(BP) + '\n';
const change = (at: number, name = 'notes'): Entry[] => [
  { tag: `${String(at).padStart(4, '0')}_${name}`, when: minutes(1000 + at), sql: table(name) },
];

const RLS_TABLES = ['accounts', 'projects', 'tasks', 'comments', 'files', 'invites'];

export const SHAPES: RealShape[] = [
  {
    name: 'timestamp-prefixed file names',
    base: [
      { tag: '20240101120000_init', when: minutes(10), sql: table('users') },
      { tag: '20240102093000_posts', when: minutes(20), sql: table('posts') },
    ],
    change: [{ tag: '20240301080000_notes', when: minutes(30), sql: table('notes') }],
  },
  {
    name: 'when going backwards in deployed history',
    base: [
      { tag: '0000_users', when: minutes(10), sql: table('users') },
      { tag: '0001_posts', when: minutes(50), sql: table('posts') },
      { tag: '0002_tags', when: minutes(20), sql: table('tags') },
    ],
    change: change(6),
    inherited: 'journal-when-not-increasing',
  },
  {
    name: 'a deleted journal entry',
    base: [
      { tag: '0000_users', when: minutes(10), sql: table('users'), idx: 0 },
      { tag: '0002_posts', when: minutes(20), sql: table('posts'), idx: 2 },
      { tag: '0003_tags', when: minutes(30), sql: table('tags'), idx: 3 },
    ],
    change: [{ tag: '0004_notes', when: minutes(40), sql: table('notes'), idx: 4 }],
    inherited: 'journal-index-gap',
  },
  {
    name: 'SQL files missing from the journal',
    base: [
      { tag: '0000_users', when: minutes(10), sql: table('users') },
      { tag: '0001_posts', when: minutes(20), sql: table('posts') },
    ],
    extra: { '0001_posts_old.sql': table('old_posts'), 'custom_seed.sql': 'INSERT INTO "users" DEFAULT VALUES;\n' },
    change: change(2),
    inherited: 'sql-file-not-in-journal',
  },
  {
    name: 'foreign keys wrapped in DO $$ BEGIN … EXCEPTION WHEN duplicate_object',
    base: [
      {
        tag: '0000_init',
        when: minutes(10),
        sql: sql(
          'CREATE TABLE IF NOT EXISTS "users" ("id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL, "email" varchar(64) NOT NULL);',
          'CREATE TABLE IF NOT EXISTS "chats" ("id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL, "user_id" uuid NOT NULL);',
          `DO $$ BEGIN\n ALTER TABLE "chats" ADD CONSTRAINT "chats_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;\nEXCEPTION\n WHEN duplicate_object THEN null;\nEND $$;`,
        ),
      },
      {
        tag: '0001_again',
        when: minutes(20),
        sql: sql(
          `DO $$ BEGIN\n ALTER TABLE "chats" ADD CONSTRAINT "chats_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;\nEXCEPTION\n WHEN duplicate_object THEN null;\nEND $$;`,
        ),
      },
    ],
    change: change(2),
  },
  {
    name: 'row-level security on many tables',
    base: [
      {
        tag: '0000_rls',
        when: minutes(10),
        sql: sql(
          ...RLS_TABLES.flatMap((t) => [
            `CREATE TABLE "${t}" ("id" serial PRIMARY KEY, "owner" text NOT NULL DEFAULT current_user);`,
            `ALTER TABLE "${t}" ENABLE ROW LEVEL SECURITY;`,
            `CREATE POLICY "${t}_owner" ON "${t}" AS PERMISSIVE FOR ALL TO public USING ("owner" = current_user) WITH CHECK ("owner" = current_user);`,
          ]),
          `ALTER TABLE "accounts" FORCE ROW LEVEL SECURITY;`,
        ),
      },
    ],
    change: change(1),
  },
  {
    name: 'pgvector with HNSW and IVFFlat indexes',
    needs: ['vector'],
    base: [
      {
        tag: '0000_vector',
        when: minutes(10),
        sql: sql(
          'CREATE EXTENSION IF NOT EXISTS vector;',
          'CREATE TABLE "documents" ("id" serial PRIMARY KEY, "content" text NOT NULL, "embedding" vector(3) NOT NULL, "summary" halfvec(3));',
          'CREATE INDEX "documents_embedding_hnsw" ON "documents" USING hnsw ("embedding" vector_cosine_ops) WITH (m = 16, ef_construction = 64);',
          'CREATE INDEX "documents_embedding_l2" ON "documents" USING hnsw ("embedding" vector_l2_ops);',
          `INSERT INTO "documents" ("content", "embedding") VALUES ('a', '[1,0,0]'), ('b', '[0,1,0]'), ('c', '[0,0,1]');`,
          'CREATE INDEX "documents_embedding_ivfflat" ON "documents" USING ivfflat ("embedding" vector_ip_ops) WITH (lists = 1);',
          `CREATE VIEW "nearest" AS SELECT "id", "embedding" <=> '[1,0,0]' AS "cosine", "embedding" <-> '[1,0,0]' AS "l2", "embedding" <#> '[1,0,0]' AS "inner" FROM "documents";`,
        ),
      },
    ],
    change: change(1),
  },
  {
    name: 'triggers and functions',
    base: [
      {
        tag: '0000_triggers',
        when: minutes(10),
        sql: sql(
          'CREATE TABLE "posts" ("id" serial PRIMARY KEY, "title" text NOT NULL, "updated_at" timestamptz DEFAULT now() NOT NULL);',
          `CREATE OR REPLACE FUNCTION "set_updated_at"() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  NEW."updated_at" := now();\n  RETURN NEW;\nEND;\n$$;`,
          'CREATE TRIGGER "posts_updated_at" BEFORE UPDATE ON "posts" FOR EACH ROW EXECUTE FUNCTION "set_updated_at"();',
          `CREATE FUNCTION "post_count"() RETURNS bigint LANGUAGE sql STABLE AS 'SELECT count(*) FROM "posts"';`,
        ),
      },
    ],
    change: change(1),
  },
  {
    name: 'an embedded COMMIT before CREATE INDEX CONCURRENTLY',
    base: [
      { tag: '0000_users', when: minutes(10), sql: 'CREATE TABLE "users" ("id" serial PRIMARY KEY, "email" text);\n' },
      {
        tag: '0001_email_index',
        when: minutes(20),
        sql: sql(
          'ALTER TABLE "users" ADD COLUMN "name" text;',
          'COMMIT;',
          'CREATE INDEX CONCURRENTLY IF NOT EXISTS "users_email" ON "users" ("email");',
          'ALTER TABLE "users" ADD COLUMN "bio" text;',
        ),
      },
    ],
    change: change(2),
  },
];

/** The project's files (drizzle.config.ts and drizzle/…) for the base commit, and for the change on top. */
export function shapeFiles(shape: RealShape): { base: Record<string, string>; head: Record<string, string> } {
  const inDrizzle = (files: Record<string, string>) =>
    Object.fromEntries(Object.entries(files).map(([path, text]) => [`drizzle/${path}`, text]));
  const config = {
    'drizzle.config.ts': `export default { dialect: 'postgresql', schema: './schema.ts', out: './drizzle' };\n`,
  };
  return {
    base: { ...config, ...inDrizzle(journalFolder(shape.base, shape.extra)) },
    head: inDrizzle(journalFolder([...shape.base, ...shape.change], shape.extra)),
  };
}
