/**
 * Run in a fresh process by bench/lint.ts: lints every migration folder of the corpus, each as one deploy, and prints
 * how long that took (reading the files, loading PostgreSQL's parser, linting) with the files and statements counted.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadMigrationFolder } from '../actions/lib/migrations/folder';
import { lintMigrations } from '../actions/schema-check/lint';
import { loadSqlParser } from '../actions/schema-check/lint/parser';

const corpus = process.argv[2]!;
const started = performance.now();
await loadSqlParser();
const parserMs = performance.now() - started;
let files = 0;
let statements = 0;
for (const folder of readdirSync(corpus)) {
  if (!statSync(join(corpus, folder)).isDirectory()) continue;
  const set = loadMigrationFolder(join(corpus, folder), corpus);
  files += set.migrations.length;
  statements += (await lintMigrations(set.migrations, { ignore: [] })).statements;
}
console.log(JSON.stringify({ ms: performance.now() - started, parserMs, files, statements }));
