import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ParseResult, ScanResult } from 'libpg-query';

export interface SqlParser {
  parse(sql: string): Promise<ParseResult>;
  /** PL/pgSQL's own parser: the statements of a DO block or function body, with lines relative to the body. */
  parsePlPgSQL(sql: string): Promise<unknown>;
  /** PostgreSQL's lexer, which sees identifiers before it truncates them to 63 bytes. */
  scan(sql: string): Promise<ScanResult>;
}

interface LibpgQueryModule extends SqlParser {
  loadModule(): Promise<void>;
}

let loaded: Promise<SqlParser> | undefined;

/**
 * PostgreSQL's own parser (libpg-query, compiled to wasm). Like PGlite it is loaded at run time: from dist/libpg-query/
 * in the bundle (its wasm must sit next to its script, which bundling would break), from node_modules in sources.
 */
export function loadSqlParser(): Promise<SqlParser> {
  loaded ??= (async () => {
    const vendored = join(dirname(fileURLToPath(import.meta.url)), '..', 'libpg-query', 'index.js');
    const module = (
      existsSync(vendored)
        ? await import(/* webpackIgnore: true */ pathToFileURL(vendored).href)
        : await import(/* webpackIgnore: true */ 'libpg-query')
    ) as LibpgQueryModule;
    await module.loadModule();
    return module;
  })();
  return loaded;
}
