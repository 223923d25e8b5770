// Every kind of object beyond tables and their columns (functions, types, grants, comments, options...): a database
// migrated on real PostgreSQL 15 compares clean against the PGlite (PostgreSQL 18) replay, one hand-made change to
// one object is reported with its name and expected/actual definitions, and the suggested SQL puts it back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suggestSql } from '../../actions/drift-check/fix';
import { renderDriftReport } from '../../actions/drift-check/report';
import {
  diffCatalogs,
  flattenCatalog,
  introspect,
  objectKey,
  ownedBy,
  reconcileViewSpelling,
  replayMigrations,
  alignVersions,
  type Catalog,
  type Difference,
  type IntrospectOptions,
} from '../../actions/lib/catalog';
import type { PGliteClient } from '../../actions/lib/db/pglite';
import type { PostgresClient } from '../../actions/lib/db/postgres';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../support/postgres';
import { appMigrations, introspectOptions, LEDGER, migrate, withPg } from './helpers';

const available = await postgresAvailable();
const set = appMigrations();
const options = introspectOptions(set);

let db: TestDatabase;
let embedded: PGliteClient;
let expected: Catalog;
beforeAll(async () => {
  if (!available) return;
  db = await createTestDatabase('drift_object_kinds');
  await migrate(db.url, set);
  ({ client: embedded } = await replayMigrations(set.migrations, { ledger: LEDGER, layout: set.layout }));
  expected = await introspect(embedded, options);
}, 60_000);
afterAll(async () => {
  await embedded?.close();
  await db?.drop();
});

async function compare(client: PostgresClient, opts: IntrospectOptions = options, want = expected) {
  const [aligned, actual] = alignVersions(want, await introspect(client, opts));
  return {
    expected: aligned,
    actual,
    differences: await reconcileViewSpelling(diffCatalogs(aligned, actual), embedded),
  };
}

/** Makes the change, compares, and rolls it back (PostgreSQL's DDL is transactional). */
async function inTransaction<T>(sql: string, fn: (client: PostgresClient) => Promise<T>): Promise<T> {
  return withPg(db.url, async (client) => {
    await client.exec('BEGIN');
    try {
      await client.exec(sql);
      return await fn(client);
    } finally {
      await client.exec('ROLLBACK');
    }
  });
}

interface Drift {
  name: string;
  sql: string;
  expect: Partial<Difference> & { fromHas?: string; toHas?: string };
  /** Why the suggested SQL cannot simply be run to undo this one, and what it must say instead. */
  manualFix?: { why: string; sqlHas: string };
}

