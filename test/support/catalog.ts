import type { Catalog } from '../../actions/lib/catalog/model';

/** A catalog with nothing in it but `partial`: for tests that build the schema they compare or draw. */
export function catalogOf(partial: Partial<Catalog>): Catalog {
  return {
    serverVersion: 180000,
    schemas: ['public'],
    extensions: [],
    tables: [],
    enums: [],
    sequences: [],
    views: [],
    functions: [],
    domains: [],
    compositeTypes: [],
    rangeTypes: [],
    collations: [],
    grants: [],
    comments: [],
    owners: [],
    ...partial,
  };
}
