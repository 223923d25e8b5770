// The catalog comparison drift-check (and schema-check's "what changes") rely on: a database migrated on real
// PostgreSQL 15 compares clean against the same migrations replayed into PGlite (PostgreSQL 18), and every kind of
// manual change to it is found and named with the expected and actual definition.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  diffCatalogs,
  introspect,
  reconcileViewSpelling,
  replayMigrations,
  type Catalog,
  type Difference,
} from '../../actions/lib/catalog';
import type { PGliteClient } from '../../actions/lib/db/pglite';
import { splitChunks } from '../../actions/lib/migrations/chunks';
import { normaliseView } from '../../actions/lib/catalog/normalise';
import { loadMigrationFolder } from '../../actions/lib/migrations/folder';
import type { Migration, MigrationSet } from '../../actions/lib/migrations/model';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../support/postgres';
import { appMigrations, corpusDir, corpusFolders, introspectOptions, LEDGER, migrate, withPg } from './helpers';

const available = await postgresAvailable();
const CORPUS = corpusDir() ?? '';
const corpus = corpusFolders();
const options = introspectOptions(appMigrations());

interface Expected {
  catalog: Catalog;
  /** The embedded database the migrations were replayed into; it also re-renders live view text. */
  embedded: PGliteClient;
}

async function replay(set: MigrationSet): Promise<Expected> {
  const { client: embedded } = await replayMigrations(set.migrations, { ledger: LEDGER, layout: set.layout });
  return { catalog: await introspect(embedded, introspectOptions(set)), embedded };
}

/** What drift-check reports: the catalog differences, minus view text that only differs in spelling. */
async function compare(expected: Expected, actual: Catalog, ignore?: string[]): Promise<Difference[]> {
  return reconcileViewSpelling(diffCatalogs(expected.catalog, actual, { ignore }), expected.embedded);
}

// The fixture migrated into real PostgreSQL, and the catalog its migrations produce in PGlite: shared by the tests.
let db: TestDatabase;
let expected: Expected;
beforeAll(async () => {
  if (!available) return;
  db = await createTestDatabase('drift_kinds');
  const set = appMigrations();
  await migrate(db.url, set);
  expected = await replay(set);
}, 60_000);
afterAll(async () => {
  await expected?.embedded.close();
  await db?.drop();
});

describe.skipIf(!available)('no false positives: PostgreSQL 15 against PGlite', () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const corpusDb of databases) await corpusDb.drop();
  });

  it('the fixture with every object kind compares clean', async () => {
    const actual = await withPg(db.url, (c) => introspect(c, options));
    expect(actual.serverVersion).toBeLessThan(180000);
    expect(expected.catalog.serverVersion).toBeGreaterThanOrEqual(180000);
    // The fixture really has something of every kind, so "clean" means something.
    expect(actual.tables.flatMap((t) => t.policies)).not.toHaveLength(0);
    expect(actual.tables.flatMap((t) => t.triggers)).not.toHaveLength(0);
    expect(actual.views.filter((v) => v.materialized)).not.toHaveLength(0);
    expect(actual.extensions.map((e) => e.name)).toContain('pg_trgm');
    expect(await compare(expected, actual)).toEqual([]);
  });

  it('examples/basic compares clean', async () => {
    const exampleDb = await createTestDatabase('drift_example');
    databases.push(exampleDb);
    const root = join(import.meta.dirname, '..', '..', 'examples', 'basic');
    const set = loadMigrationFolder(join(root, 'drizzle'), root);
    await migrate(exampleDb.url, set);
    const actual = await withPg(exampleDb.url, (c) => introspect(c, introspectOptions(set)));
    expect(actual.tables.length).toBeGreaterThan(0);
    const exampleExpected = await replay(set);
    try {
      expect(await compare(exampleExpected, actual)).toEqual([]);
    } finally {
      await exampleExpected.embedded.close();
    }
  }, 60_000);

  for (const folder of corpus) {
    it(`corpus ${folder} compares clean`, async () => {
      const corpusDb = await createTestDatabase(`drift_${folder}`);
      databases.push(corpusDb);
      const set = loadMigrationFolder(join(CORPUS, folder), CORPUS);
      await migrate(corpusDb.url, set);
      const actual = await withPg(corpusDb.url, (c) => introspect(c, introspectOptions(set)));
      expect(actual.tables.length).toBeGreaterThan(0);
      const corpusExpected = await replay(set);
      try {
        expect(await compare(corpusExpected, actual)).toEqual([]);
      } finally {
        await corpusExpected.embedded.close();
      }
    }, 60_000);
  }
  if (corpus.length === 0) it.skip('corpus folders (../shared/corpus is absent)', () => undefined);
});

