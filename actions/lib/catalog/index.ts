export type {
  Catalog,
  ColumnInfo,
  ConstraintInfo,
  ConstraintKind,
  Difference,
  EnumInfo,
  ExtensionInfo,
  IndexInfo,
  IntrospectOptions,
  ObjectType,
  PolicyInfo,
  SequenceInfo,
  TableInfo,
  TriggerInfo,
  ViewInfo,
} from './model';
export { introspect } from './introspect';
export { diffCatalogs, type DiffOptions } from './diff';
export { flattenCatalog, objectKey, type CatalogObject } from './flatten';
export { replayMigrations, type ReplayOptions } from './replay';
export { reconcileViewSpelling } from './reconcile';
export { migrationScope } from './scope';
export { createRoles, rolesMentioned } from './roles';
export { ownedBy } from './kinds/owners';
export { alignVersions } from './versions';