const DRIFTS: Drift[] = [
  {
    name: 'function added',
    sql: 'CREATE FUNCTION public.hotfix() RETURNS integer LANGUAGE sql RETURN 1',
    expect: { change: 'added', objectType: 'function', object: 'public.hotfix()', toHas: 'RETURN 1' },
  },
  {
    name: 'function dropped',
    sql: 'DROP FUNCTION public.add_one(integer)',
    expect: { change: 'removed', objectType: 'function', object: 'public.add_one(x integer)', fromHas: 'x + 1' },
  },
  {
    name: 'function overload added',
    sql: 'CREATE FUNCTION public.add_one(x bigint) RETURNS bigint LANGUAGE sql IMMUTABLE RETURN x + 1',
    expect: { change: 'added', objectType: 'function', object: 'public.add_one(x bigint)' },
  },
  {
    name: 'function no longer SECURITY DEFINER',
    sql: 'ALTER FUNCTION public.event_count(text) SECURITY INVOKER',
    expect: {
      change: 'changed',
      objectType: 'function',
      object: 'public.event_count(p_kind text)',
      aspects: ['security definer'],
      fromHas: 'SECURITY DEFINER',
    },
  },
  {
    name: 'function volatility',
    sql: 'ALTER FUNCTION public.add_one(integer) VOLATILE',
    expect: { change: 'changed', objectType: 'function', aspects: ['volatility'], toHas: 'VOLATILE' },
  },
  {
    name: 'function settings',
    sql: 'ALTER FUNCTION public.event_count(text) RESET search_path',
    expect: {
      change: 'changed',
      objectType: 'function',
      object: 'public.event_count(p_kind text)',
      aspects: ['settings'],
      fromHas: "SET search_path TO 'public', 'pg_temp'",
    },
  },
  {
    name: 'function body',
    sql: `CREATE OR REPLACE FUNCTION public.event_kinds_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`,
    expect: {
      change: 'changed',
      objectType: 'function',
      object: 'public.event_kinds_insert()',
      aspects: ['body'],
      fromHas: 'INSERT INTO public.events',
      toHas: 'RETURN NULL',
    },
  },
  {
    // Whitespace in a SQL-standard body is PostgreSQL's layout (normalised); its meaning is not.
    name: 'SQL-standard function body',
    sql: 'CREATE OR REPLACE FUNCTION public.add_one(x integer) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN x + 2',
    expect: {
      change: 'changed',
      objectType: 'function',
      object: 'public.add_one(x integer)',
      aspects: ['body'],
      fromHas: 'RETURN (x + 1)',
      toHas: 'RETURN (x + 2)',
    },
  },
  {
    name: 'function language and return type',
    sql: 'DROP FUNCTION public.event_count(text); CREATE FUNCTION public.event_count(p_kind text) RETURNS integer LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$ BEGIN RETURN 0; END $$',
    expect: {
      change: 'changed',
      objectType: 'function',
      object: 'public.event_count(p_kind text)',
      aspects: ['returns', 'language', 'body'],
    },
  },
  {
    name: 'procedure dropped',
    sql: 'DROP PROCEDURE public.purge_events',
    expect: { change: 'removed', objectType: 'procedure', fromHas: 'CREATE OR REPLACE PROCEDURE public.purge_events' },
  },
  {
    name: 'view security_invoker turned off',
    sql: 'ALTER VIEW public.recent_events SET (security_invoker = false)',
    expect: {
      change: 'changed',
      objectType: 'view-options',
      object: 'public.recent_events',
      fromHas: 'security_invoker=true',
      toHas: 'security_invoker=false',
    },
  },
  {
    name: 'view check option removed',
    sql: 'ALTER VIEW public.recent_events RESET (check_option)',
    expect: {
      change: 'changed',
      objectType: 'view-options',
      object: 'public.recent_events',
      fromHas: 'check_option=local',
    },
  },
  {
    name: 'view security_barrier added',
    sql: 'ALTER VIEW public.active_users SET (security_barrier = true)',
    expect: {
      change: 'changed',
      objectType: 'view-options',
      object: 'public.active_users',
      from: '(no options)',
      to: 'WITH (security_barrier=true)',
    },
  },
  {
    name: 'identity INCREMENT BY',
    sql: 'ALTER TABLE public.events ALTER COLUMN id SET INCREMENT BY 1',
    expect: {
      change: 'changed',
      objectType: 'column',
      object: 'public.events.id',
      aspects: ['identity options'],
      fromHas: 'GENERATED ALWAYS AS IDENTITY (START WITH 100 INCREMENT BY 10)',
      toHas: 'GENERATED ALWAYS AS IDENTITY (START WITH 100)',
    },
  },
  {
    name: 'identity START WITH',
    sql: 'ALTER TABLE public.events ALTER COLUMN id SET START WITH 1',
    expect: {
      change: 'changed',
      objectType: 'column',
      object: 'public.events.id',
      aspects: ['identity options'],
      to: 'integer GENERATED ALWAYS AS IDENTITY (INCREMENT BY 10) NOT NULL',
    },
  },
  {
    // Defaults are left out of the text (they depend on the column type); a changed one shows.
    name: 'identity CACHE on a column with default options',
    sql: 'ALTER TABLE billing.invoices ALTER COLUMN id SET CACHE 50',
    expect: {
      change: 'changed',
      objectType: 'column',
      object: 'billing.invoices.id',
      aspects: ['identity options'],
      from: 'bigint GENERATED ALWAYS AS IDENTITY NOT NULL',
      to: 'bigint GENERATED ALWAYS AS IDENTITY (CACHE 50) NOT NULL',
    },
  },
  {
    // Defaults of a descending identity (MAXVALUE -1, MINVALUE the type's minimum) are left out too.
    name: 'identity made descending',
    sql: 'ALTER TABLE public.events ALTER COLUMN id SET INCREMENT BY -1 SET MINVALUE -2147483648 SET MAXVALUE -1 SET START WITH -1 RESTART WITH -1',
    expect: {
      change: 'changed',
      objectType: 'column',
      object: 'public.events.id',
      aspects: ['identity options'],
      to: 'integer GENERATED ALWAYS AS IDENTITY (INCREMENT BY -1) NOT NULL',
    },
    manualFix: {
      why: 'the current value is now outside the expected range: the RESTART value is for a person to choose',
      sqlHas: 'ALTER COLUMN id SET INCREMENT BY 10 SET NO MINVALUE SET NO MAXVALUE SET START WITH 100',
    },
  },
  {
    name: 'INSTEAD OF trigger dropped',
    sql: 'DROP TRIGGER event_kinds_insert ON public.event_kinds',
    expect: {
      change: 'removed',
      objectType: 'trigger',
      object: 'public.event_kinds.event_kinds_insert',
      table: 'public.event_kinds',
      fromHas: 'INSTEAD OF INSERT ON public.event_kinds',
    },
  },
  {
    name: 'INSTEAD OF trigger added',
    sql: 'CREATE TRIGGER event_kinds_delete INSTEAD OF DELETE ON public.event_kinds FOR EACH ROW EXECUTE FUNCTION public.event_kinds_insert()',
    expect: { change: 'added', objectType: 'trigger', object: 'public.event_kinds.event_kinds_delete' },
  },
  {
    name: 'table privilege revoked',
    sql: 'REVOKE INSERT ON public.events FROM drift_app',
    expect: {
      change: 'changed',
      objectType: 'grant',
      object: 'table public.events to drift_app',
      table: 'public.events',
      from: 'INSERT, SELECT',
      to: 'SELECT',
    },
  },
  {
    name: 'table privilege granted',
    sql: 'GRANT DELETE ON billing.invoices TO drift_app',
    expect: { change: 'added', objectType: 'grant', object: 'table billing.invoices to drift_app', to: 'DELETE' },
  },
  {
    name: 'grant option added',
    sql: 'GRANT SELECT ON public.events TO drift_app WITH GRANT OPTION',
    expect: { change: 'changed', objectType: 'grant', to: 'INSERT, SELECT WITH GRANT OPTION' },
  },
  {
    // PostgreSQL 17+ adds MAINTAIN to GRANT ALL; against 15 it is left out on both sides, and the rest compares.
    name: 'privilege revoked from a GRANT ALL',
    sql: 'REVOKE DELETE ON public.recent_events FROM drift_reader',
    expect: {
      change: 'changed',
      objectType: 'grant',
      object: 'table public.recent_events to drift_reader',
      from: 'DELETE, INSERT, REFERENCES, SELECT, TRIGGER, TRUNCATE, UPDATE',
      to: 'INSERT, REFERENCES, SELECT, TRIGGER, TRUNCATE, UPDATE',
    },
  },
  {
    name: 'column privilege revoked',
    sql: 'REVOKE SELECT (user_id) ON public.sessions FROM drift_reader',
    expect: {
      change: 'removed',
      objectType: 'grant',
      object: 'column public.sessions.user_id to drift_reader',
      table: 'public.sessions',
      from: 'SELECT',
    },
  },
  {
    name: 'schema privilege revoked',
    sql: 'REVOKE USAGE ON SCHEMA billing FROM drift_app',
    expect: { change: 'removed', objectType: 'grant', object: 'schema billing to drift_app', from: 'USAGE' },
  },
  {
    name: 'sequence privilege granted',
    sql: 'GRANT UPDATE ON SEQUENCE public.ticket_seq TO drift_app',
    expect: {
      change: 'changed',
      objectType: 'grant',
      object: 'sequence public.ticket_seq to drift_app',
      from: 'SELECT, USAGE',
      to: 'SELECT, UPDATE, USAGE',
    },
  },
  {
    name: 'function EXECUTE given back to PUBLIC',
    sql: 'GRANT EXECUTE ON FUNCTION public.event_count(text) TO PUBLIC',
    expect: {
      change: 'added',
      objectType: 'grant',
      object: 'function public.event_count(p_kind text) to public',
      to: 'EXECUTE',
    },
  },
  {
    name: 'comment changed',
    sql: "COMMENT ON TABLE public.events IS 'Changed by hand'",
    expect: {
      change: 'changed',
      objectType: 'comment',
      object: 'table public.events',
      from: 'What happened, and when',
      to: 'Changed by hand',
    },
  },
  {
    name: 'column comment added',
    sql: "COMMENT ON COLUMN public.users.email IS 'Where we write'",
    expect: {
      change: 'added',
      objectType: 'comment',
      object: 'table column public.users.email',
      table: 'public.users',
      to: 'Where we write',
    },
  },
  {
    name: 'function comment removed',
    sql: 'COMMENT ON FUNCTION public.add_one(integer) IS NULL',
    expect: {
      change: 'removed',
      objectType: 'comment',
      object: 'function public.add_one(x integer)',
      from: 'Adds one',
    },
  },
  {
    name: 'index comments, two on one table',
    sql: "COMMENT ON INDEX billing.invoices_user_idx IS 'one'; COMMENT ON INDEX billing.invoices_open_idx IS 'two'",
    expect: {
      change: 'added',
      objectType: 'comment',
      object: 'index billing.invoices_open_idx',
      table: 'billing.invoices',
      to: 'two',
    },
  },
  {
    name: 'schema comment removed',
    sql: 'COMMENT ON SCHEMA billing IS NULL',
    expect: { change: 'removed', objectType: 'comment', object: 'schema billing', from: 'Money' },
  },
  {
    name: 'domain check changed',
    sql: 'ALTER DOMAIN public.positive_cents DROP CONSTRAINT positive_cents_check; ALTER DOMAIN public.positive_cents ADD CONSTRAINT positive_cents_check CHECK (VALUE > 0)',
    expect: {
      change: 'changed',
      objectType: 'domain',
      object: 'public.positive_cents',
      aspects: ['check positive_cents_check'],
      fromHas: 'CHECK (VALUE >= 0)',
      toHas: 'CHECK (VALUE > 0)',
    },
  },
  {
    name: 'domain default',
    sql: 'ALTER DOMAIN public.positive_cents SET DEFAULT 5',
    expect: { change: 'changed', objectType: 'domain', aspects: ['default'], toHas: 'DEFAULT 5' },
  },
  {
    // PostgreSQL 17+ also records a domain's NOT NULL as a constraint: compared once, as nullability.
    name: 'domain NOT NULL dropped',
    sql: 'ALTER DOMAIN public.positive_cents DROP NOT NULL',
    expect: { change: 'changed', objectType: 'domain', object: 'public.positive_cents', aspects: ['not null'] },
  },
  {
    name: 'domain added',
    sql: "CREATE DOMAIN public.email AS text CHECK (VALUE LIKE '%@%')",
    expect: { change: 'added', objectType: 'domain', object: 'public.email', toHas: "CHECK (VALUE ~~ '%@%'::text)" },
  },
  {
    name: 'composite type attribute added',
    sql: 'ALTER TYPE public.address ADD ATTRIBUTE country text',
    expect: {
      change: 'changed',
      objectType: 'composite-type',
      object: 'public.address',
      aspects: ['order', 'attribute country'],
      from: 'AS (street text, city text COLLATE "C", zip character varying(10))',
      to: 'AS (street text, city text COLLATE "C", zip character varying(10), country text)',
    },
  },
  {
    name: 'composite type added',
    sql: 'CREATE TYPE public.point3 AS (x integer, y integer, z integer)',
    expect: { change: 'added', objectType: 'composite-type', object: 'public.point3' },
  },
  {
    name: 'range type changed',
    sql: 'ALTER TABLE public.events DROP COLUMN span; DROP TYPE public.float_range; CREATE TYPE public.float_range AS RANGE (subtype = float8)',
    expect: {
      change: 'changed',
      objectType: 'range-type',
      object: 'public.float_range',
      aspects: ['subtype_diff'],
      fromHas: 'subtype_diff = float8mi',
    },
  },
  {
    name: 'range type added',
    sql: 'CREATE TYPE public.int_range AS RANGE (subtype = int4)',
    expect: { change: 'added', objectType: 'range-type', object: 'public.int_range', toHas: 'subtype = integer' },
  },
  {
    // The locale is colliculocale on 15-16 and colllocale from 17; collcollate is compared on both.
    name: 'collation locale changed',
    sql: "DROP COLLATION public.ascii; CREATE COLLATION public.ascii (provider = libc, locale = 'POSIX')",
    expect: {
      change: 'changed',
      objectType: 'collation',
      object: 'public.ascii',
      aspects: ['lc_collate', 'lc_ctype'],
      fromHas: "lc_collate = 'C'",
      toHas: "lc_collate = 'POSIX'",
    },
  },
  {
    name: 'collation added',
    sql: 'CREATE COLLATION public.c2 FROM "C"',
    expect: { change: 'added', objectType: 'collation', object: 'public.c2' },
  },
  {
    name: 'table inheritance removed',
    sql: 'ALTER TABLE public.login_events NO INHERIT public.events',
    expect: {
      change: 'changed',
      objectType: 'table',
      object: 'public.login_events',
      aspects: ['inherits'],
      fromHas: 'INHERITS (public.events)',
    },
  },
  {
    name: 'replica identity back to default',
    sql: 'ALTER TABLE public.events REPLICA IDENTITY DEFAULT',
    expect: {
      change: 'changed',
      objectType: 'table',
      object: 'public.events',
      aspects: ['replica identity'],
      fromHas: 'REPLICA IDENTITY FULL',
    },
  },
  {
    name: 'replica identity using an index',
    sql: 'ALTER TABLE public.users REPLICA IDENTITY USING INDEX users_email_unique',
    expect: {
      change: 'changed',
      objectType: 'table',
      object: 'public.users',
      aspects: ['replica identity'],
      toHas: 'REPLICA IDENTITY USING INDEX users_email_unique',
    },
  },
  {
    name: 'unlogged table made logged',
    sql: 'ALTER TABLE public.sessions SET LOGGED',
    expect: {
      change: 'changed',
      objectType: 'table',
      object: 'public.sessions',
      aspects: ['persistence'],
      fromHas: 'CREATE UNLOGGED TABLE public.sessions',
    },
  },
  {
    name: 'logged table made unlogged',
    sql: 'ALTER TABLE public.login_events SET UNLOGGED',
    expect: { change: 'changed', objectType: 'table', object: 'public.login_events', aspects: ['persistence'] },
  },
  {
    name: 'sequence INCREMENT BY',
    sql: 'ALTER SEQUENCE public.ticket_seq INCREMENT BY 1',
    expect: { change: 'changed', objectType: 'sequence', object: 'public.ticket_seq', aspects: ['increment'] },
  },
  {
    name: 'sequence START WITH',
    sql: 'ALTER SEQUENCE public.ticket_seq START WITH 50',
    expect: { change: 'changed', objectType: 'sequence', aspects: ['start'], toHas: 'START WITH 50' },
  },
  {
    name: 'sequence CACHE and CYCLE',
    sql: 'ALTER SEQUENCE public.ticket_seq CACHE 1 NO CYCLE',
    expect: { change: 'changed', objectType: 'sequence', aspects: ['cache', 'cycle'], fromHas: 'CACHE 20 CYCLE' },
  },
  {
    // A migration pins pg_trgm's version (ALTER EXTENSION ... UPDATE TO), so its version is compared.
    name: 'pinned extension version',
    sql: "DROP EXTENSION pg_trgm CASCADE; CREATE EXTENSION pg_trgm VERSION '1.3'",
    expect: {
      change: 'changed',
      objectType: 'extension',
      object: 'pg_trgm',
      aspects: ['version'],
      from: 'extension pg_trgm version 1.6 in schema public',
      to: 'extension pg_trgm version 1.3 in schema public',
    },
  },
];

