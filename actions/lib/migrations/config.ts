import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { ConfigurationError } from '../errors';

/** What schema-actions needs from drizzle.config: where migrations live and where Drizzle records them. */
export interface DrizzleConfig {
  /** Path of the config file, relative to the project root, when one was found. */
  file?: string;
  out?: string;
  migrationsTable?: string;
  migrationsSchema?: string;
  dialect?: string;
}

const CANDIDATES = [
  'drizzle.config.ts',
  'drizzle.config.mts',
  'drizzle.config.js',
  'drizzle.config.mjs',
  'drizzle.config.cjs',
  'drizzle.config.json',
];

/** The inputs that replace a config setting; a computed setting whose input is given is not an error. */
export type ConfigInput = 'migrations-dir' | 'migrations-table' | 'migrations-schema';

/**
 * Reads the settings we need from drizzle.config without executing it: running the user's config would need their
 * TypeScript toolchain and environment variables, and a check must not run arbitrary code before it is reviewed.
 * String literals are read; anything computed is reported with the input that replaces it, unless that input is
 * among `given` (then the setting is not needed).
 */
export function readDrizzleConfig(
  projectRoot: string,
  configPath?: string,
  given: ReadonlySet<ConfigInput> = new Set(),
): DrizzleConfig {
  const explicit = configPath && configPath !== 'drizzle.config.ts';
  const file = explicit
    ? configPath
    : [configPath ?? 'drizzle.config.ts', ...CANDIDATES].find((c) => existsSync(join(projectRoot, c)));
  if (!file) return {};
  const path = isAbsolute(file) ? file : join(projectRoot, file);
  if (!existsSync(path)) {
    throw new ConfigurationError(
      `drizzle config ${file} does not exist; set drizzle-config to your config file's path, relative to working-directory`,
    );
  }
  const text = readFileSync(path, 'utf8');
  const shown = relative(projectRoot, path) || file;
  if (path.endsWith('.json')) return { file: shown, ...fromJson(text, shown) };
  const code = stripComments(text);
  const migrationsBlock = code.match(/\bmigrations\s*:\s*\{([^}]*)\}/)?.[1] ?? '';
  return {
    file: shown,
    out: literal(code, 'out', shown, 'migrations-dir', given),
    dialect: literal(code, 'dialect', shown),
    migrationsTable: literal(migrationsBlock, 'table', shown, 'migrations-table', given),
    migrationsSchema: literal(migrationsBlock, 'schema', shown, 'migrations-schema', given),
  };
}

function fromJson(text: string, shown: string): Omit<DrizzleConfig, 'file'> {
  try {
    const json = JSON.parse(text) as {
      out?: string;
      dialect?: string;
      migrations?: { table?: string; schema?: string };
    };
    return {
      out: json.out,
      dialect: json.dialect,
      migrationsTable: json.migrations?.table,
      migrationsSchema: json.migrations?.schema,
    };
  } catch (error) {
    throw new ConfigurationError(`${shown} is not valid JSON (${(error as Error).message}); fix the file`);
  }
}

function literal(
  code: string,
  key: string,
  shown: string,
  input?: ConfigInput,
  given: ReadonlySet<ConfigInput> = new Set(),
): string | undefined {
  const property = new RegExp(`(?:^|[\\s,{])["']?${key}["']?\\s*:\\s*([^,\\n}]+)`).exec(code);
  // `migrations: { table }` takes the value of a variable: computed, like any other expression.
  const shorthand = !property && input !== 'migrations-dir' && new RegExp(`(?:^|[\\s,{])${key}\\s*(?:,|$)`).test(code);
  if (!property && !shorthand) return undefined;
  const value = property ? property[1]!.trim() : key;
  const quoted = /^(["'`])((?:(?!\1)[^\\$]|\\.)*)\1(?:\s+as\s+const)?$/.exec(value);
  if (quoted) return quoted[2];
  if (!input || given.has(input)) return undefined;
  throw new ConfigurationError(
    `${shown}: "${key}" is computed (${value}), and schema-actions reads the config without running it; set the ${input} input instead`,
  );
}

function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:"'`])\/\/[^\n]*/g, '$1');
}

/**
 * The migrations folder: the `migrations-dir` input, else the config's `out`, else the first of `drizzle` and
 * `migrations` that holds migrations.
 */
export function resolveMigrationsDir(
  projectRoot: string,
  input: string | undefined,
  config: DrizzleConfig,
  holdsMigrations: (dir: string) => boolean,
): string {
  if (input) {
    const dir = resolve(projectRoot, input);
    if (!existsSync(dir)) {
      throw new ConfigurationError(
        `migrations-dir ${input} does not exist; set it to the folder drizzle-kit generates into`,
      );
    }
    return dir;
  }
  if (config.out) {
    const dir = resolve(projectRoot, config.out);
    if (!existsSync(dir)) {
      throw new ConfigurationError(
        `${config.file} sets out to ${config.out}, which does not exist; run drizzle-kit generate or set migrations-dir`,
      );
    }
    return dir;
  }
  for (const candidate of ['drizzle', 'migrations']) {
    const dir = resolve(projectRoot, candidate);
    if (existsSync(dir) && holdsMigrations(dir)) return dir;
  }
  throw new ConfigurationError(
    `no migrations folder found in ${projectRoot}: set migrations-dir, or out in drizzle.config.ts`,
  );
}
