import type { Catalog, GrantInfo } from './model';

/**
 * Lines two catalogs from different PostgreSQL major versions up where a version's own defaults differ, and only
 * there, so every change a user can make still compares:
 * - PostgreSQL 17 added the MAINTAIN table privilege, which GRANT ALL includes from 17 on: against a 15 or 16 server
 *   it is left out on both sides.
 * - Up to 14, every database's `public` schema let PUBLIC create objects (15 revoked that default): on the older
 *   side, that CREATE is the server's default, not the migrations'.
 */
export function alignVersions(a: Catalog, b: Catalog): [Catalog, Catalog] {
  if (!a.serverVersion || !b.serverVersion) return [a, b];
  const oldest = Math.min(a.serverVersion, b.serverVersion);
  const newest = Math.max(a.serverVersion, b.serverVersion);
  const align = (c: Catalog) => {
    let grants = c.grants;
    if (oldest < 170000 && newest >= 170000) grants = grants.map((g) => without(g, 'MAINTAIN'));
    if (c.serverVersion < 150000 && newest >= 150000) grants = grants.map(withoutPre15PublicCreate);
    return grants === c.grants ? c : { ...c, grants: grants.filter((g) => g.privileges.length > 0) };
  };
  return [align(a), align(b)];
}

function without(g: GrantInfo, privilege: string): GrantInfo {
  return { ...g, privileges: g.privileges.filter((p) => p.split(' ')[0] !== privilege) };
}

function withoutPre15PublicCreate(g: GrantInfo): GrantInfo {
  return g.on === 'schema' && g.target === 'public' && g.grantee === 'public' ? without(g, 'CREATE') : g;
}
