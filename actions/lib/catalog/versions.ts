import type { Catalog } from './model';

/**
 * Lines two catalogs from different PostgreSQL major versions up where a version adds something the other cannot
 * have. PostgreSQL 17 added the MAINTAIN table privilege, which GRANT ALL includes from 17 on: compared with a 15 or
 * 16 server it is left out on both sides, so every other privilege still compares.
 */
export function alignVersions(a: Catalog, b: Catalog): [Catalog, Catalog] {
  if (Math.min(a.serverVersion, b.serverVersion) >= 170000 || !a.serverVersion || !b.serverVersion) return [a, b];
  return [withoutMaintain(a), withoutMaintain(b)];
}

function withoutMaintain(catalog: Catalog): Catalog {
  return {
    ...catalog,
    grants: catalog.grants
      .map((g) => ({ ...g, privileges: g.privileges.filter((p) => !p.startsWith('MAINTAIN')) }))
      .filter((g) => g.privileges.length > 0),
  };
}