interface Drift {
  name: string;
  sql: string;
  expect: Partial<Difference> & { fromHas?: string; toHas?: string };
}

// One manual change per kind of object, as someone hot-fixing production would make it.
const DRIFTS: Drift[] = [
  {
    name: 'schema added',
    sql: 'CREATE SCHEMA reporting',
    expect: { change: 'added', objectType: 'schema', object: 'reporting' },
  },
  {
    name: 'schema dropped',
    sql: 'DROP SCHEMA billing CASCADE',
    expect: { change: 'removed', objectType: 'schema', object: 'billing' },
  },
  {
    name: 'table added',
    sql: 'CREATE TABLE public.notes (id int)',
    expect: { change: 'added', objectType: 'table', object: 'public.notes', toHas: 'id integer' },
  },
  {
    name: 'table dropped',
    sql: 'DROP TABLE billing.invoices CASCADE',
    expect: {
      change: 'removed',
      objectType: 'table',
      object: 'billing.invoices',
      fromHas: 'amount_cents integer NOT NULL DEFAULT 0',
    },
  },
  {
    name: 'column added',
    sql: 'ALTER TABLE users ADD COLUMN nickname text',
    expect: {
      change: 'added',
      objectType: 'column',
      object: 'public.users.nickname',
      table: 'public.users',
      to: 'text',
    },
  },
  {
    name: 'column dropped',
    sql: 'ALTER TABLE billing.invoices DROP COLUMN currency',
    expect: {
      change: 'removed',
      objectType: 'column',
      object: 'billing.invoices.currency',
      from: "character(3) NOT NULL DEFAULT 'EUR'::bpchar",
    },
  },
  {
    name: 'column type',
    sql: 'ALTER TABLE billing.invoices ALTER COLUMN currency TYPE varchar(3)',
    expect: {
      change: 'changed',
      objectType: 'column',
      object: 'billing.invoices.currency',
      aspects: ['type'],
      fromHas: 'character(3)',
      toHas: 'character varying(3)',
    },
  },
  {
    name: 'column nullability',
    sql: 'ALTER TABLE billing.invoices ALTER COLUMN note SET NOT NULL',
    expect: {
      change: 'changed',
      objectType: 'column',
      object: 'billing.invoices.note',
      aspects: ['not null'],
      from: 'text',
      to: 'text NOT NULL',
    },
  },
  {
    name: 'column default',
    sql: 'ALTER TABLE billing.invoices ALTER COLUMN amount_cents SET DEFAULT 100',
    expect: { change: 'changed', objectType: 'column', aspects: ['default'], toHas: 'DEFAULT 100' },
  },
  {
    name: 'column identity',
    sql: 'ALTER TABLE billing.invoices ALTER COLUMN id SET GENERATED BY DEFAULT',
    expect: {
      change: 'changed',
      objectType: 'column',
      object: 'billing.invoices.id',
      aspects: ['identity'],
      fromHas: 'GENERATED ALWAYS AS IDENTITY',
      toHas: 'GENERATED BY DEFAULT AS IDENTITY',
    },
  },
  {
    name: 'column generated',
    sql: 'ALTER TABLE users ALTER COLUMN email_lower DROP EXPRESSION',
    expect: {
      change: 'changed',
      objectType: 'column',
      object: 'public.users.email_lower',
      aspects: ['generated'],
      fromHas: 'GENERATED ALWAYS AS (lower((email)::text)) STORED',
      to: 'text',
    },
  },
  {
    name: 'column collation',
    sql: 'ALTER TABLE billing.invoices ALTER COLUMN note TYPE text COLLATE "POSIX"',
    expect: {
      change: 'changed',
      objectType: 'column',
      object: 'billing.invoices.note',
      aspects: ['collation'],
      to: 'text COLLATE "POSIX"',
    },
  },
  {
    name: 'primary key dropped',
    sql: 'ALTER TABLE billing.invoices DROP CONSTRAINT invoices_pkey',
    expect: {
      change: 'removed',
      objectType: 'constraint',
      object: 'billing.invoices.invoices_pkey',
      from: 'PRIMARY KEY (id)',
    },
  },
  {
    name: 'unique added',
    sql: 'ALTER TABLE billing.invoices ADD CONSTRAINT invoices_note_key UNIQUE (note)',
    expect: {
      change: 'added',
      objectType: 'constraint',
      object: 'billing.invoices.invoices_note_key',
      to: 'UNIQUE (note)',
    },
  },
  {
    name: 'check changed',
    sql: 'ALTER TABLE billing.invoices DROP CONSTRAINT invoices_amount_check, ADD CONSTRAINT invoices_amount_check CHECK (amount_cents >= 0)',
    expect: {
      change: 'changed',
      objectType: 'constraint',
      object: 'billing.invoices.invoices_amount_check',
      fromHas: "'USD'",
      to: 'CHECK (amount_cents >= 0)',
    },
  },
  {
    name: 'foreign key action',
    sql: 'ALTER TABLE billing.invoices DROP CONSTRAINT invoices_user_id_users_id_fk, ADD CONSTRAINT invoices_user_id_users_id_fk FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE SET NULL',
    expect: {
      change: 'changed',
      objectType: 'constraint',
      object: 'billing.invoices.invoices_user_id_users_id_fk',
      from: 'FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE',
      to: 'FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE SET NULL',
    },
  },
  {
    name: 'index added',
    sql: 'CREATE INDEX invoices_note_idx ON billing.invoices (note)',
    expect: {
      change: 'added',
      objectType: 'index',
      object: 'billing.invoices_note_idx',
      table: 'billing.invoices',
      to: 'CREATE INDEX invoices_note_idx ON billing.invoices USING btree (note)',
    },
  },
  {
    name: 'partial index changed',
    sql: 'DROP INDEX billing.invoices_open_idx; CREATE INDEX invoices_open_idx ON billing.invoices (issued_on) WHERE note IS NULL',
    expect: {
      change: 'changed',
      objectType: 'index',
      object: 'billing.invoices_open_idx',
      fromHas: 'amount_cents > 0',
      to: 'CREATE INDEX invoices_open_idx ON billing.invoices USING btree (issued_on) WHERE (note IS NULL)',
    },
  },
  {
    name: 'expression index dropped',
    sql: 'DROP INDEX users_email_lower_idx',
    expect: {
      change: 'removed',
      objectType: 'index',
      object: 'public.users_email_lower_idx',
      fromHas: 'lower((email)::text)',
    },
  },
  {
    name: 'enum value added',
    sql: "ALTER TYPE status ADD VALUE 'archived' BEFORE 'closed'",
    expect: {
      change: 'changed',
      objectType: 'enum',
      object: 'public.status',
      aspects: ['values'],
      from: "ENUM ('active', 'suspended', 'closed')",
      to: "ENUM ('active', 'suspended', 'archived', 'closed')",
    },
  },
  {
    name: 'enum value renamed',
    sql: "ALTER TYPE status RENAME VALUE 'closed' TO 'deleted'",
    expect: { change: 'changed', objectType: 'enum', object: 'public.status', toHas: "'deleted'" },
  },
  {
    name: 'sequence altered',
    sql: 'ALTER SEQUENCE billing.invoice_number_seq MAXVALUE 5000000',
    expect: {
      change: 'changed',
      objectType: 'sequence',
      object: 'billing.invoice_number_seq',
      aspects: ['maxvalue'],
      fromHas: 'MAXVALUE 999999',
      toHas: 'MAXVALUE 5000000',
    },
  },
  {
    name: 'sequence added',
    sql: 'CREATE SEQUENCE public.extra_seq',
    expect: { change: 'added', objectType: 'sequence', object: 'public.extra_seq' },
  },
  {
    name: 'view changed',
    sql: 'CREATE OR REPLACE VIEW active_users AS SELECT id, email, true AS is_active FROM users',
    expect: {
      change: 'changed',
      objectType: 'view',
      object: 'public.active_users',
      fromHas: "'closed'",
      to: 'SELECT id, email, true AS is_active FROM public.users',
    },
  },
  {
    name: 'view with sub-selects changed',
    sql: 'CREATE OR REPLACE VIEW invoiced_users AS SELECT id, email FROM users WHERE id IN (SELECT user_id FROM billing.invoices WHERE amount_cents > 5)',
    expect: {
      change: 'changed',
      objectType: 'view',
      object: 'public.invoiced_users',
      fromHas: 'EXISTS',
      toHas: 'amount_cents > 5',
    },
  },
  {
    name: 'view dropped',
    sql: 'DROP VIEW billing.big_invoices',
    expect: { change: 'removed', objectType: 'view', object: 'billing.big_invoices' },
  },
  {
    name: 'materialized view changed',
    sql: 'DROP MATERIALIZED VIEW billing.revenue_by_user; CREATE MATERIALIZED VIEW billing.revenue_by_user AS SELECT user_id, count(*) AS invoices FROM billing.invoices GROUP BY user_id',
    expect: {
      change: 'changed',
      objectType: 'materialized-view',
      object: 'billing.revenue_by_user',
      fromHas: 'sum(',
      toHas: 'count(*) AS invoices',
    },
  },
  {
    name: 'extension dropped',
    sql: 'DROP EXTENSION pg_trgm CASCADE',
    expect: { change: 'removed', objectType: 'extension', object: 'pg_trgm' },
  },
  {
    name: 'extension added',
    sql: 'CREATE EXTENSION citext',
    expect: { change: 'added', objectType: 'extension', object: 'citext', to: 'extension citext in schema public' },
  },
  {
    name: 'row level security disabled',
    sql: 'ALTER TABLE billing.invoices DISABLE ROW LEVEL SECURITY',
    expect: { change: 'removed', objectType: 'rls', object: 'billing.invoices', from: 'row level security enabled' },
  },
  {
    name: 'row level security forced',
    sql: 'ALTER TABLE billing.invoices FORCE ROW LEVEL SECURITY',
    expect: {
      change: 'changed',
      objectType: 'rls',
      object: 'billing.invoices',
      to: 'row level security enabled, forced',
    },
  },
  {
    name: 'row level security enabled',
    sql: 'ALTER TABLE users ENABLE ROW LEVEL SECURITY',
    expect: { change: 'added', objectType: 'rls', object: 'public.users' },
  },
  {
    name: 'policy dropped',
    sql: 'DROP POLICY invoices_owner ON billing.invoices',
    expect: {
      change: 'removed',
      objectType: 'policy',
      object: 'billing.invoices.invoices_owner',
      fromHas: "current_setting('app.user_id'::text, true)",
    },
  },
  {
    name: 'policy changed',
    sql: 'ALTER POLICY invoices_insert ON billing.invoices WITH CHECK (amount_cents < 500)',
    expect: {
      change: 'changed',
      objectType: 'policy',
      object: 'billing.invoices.invoices_insert',
      aspects: ['with check'],
      toHas: 'WITH CHECK ((amount_cents < 500))',
    },
  },
  {
    name: 'policy added',
    sql: 'CREATE POLICY everyone ON billing.invoices FOR DELETE USING (false)',
    expect: {
      change: 'added',
      objectType: 'policy',
      object: 'billing.invoices.everyone',
      toHas: 'FOR DELETE TO public USING (false)',
    },
  },
  {
    name: 'trigger dropped',
    sql: 'DROP TRIGGER users_touch ON users',
    expect: {
      change: 'removed',
      objectType: 'trigger',
      object: 'public.users.users_touch',
      fromHas: 'BEFORE UPDATE OF email, name ON public.users',
    },
  },
  {
    name: 'trigger disabled',
    sql: 'ALTER TABLE users DISABLE TRIGGER users_touch',
    expect: { change: 'changed', objectType: 'trigger', aspects: ['enabled'], toHas: '(disabled)' },
  },
  {
    name: 'trigger added',
    sql: 'CREATE TRIGGER invoices_touch BEFORE INSERT ON billing.invoices FOR EACH ROW EXECUTE FUNCTION touch_updated()',
    expect: {
      change: 'added',
      objectType: 'trigger',
      object: 'billing.invoices.invoices_touch',
      table: 'billing.invoices',
    },
  },
];

