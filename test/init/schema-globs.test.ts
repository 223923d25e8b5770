import { describe, expect, it } from 'vitest';
import { schemaGlobs } from '../../actions/init/detect';

describe('schemaGlobs: the drizzle config’s schema setting as paths-filter globs', () => {
  it.each([
    ["schema: './src/db/schema.ts',", ['src/db/**']],
    ["schema: './schema.ts',", ['schema.ts']],
    ['schema: "./src/schema",', ['src/schema/**']],
    ["schema: './src/**/schema.ts',", ['src/**/schema.ts']],
    ["schema: ['./db/users.ts', './db/posts.ts', './lib/auth/schema.mts'],", ['db/**', 'lib/auth/**']],
  ])('%s', (setting, globs) => {
    expect(schemaGlobs(`export default defineConfig({\n  dialect: 'postgresql',\n  ${setting}\n});\n`)).toEqual(globs);
  });

  it('is not fooled by the ledger’s schema in migrations: { schema }', () => {
    const code =
      "export default {\n  migrations: { table: 'ledger', schema: 'drizzle' },\n  schema: './app/db.ts',\n};\n";
    expect(schemaGlobs(code)).toEqual(['app/**']);
  });

  it('gives up (undefined) on a computed schema, so init watches every TypeScript file instead', () => {
    expect(schemaGlobs('export default { schema: path.join(dir, "schema.ts") };')).toBeUndefined();
    expect(schemaGlobs('export default { out: "./drizzle" };')).toBeUndefined();
  });
});
