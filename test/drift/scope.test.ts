// What the migrations decide, read from their text: the roles whose privileges are compared, the extension versions
// they pin, and how catalogs from two PostgreSQL versions are lined up before comparing.
import { describe, expect, it } from 'vitest';
import { alignVersions, createRoles, diffCatalogs, migrationScope, rolesMentioned } from '../../actions/lib/catalog';
import { openEmbedded } from '../../actions/lib/db/pglite';
import { extensionsPinnedBy } from '../../actions/lib/catalog/kinds/extensions';
import { catalogOf } from '../support/catalog';

const catalog = catalogOf;

describe('roles the migrations mention', () => {
  it('reads grantees, revokees, created roles, policy roles and new owners', () => {
    const sql = [
      'GRANT SELECT, INSERT ON "public"."users" TO "App_Reader", writer WITH GRANT OPTION;',
      'REVOKE EXECUTE ON FUNCTION f() FROM PUBLIC;',
      "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'svc') THEN CREATE ROLE svc; END IF; END $$;",
      'CREATE POLICY p ON t AS PERMISSIVE FOR SELECT TO authenticated, anon USING (true);',
      'ALTER TABLE t OWNER TO owner_role;',
      'ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO reporting;',
      'GRANT USAGE ON SCHEMA s TO CURRENT_USER;',
      '-- GRANT SELECT ON t TO commented_out;',
    ];
    expect(rolesMentioned(sql).sort()).toEqual(
      ['App_Reader', 'anon', 'authenticated', 'owner_role', 'public', 'reporting', 'svc', 'writer'].sort(),
    );
  });

  it('finds none in migrations that grant nothing', () => {
    expect(rolesMentioned(['CREATE TABLE "todo" ("to" text);', 'SELECT 1 FROM grants;'])).toEqual([]);
  });
});

describe('creating the mentioned roles up front (for replay)', () => {
  it('creates the missing ones, once, and never PUBLIC, so the GRANTs naming them run', async () => {
    const embedded = await openEmbedded();
    try {
      const sql = [
        'CREATE TABLE t (id int);',
        'GRANT SELECT ON t TO reader, "Mixed Case"; REVOKE ALL ON t FROM PUBLIC;',
      ];
      await createRoles(embedded, rolesMentioned(sql));
      await createRoles(embedded, rolesMentioned(sql));
      for (const chunk of sql) await embedded.exec(chunk);
      const rows = await embedded.query<{ name: string }>(
        `SELECT grantee AS name FROM information_schema.role_table_grants WHERE table_name = 't' AND grantee <> current_user ORDER BY 1`,
      );
      expect(rows.map((r) => r.name)).toEqual(['Mixed Case', 'reader']);
    } finally {
      await embedded.close();
    }
  }, 60_000);
});

describe('pinned extension versions', () => {
  it('reads CREATE EXTENSION ... VERSION and ALTER EXTENSION ... UPDATE TO, not plain CREATE EXTENSION', () => {
    expect(
      extensionsPinnedBy([
        'CREATE EXTENSION IF NOT EXISTS "pg_trgm";',
        'CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public VERSION \'1.1\';',
        "ALTER EXTENSION hstore UPDATE TO '1.8';",
        "-- CREATE EXTENSION citext VERSION '1.6';",
      ]),
    ).toEqual(['uuid-ossp', 'hstore']);
  });

  it('compares the version only of a pinned extension', () => {
    const at = (version: string, pinned: boolean) =>
      catalog({
        extensions: [{ name: 'hstore', schema: 'public', version, ...(pinned ? { versionPinned: true } : {}) }],
      });
    expect(diffCatalogs(at('1.8', false), at('1.7', false))).toEqual([]);
    expect(diffCatalogs(at('1.8', true), at('1.7', true))).toEqual([
      expect.objectContaining({ objectType: 'extension', change: 'changed', aspects: ['version'] }),
    ]);
  });

  it('is part of the migration scope with the roles', () => {
    expect(migrationScope(["ALTER EXTENSION hstore UPDATE TO '1.8'; GRANT SELECT ON t TO r;"])).toEqual({
      roles: ['r'],
      pinnedExtensions: ['hstore'],
    });
  });
});

describe('lining up PostgreSQL versions', () => {
  const grant = (privileges: string[]) => ({
    on: 'table' as const,
    target: 'public.t',
    targetSql: 'TABLE public.t',
    table: 'public.t',
    grantee: 'r',
    parent: 'table:public.t',
    privileges,
  });
  const all15 = ['DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'TRIGGER', 'TRUNCATE', 'UPDATE'];

  it('leaves MAINTAIN (17+) out against an older server, and still sees every other privilege', () => {
    const pg18 = catalog({ grants: [grant([...all15, 'MAINTAIN'].sort())] });
    const pg15 = catalog({ serverVersion: 150020, grants: [grant(all15)] });
    expect(diffCatalogs(pg18, pg15)).toEqual([]);
    const revoked = catalog({ serverVersion: 150020, grants: [grant(all15.filter((p) => p !== 'DELETE'))] });
    expect(diffCatalogs(pg18, revoked)).toEqual([expect.objectContaining({ objectType: 'grant', change: 'changed' })]);
  });

  it("leaves out PUBLIC's CREATE on schema public, a default up to 14, and still sees USAGE revoked", () => {
    const onPublic = (privileges: string[]) => ({
      on: 'schema' as const,
      target: 'public',
      targetSql: 'SCHEMA public',
      grantee: 'public',
      parent: 'schema:public',
      privileges,
    });
    const pg18 = catalog({ grants: [onPublic(['USAGE'])] });
    expect(diffCatalogs(pg18, catalog({ serverVersion: 140011, grants: [onPublic(['CREATE', 'USAGE'])] }))).toEqual([]);
    expect(diffCatalogs(pg18, catalog({ serverVersion: 140011, grants: [onPublic(['CREATE'])] }))).toEqual([
      expect.objectContaining({ objectType: 'grant', change: 'removed', object: 'schema public to public' }),
    ]);
    // On 15 and later the default is gone, so a CREATE granted by hand is drift.
    expect(diffCatalogs(pg18, catalog({ serverVersion: 150020, grants: [onPublic(['CREATE', 'USAGE'])] }))).toEqual([
      expect.objectContaining({ objectType: 'grant', change: 'changed', to: 'CREATE, USAGE' }),
    ]);
  });

  it('compares MAINTAIN between two servers that both have it', () => {
    const [a, b] = alignVersions(
      catalog({ grants: [grant(['MAINTAIN', 'SELECT'])] }),
      catalog({ serverVersion: 170004, grants: [grant(['SELECT'])] }),
    );
    expect(diffCatalogs(a, b)).toEqual([expect.objectContaining({ objectType: 'grant', from: 'MAINTAIN, SELECT' })]);
  });
});