describe.skipIf(!available)('every kind of drift is found and named', () => {
  /** Makes the change, reads the catalog, and rolls the change back: PostgreSQL's DDL is transactional. */
  async function driftAfter(sql: string, ignore?: string[]): Promise<Difference[]> {
    return withPg(db.url, async (client) => {
      await client.exec('BEGIN');
      try {
        await client.exec(sql);
        return await compare(expected, await introspect(client, options), ignore);
      } finally {
        await client.exec('ROLLBACK');
      }
    });
  }

  for (const drift of DRIFTS) {
    it(drift.name, async () => {
      const differences = await driftAfter(drift.sql);
      const { fromHas, toHas, ...fields } = drift.expect;
      const match = differences.find(
        (d) => d.objectType === fields.objectType && (!fields.object || d.object === fields.object),
      );
      expect(match, JSON.stringify(differences, null, 2)).toMatchObject(fields);
      if (fromHas) expect(match?.from).toContain(fromHas);
      if (toHas) expect(match?.to).toContain(toHas);
      if (match?.change === 'added') expect(match.from).toBeUndefined();
      if (match?.change === 'removed') expect(match.to).toBeUndefined();
    });
  }

  it('lists an object of a dropped table or schema once, under the table or schema', async () => {
    const differences = await driftAfter('DROP SCHEMA billing CASCADE');
    // Views in public that read billing's tables go with it (CASCADE) and are listed; billing's content is not.
    expect(differences.filter((d) => (d.table ?? d.object).startsWith('billing'))).toEqual([
      expect.objectContaining({ change: 'removed', objectType: 'schema', object: 'billing' }),
    ]);
    expect(differences.map((d) => d.object)).toEqual(['billing', 'public.invoiced_users', 'public.paying_users']);
  });

  it('ignore patterns leave out objects and everything on matching tables', async () => {
    const sql = 'ALTER TABLE users ADD COLUMN nickname text; CREATE INDEX invoices_note_idx ON billing.invoices (note)';
    expect(await driftAfter(sql)).toHaveLength(2);
    expect(await driftAfter(sql, ['public.users'])).toEqual([expect.objectContaining({ objectType: 'index' })]);
    expect(await driftAfter(sql, ['*.invoices_*_idx', 'public.users.nick*'])).toEqual([]);
  });

  it('schemas limits what is read', async () => {
    const onlyPublic = await withPg(db.url, async (client) => {
      await client.exec('BEGIN');
      try {
        await client.exec('CREATE INDEX invoices_note_idx ON billing.invoices (note)');
        return await introspect(client, { ...options, schemas: ['public'] });
      } finally {
        await client.exec('ROLLBACK');
      }
    });
    expect(onlyPublic.schemas).toEqual(['public']);
    expect(onlyPublic.tables.map((t) => `${t.schema}.${t.name}`)).toContain('public.users');
    expect(new Set(onlyPublic.tables.map((t) => t.schema))).toEqual(new Set(['public']));
    expect(onlyPublic.grants.map((g) => g.target)).not.toContain('billing');
  });

  it('restores the session search_path after reading', async () => {
    const path = await withPg(db.url, async (client) => {
      await client.exec('SET search_path = billing, public');
      await introspect(client, options);
      return (await client.query<{ search_path: string }>('SHOW search_path'))[0]?.search_path;
    });
    expect(path).toBe('billing, public');
  });
});

