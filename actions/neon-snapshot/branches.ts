import type { Branch } from '@neondatabase/api-client';
import { ConfigurationError } from '../lib/errors';

/** The branch a user named (by name or id), or the project's default branch when they named none. */
export function resolveBranch(branches: Branch[], nameOrId: string | undefined): Branch {
  if (nameOrId === undefined) {
    const main = branches.find((b) => b.default);
    if (!main) throw new ConfigurationError('the Neon project has no default branch; set the branch input');
    return main;
  }
  const found = branches.find((b) => b.id === nameOrId) ?? branches.find((b) => b.name === nameOrId);
  if (!found) {
    throw new ConfigurationError(
      `branch "${nameOrId}" does not exist in the Neon project; set branch to one of: ${listNames(branches)}`,
    );
  }
  return found;
}

export function listNames(items: { name: string }[], limit = 10): string {
  if (items.length === 0) return '(none)';
  const names = items.slice(0, limit).map((i) => `"${i.name}"`);
  return items.length > limit ? `${names.join(', ')} and ${items.length - limit} more` : names.join(', ');
}

/** Newest first, by creation time then name, so ties resolve the same way on every run. */
export function newestFirst<T extends { created_at: string; name: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.name.localeCompare(a.name));
}
