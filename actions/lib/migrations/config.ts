import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { ConfigurationError } from '../errors';
import type { StaticValue } from './static-module';

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

/** A setting schema-actions reads, where it sits in the config, and the input that replaces it. */
interface Setting {
  field: 'out' | 'dialect' | 'migrationsTable' | 'migrationsSchema';
  path: [string, ...string[]];
  /** Absent for settings no input replaces: dialect, which only has to be PostgreSQL when it is stated. */
  input?: ConfigInput;
}

const SETTINGS: Setting[] = [
  { field: 'out', path: ['out'], input: 'migrations-dir' },
  { field: 'dialect', path: ['dialect'] },
  { field: 'migrationsTable', path: ['migrations', 'table'], input: 'migrations-table' },
  { field: 'migrationsSchema', path: ['migrations', 'schema'], input: 'migrations-schema' },
];

const INPUTS = SETTINGS.flatMap((s) => (s.input ? [s.input] : []));

/**
 * Reads the settings we need from drizzle.config without executing it: running the user's config would need their
 * TypeScript toolchain and environment variables, and a check must not run arbitrary code before it is reviewed.
 * The file is parsed; a value the source states (a string, a `const`, an object literal, `defineConfig(...)`) is
 * read, and one only running the config could tell is reported with the input that replaces it, unless that input
 * is among `given` (then the setting is not needed). Nothing is guessed: a wrong ledger table would re-apply every
 * migration.
 */
export async function readDrizzleConfig(
  projectRoot: string,
  configPath?: string,
  given: ReadonlySet<ConfigInput> = new Set(),
): Promise<DrizzleConfig> {
  const found = locateConfig(projectRoot, configPath);
  if (!found) return {};
  const { path, shown } = found;
  const needed = INPUTS.filter((input) => !given.has(input));
  const exported = await readExport(readFileSync(path, 'utf8'), path, shown, needed);
  if (!exported || (exported.kind !== 'object' && needed.length === 0)) return { file: shown };
  if (exported.kind !== 'object') {
    throw new ConfigurationError(
      `${shown}: the exported config is ${describe(exported)}, and schema-actions reads the config without running it; set ${inputs(needed)} instead`,
    );
  }
  const config: DrizzleConfig = { file: shown };
  for (const setting of SETTINGS) {
    const value = lookup(exported, setting.path);
    if (value?.kind === 'string') config[setting.field] = value.value;
    else if (value && setting.input && needed.includes(setting.input)) {
      throw new ConfigurationError(
        `${shown}: "${setting.path.join('.')}" is ${describe(value)}, and schema-actions reads the config without running it; set the ${setting.input} input instead`,
      );
    }
  }
  return config;
}

/** The config file: the one given, else the first candidate that exists; undefined when the project has none. */
function locateConfig(projectRoot: string, configPath?: string): { path: string; shown: string } | undefined {
  const explicit = configPath && configPath !== 'drizzle.config.ts';
  const file = explicit
    ? configPath
    : [configPath ?? 'drizzle.config.ts', ...CANDIDATES].find((c) => existsSync(join(projectRoot, c)));
  if (!file) return undefined;
  const path = isAbsolute(file) ? file : join(projectRoot, file);
  if (!existsSync(path)) {
    throw new ConfigurationError(
      `drizzle config ${file} does not exist; set drizzle-config to your config file's path, relative to working-directory`,
    );
  }
  return { path, shown: relative(projectRoot, path) || file };
}

/**
 * The config's exported value. Undefined when every input it could provide is given, so a file this parser cannot
 * read (or that exports nothing) is no obstacle then.
 */
async function readExport(
  text: string,
  path: string,
  shown: string,
  needed: ConfigInput[],
): Promise<StaticValue | undefined> {
  let exported: StaticValue | undefined;
  try {
    exported = path.endsWith('.json') ? fromJson(JSON.parse(text)) : await readScriptExport(text, path);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    if (needed.length === 0) return undefined;
    throw new ConfigurationError(
      `${shown} cannot be parsed (${error.message}); fix the file, or set ${inputs(needed)}`,
    );
  }
  if (exported || needed.length === 0) return exported;
  throw new ConfigurationError(
    `${shown} exports no config (no export default or module.exports); export it as drizzle-kit expects, or set ${inputs(needed)}`,
  );
}

/** The JavaScript/TypeScript parser (acorn, 450 kB) loads only for a config written in code. */
async function readScriptExport(text: string, path: string): Promise<StaticValue | undefined> {
  const { ModuleSyntaxError, readDefaultExport } = await import('./static-module');
  try {
    return readDefaultExport(text, { typeScript: /\.[cm]?ts$/.test(path), commonJs: path.endsWith('.cjs') });
  } catch (error) {
    // One kind of parse failure for the caller, JSON's or the script parser's.
    if (error instanceof ModuleSyntaxError) throw new SyntaxError(error.message);
    throw error;
  }
}

function fromJson(value: unknown): StaticValue {
  if (typeof value === 'string') return { kind: 'string', value };
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    return { kind: 'object', read: (key) => (Object.hasOwn(record, key) ? fromJson(record[key]) : undefined) };
  }
  return { kind: 'computed', text: JSON.stringify(value) };
}

function lookup(value: StaticValue, path: string[]): StaticValue | undefined {
  let current: StaticValue | undefined = value;
  for (const key of path) {
    if (current?.kind !== 'object') return current?.kind === 'computed' ? current : undefined;
    current = current.read(key);
  }
  return current;
}

/** Why a value cannot be used: only running the config could tell it, or it is not the kind expected there. */
function describe(value: StaticValue): string {
  if (value.kind === 'computed') return `computed (${value.text})`;
  return value.kind === 'object' ? 'an object, not a string' : 'a string, not an object';
}

/** "the migrations-dir input", "the migrations-dir, migrations-table and migrations-schema inputs". */
function inputs(names: string[]): string {
  if (names.length === 1) return `the ${names[0]} input`;
  return `the ${names.slice(0, -1).join(', ')} and ${names.at(-1)} inputs`;
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