describe('version-dependent view text', () => {
  it('rewrites PostgreSQL 15 qualified columns of a one-relation view into the 16+ spelling', () => {
    const pg15 = "SELECT users.id,\n    users.email\n   FROM public.users\n  WHERE users.status <> 'users.x'::text;";
    const pg18 = "SELECT id,\n    email\n   FROM public.users\n  WHERE status <> 'users.x'::text;";
    expect(normaliseView(pg15)).toBe(normaliseView(pg18));
    expect(normaliseView(pg18)).toBe("SELECT id, email FROM public.users WHERE status <> 'users.x'::text");
  });

  it('keeps qualifiers where they carry meaning (joins)', () => {
    const join = 'SELECT u.id, i.id AS invoice FROM public.users u JOIN billing.invoices i ON i.user_id = u.id;';
    expect(normaliseView(join)).toBe(
      'SELECT u.id, i.id AS invoice FROM public.users u JOIN billing.invoices i ON i.user_id = u.id',
    );
  });
});

function migration(name: string, sql: string): Migration {
  return {
    name,
    index: 0,
    file: `drizzle/${name}.sql`,
    absolutePath: `/nowhere/${name}.sql`,
    sql,
    hash: '',
    createdAt: 0,
    chunks: [{ sql, line: 1 }],
    noTransaction: false,
  };
}

