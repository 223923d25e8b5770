import type { Catalog, IntrospectOptions, TableInfo, ViewInfo } from '../model';
import { readCollations } from './collations';
import { readComments } from './comments';
import { readFunctions } from './functions';
import { readGrants } from './grants';
import { readOwners } from './owners';
import type { CatalogQuery } from './query';
import { readIdentityOptions, readTableOptions } from './tables';
import { readCompositeTypes, readDomains, readRangeTypes } from './types';
import { readViewOptions, readViewTriggers } from './views';

type ObjectKinds = Pick<
  Catalog,
  'functions' | 'domains' | 'compositeTypes' | 'rangeTypes' | 'collations' | 'grants' | 'comments' | 'owners'
>;

/** The kinds of objects that live outside tables and views. */
export async function readObjectKinds(
  q: CatalogQuery,
  options: IntrospectOptions,
  excludedTables: Set<string>,
): Promise<ObjectKinds> {
  return {
    functions: await readFunctions(q),
    domains: await readDomains(q),
    compositeTypes: await readCompositeTypes(q),
    rangeTypes: await readRangeTypes(q),
    collations: await readCollations(q),
    grants: await readGrants(q, options.roles ?? [], excludedTables),
    comments: await readComments(q, excludedTables),
    owners: options.owners ? await readOwners(q, excludedTables) : [],
  };
}

/** Adds what tables, their columns and views carry beyond their definition: options, inheritance, triggers. */
export async function readRelationOptions(
  q: CatalogQuery,
  tables: Map<string, TableInfo>,
  views: ViewInfo[],
): Promise<void> {
  for (const [name, options] of await readTableOptions(q)) {
    const table = tables.get(name);
    if (table) Object.assign(table, options);
  }
  const identity = await readIdentityOptions(q);
  for (const [name, table] of tables) {
    for (const column of table.columns) {
      const options = identity.get(`${name}.${column.name}`);
      if (options && column.identity) column.identityOptions = options;
    }
  }
  const viewOptions = await readViewOptions(q);
  const viewTriggers = await readViewTriggers(q);
  for (const view of views) {
    view.options = viewOptions.get(`${view.schema}.${view.name}`) ?? [];
    view.triggers = viewTriggers.get(`${view.schema}.${view.name}`) ?? [];
  }
}
