import { extensionsCreatedBy } from '../lib/migrations/extensions';
import type { Migration } from '../lib/migrations/model';

/** The migrations whose SQL creates `extension`, for the report. */
export function migrationsCreating(extension: string, migrations: Migration[]): Migration[] {
  return migrations.filter((m) => extensionsCreatedBy([m.sql]).includes(extension));
}