describe('replaying migrations into PGlite', () => {
  it('creates roles that policies and grants name, which live on the server rather than in the files', async () => {
    const { client: embedded } = await replayMigrations(
      [
        migration(
          '0000_roles',
          'CREATE TABLE "notes" ("id" int);\nALTER TABLE "notes" ENABLE ROW LEVEL SECURITY;\nCREATE POLICY "own" ON "notes" TO "authenticated" USING (true);',
        ),
      ],
      { ledger: LEDGER, layout: 'journal' },
    );
    try {
      const catalog = await introspect(embedded);
      expect(catalog.tables.find((t) => t.name === 'notes')?.policies).toEqual([
        expect.objectContaining({ name: 'own', roles: ['authenticated'] }),
      ]);
    } finally {
      await embedded.close();
    }
  });

  it('skips and names what needs an extension PGlite does not ship, and replays the rest', async () => {
    const text = [
      'CREATE EXTENSION IF NOT EXISTS "postgis";',
      'CREATE TABLE "places" ("id" serial PRIMARY KEY, "at" geometry(Point, 4326));',
      'CREATE TABLE "notes" ("id" int);',
      'CREATE INDEX "places_at" ON "places" USING gist ("at");',
      'ALTER TABLE "notes" ADD COLUMN "where" geography;',
    ].join('\n--> statement-breakpoint\n');
    const geo = { ...migration('0000_geo', text), chunks: splitChunks(text) };
    const { client, unavailable, unreplayed } = await replayMigrations([geo], { ledger: LEDGER, layout: 'journal' });
    try {
      expect(unavailable).toEqual(['postgis']);
      expect(unreplayed.map((u) => [u.line, u.objects])).toEqual([
        [1, ['postgis']],
        [3, ['public.places', 'public.places_*_seq']],
        [7, ['public.places_at']],
        [9, ['public.notes.where']],
      ]);
      expect(unreplayed[1]!.statement).toBe(
        'CREATE TABLE "places" ("id" serial PRIMARY KEY, "at" geometry(Point, 4326));',
      );
      const catalog = await introspect(client, { schemas: ['public'] });
      expect(catalog.tables.map((t) => t.name)).toEqual(['notes']);
      const ledger = await client.query<{ hash: string }>('SELECT hash FROM drizzle.__drizzle_migrations');
      expect(ledger.map((r) => r.hash)).toEqual([geo.hash]);
    } finally {
      await client.close();
    }
  });
});
