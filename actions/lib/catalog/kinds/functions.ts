import type { CatalogObject } from '../flatten';
import { qualified } from '../names';
import type { FunctionInfo } from '../model';
import { collapseWhitespace } from '../normalise';
import { IN_SCHEMAS, NOT_INTERNAL, type CatalogQuery } from './query';

const VOLATILITY = { i: 'IMMUTABLE', s: 'STABLE', v: 'VOLATILE' } as const;
const PARALLEL = { s: 'SAFE', r: 'RESTRICTED', u: 'UNSAFE' } as const;

/** Functions and procedures the migrations own (not an extension's, not a type's constructors, not aggregates). */
export async function readFunctions(q: CatalogQuery): Promise<FunctionInfo[]> {
  const rows = await q(`SELECT n.nspname AS schema, p.proname AS name, p.prokind AS kind,
                pg_catalog.pg_get_function_identity_arguments(p.oid) AS arguments,
                pg_catalog.pg_get_function_arguments(p.oid) AS signature,
                pg_catalog.pg_get_function_result(p.oid) AS returns, l.lanname AS language,
                p.provolatile AS volatility, p.proisstrict AS strict, p.prosecdef AS security_definer,
                p.proleakproof AS leakproof, p.proparallel AS parallel, p.procost::text AS cost, p.prorows::text AS rows,
                COALESCE(p.proconfig, '{}')::text[] AS settings,
                pg_catalog.pg_get_function_sqlbody(p.oid) IS NOT NULL AS atomic,
                COALESCE(pg_catalog.pg_get_function_sqlbody(p.oid), p.prosrc) AS body
           FROM pg_catalog.pg_proc p
           JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
           JOIN pg_catalog.pg_language l ON l.oid = p.prolang
          WHERE p.prokind IN ('f', 'p') AND ${IN_SCHEMAS('n.nspname')}
            AND ${NOT_INTERNAL('pg_catalog.pg_proc', 'p.oid')}
          ORDER BY 1, 2, 4`);
  return rows.map((r) => ({
    schema: String(r.schema),
    name: String(r.name),
    kind: r.kind === 'p' ? 'procedure' : 'function',
    arguments: String(r.arguments),
    signature: collapseWhitespace(String(r.signature)),
    ...(r.returns ? { returns: collapseWhitespace(String(r.returns)) } : {}),
    language: String(r.language),
    volatility: VOLATILITY[String(r.volatility) as keyof typeof VOLATILITY] ?? 'VOLATILE',
    strict: Boolean(r.strict),
    securityDefiner: Boolean(r.security_definer),
    leakproof: Boolean(r.leakproof),
    parallel: PARALLEL[String(r.parallel) as keyof typeof PARALLEL] ?? 'UNSAFE',
    cost: String(r.cost),
    rows: String(r.rows),
    settings: (r.settings as string[]).slice().sort(),
    body: r.atomic ? collapseWhitespace(String(r.body)) : String(r.body),
    ...(r.atomic ? { atomic: true } : {}),
  }));
}

export function functionObject(f: FunctionInfo): CatalogObject {
  const name = `${qualified(f.schema, f.name)}(${f.arguments})`;
  const parts: Record<string, string> = {
    arguments: f.signature,
    returns: f.returns ?? '',
    language: f.language,
    volatility: f.volatility,
    strict: String(f.strict),
    'security definer': String(f.securityDefiner),
    leakproof: String(f.leakproof),
    parallel: f.parallel,
    cost: f.cost,
    rows: f.rows,
    settings: f.settings.join(', '),
    body: f.body,
  };
  const definition = createFunctionText(f);
  const keyword = f.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION';
  return {
    objectType: f.kind,
    object: `${f.schema}.${f.name}(${f.arguments})`,
    parent: `schema:${f.schema}`,
    definition,
    // The body is compared as written: its text is the migration's, whatever the version.
    compare: JSON.stringify(parts),
    parts,
    sql: { name },
    fix: { create: `${definition};`, drop: `DROP ${keyword} ${name};`, change: `${definition};` },
  };
}

function createFunctionText(f: FunctionInfo): string {
  const words = [`CREATE OR REPLACE ${f.kind.toUpperCase()} ${qualified(f.schema, f.name)}(${f.signature})`];
  if (f.returns) words.push(`RETURNS ${f.returns}`);
  words.push(`LANGUAGE ${f.language}`);
  if (f.kind === 'function') {
    words.push(f.volatility);
    if (f.strict) words.push('STRICT');
    if (f.leakproof) words.push('LEAKPROOF');
    if (f.parallel !== 'UNSAFE') words.push(`PARALLEL ${f.parallel}`);
  }
  if (f.securityDefiner) words.push('SECURITY DEFINER');
  if (f.kind === 'function') words.push(`COST ${f.cost}`);
  if (f.rows !== '0') words.push(`ROWS ${f.rows}`);
  for (const setting of f.settings) words.push(`SET ${settingClause(setting)}`);
  words.push(f.atomic ? f.body : `AS ${dollarQuote(f.body)}`);
  return words.join(' ');
}

// Settings whose value is a list (PostgreSQL's GUC_LIST_QUOTE): each element is its own literal.
const LIST_SETTINGS = new Set([
  'search_path',
  'temp_tablespaces',
  'local_preload_libraries',
  'session_preload_libraries',
]);

function settingClause(setting: string): string {
  const eq = setting.indexOf('=');
  const name = setting.slice(0, eq);
  const value = setting.slice(eq + 1);
  const elements = LIST_SETTINGS.has(name) ? value.split(/,\s*/).map((e) => e.replace(/^"(.*)"$/, '$1')) : [value];
  return `${name} TO ${elements.map((e) => `'${e.replace(/'/g, "''")}'`).join(', ')}`;
}

function dollarQuote(body: string): string {
  let tag = '$$';
  for (let i = 0; body.includes(tag); i++) tag = `$fn${i}$`;
  return `${tag}${body}${tag}`;
}
