import { extensionsPinnedBy } from './kinds/extensions';
import type { IntrospectOptions } from './model';
import { rolesMentioned } from './roles';

/**
 * What the migrations themselves decide, and so what a comparison against them may hold them to: the privileges of
 * the roles they mention, and the versions of the extensions they pin.
 */
export function migrationScope(sqls: string[]): Pick<IntrospectOptions, 'roles' | 'pinnedExtensions'> {
  return { roles: rolesMentioned(sqls), pinnedExtensions: extensionsPinnedBy(sqls) };
}