describe.skipIf(!available)('every object kind: one hand-made change is found, named, and fixable', () => {
  it('the migrated fixture compares clean, and has an object of every kind', async () => {
    const { actual, differences } = await withPg(db.url, (client) => compare(client));
    expect(differences).toEqual([]);
    for (const kind of ['functions', 'domains', 'compositeTypes', 'rangeTypes', 'collations', 'grants', 'comments'])
      expect(actual[kind as keyof Catalog], kind).not.toHaveLength(0);
    expect(actual.functions.map((f) => f.kind)).toContain('procedure');
    expect(actual.views.flatMap((v) => v.options)).toContain('security_invoker=true');
    expect(actual.views.flatMap((v) => v.triggers)).not.toHaveLength(0);
    expect(actual.tables.filter((t) => t.unlogged || t.inherits || t.replicaIdentity)).toHaveLength(3);
  });

  for (const drift of DRIFTS) {
    it(drift.name, async () => {
      await inTransaction(drift.sql, async (client) => {
        const { expected: want, actual, differences } = await compare(client);
        const { fromHas, toHas, ...fields } = drift.expect;
        const match = differences.find(
          (d) => d.objectType === fields.objectType && (!fields.object || d.object === fields.object),
        );
        expect(match, JSON.stringify(differences, null, 2)).toMatchObject(fields);
        if (fromHas) expect(match?.from).toContain(fromHas);
        if (toHas) expect(match?.to).toContain(toHas);
        if (match?.change === 'added') expect(match.from).toBeUndefined();
        if (match?.change === 'removed') expect(match.to).toBeUndefined();

        // The suggested SQL, run on the drifted database, makes that difference go away.
        const key = objectKey(match as Difference);
        const sql = suggestSql(match as Difference, flattenCatalog(want).get(key), flattenCatalog(actual).get(key));
        if (drift.manualFix) return expect(sql, drift.manualFix.why).toContain(drift.manualFix.sqlHas);
        await client.exec(sql);
        const after = await compare(client);
        expect(after.differences.map(objectKey), sql).not.toContain(key);
      });
    });
  }

  it('privileges of roles the migrations do not mention are not compared', async () => {
    const sql = 'CREATE ROLE drift_platform_role; GRANT SELECT ON public.events TO drift_platform_role';
    const differences = await inTransaction(sql, async (client) => (await compare(client)).differences);
    expect(differences).toEqual([]);
  });

  it('ignore patterns match what a grant or comment is about', async () => {
    const sql = "REVOKE INSERT ON public.events FROM drift_app; COMMENT ON FUNCTION public.add_one(integer) IS 'x'";
    const differences = await inTransaction(sql, async (client) => {
      const actual = await introspect(client, options);
      return reconcileViewSpelling(
        diffCatalogs(expected, actual, { ignore: ['public.events', 'public.add_one*'] }),
        embedded,
      );
    });
    expect(differences).toEqual([]);
  });

  it('groups a function with its grants and comment in the report, each with expected and actual', async () => {
    const sql =
      "ALTER FUNCTION public.add_one(integer) STABLE; COMMENT ON FUNCTION public.add_one(integer) IS 'Adds two'; GRANT EXECUTE ON FUNCTION public.add_one(integer) TO drift_app";
    const differences = await inTransaction(sql, async (client) => (await compare(client)).differences);
    const markdown = renderDriftReport({
      environment: 'production',
      drift: true,
      set: { layout: 'journal', dir: '/x/drizzle', displayDir: 'drizzle', migrations: [], problems: [] },
      ledger: LEDGER,
      state: { applied: [], pending: [], problems: [] },
      findings: differences.map((d) => ({ ...d, sql: '--' })),
      schemas: ['public'],
      ignore: [],
      versions: { live: '15', expected: '18', replayedInto: 'embedded' },
    });
    const section = markdown.split('#### ').find((s) => s.startsWith('`public.add_one(x integer)`')) ?? '';
    expect(markdown.match(/#### `public\.add_one/g)).toHaveLength(1);
    expect(section).toContain('| `public.add_one(x integer)` | function | differs: volatility |');
    expect(section).toContain(
      '| `function public.add_one(x integer)` | comment | differs: text | `Adds one` | `Adds two` |',
    );
    expect(section).toContain('| `function public.add_one(x integer) to drift_app` | grant | not in migrations');
  });

  it('a dropped function is listed once, not again for its comment and grants', async () => {
    const differences = await inTransaction('DROP FUNCTION public.event_count(text)', async (client) => {
      return (await compare(client)).differences;
    });
    expect(differences.map((d) => `${d.change} ${d.objectType} ${d.object}`)).toEqual([
      'removed function public.event_count(p_kind text)',
    ]);
  });
});

describe.skipIf(!available)('owners (opt-in)', () => {
  const withOwners = { ...options, owners: true };

  it('are not compared unless asked for', async () => {
    const sql = 'CREATE ROLE drift_owner_role; ALTER TABLE public.events OWNER TO drift_owner_role';
    const differences = await inTransaction(sql, async (client) => (await compare(client)).differences);
    expect(differences).toEqual([]);
  });

  it('report an object given to another role, against the role that runs the migrations', async () => {
    const want = ownedBy(await introspect(embedded, withOwners), 'postgres', 'postgres');
    const clean = await withPg(db.url, async (client) => (await compare(client, withOwners, want)).differences);
    expect(clean).toEqual([]);
    const sql = 'CREATE ROLE drift_owner_role; ALTER FUNCTION public.add_one(integer) OWNER TO drift_owner_role';
    const differences = await inTransaction(
      sql,
      async (client) => (await compare(client, withOwners, want)).differences,
    );
    expect(differences).toEqual([
      expect.objectContaining({
        change: 'changed',
        objectType: 'owner',
        object: 'function public.add_one(x integer)',
        from: 'postgres',
        to: 'drift_owner_role',
      }),
    ]);
  });

  it('expect what the migrations create to belong to the given role', async () => {
    const want = ownedBy(await introspect(embedded, withOwners), 'postgres', 'app_owner');
    expect(want.owners.find((o) => o.target === 'public.events')?.owner).toBe('app_owner');
  });
});
