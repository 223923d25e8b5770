/**
 * Run in a fresh process by bench/lint.ts: lints every migration folder of the corpus, each as one deploy, and prints
 * how long that took (reading the files, loading PostgreSQL's parser, linting) with the files and statements counted.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadMigrationFolder } from '../actions/lib/migrations/folder';
import { lintMigrations } from '../actions/schema-check/lint';

const corpus = process.argv[2]!;
// The parser's JavaScript is imported up front: under tsx that import goes through its loader, which the bundle does
// not have. Compiling and starting the wasm (loadModule) stays inside the timing.
await import('libpg-query');
const started = performance.now();
let files = 0;
let statements = 0;
for (const folder of readdirSync(corpus)) {
  if (!statSync(join(corpus, folder)).isDirectory()) continue;
  const set = loadMigrationFolder(join(corpus, folder), corpus);
  files += set.migrations.length;
  statements += (await lintMigrations(set.migrations, { ignore: [] })).statements;
}
console.log(JSON.stringify({ ms: performance.now() - started, files, statements }));
