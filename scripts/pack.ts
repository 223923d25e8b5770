/**
 * npm run pack:cli [-- <destination folder>]: the publishable CLI tarball. The root package.json is the repository's
 * (workspaces, build-time dependencies) and stays private; the published manifest keeps only what an installed CLI
 * uses. dist/ is self-contained (ncc bundles every dependency; PGlite and libpg-query are vendored), so the package
 * declares no dependencies and installs nothing else.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = join(import.meta.dirname, '..');

/** The fields of the root package.json that describe the published CLI. */
const PUBLISHED_FIELDS = [
  'name',
  'version',
  'description',
  'license',
  'repository',
  'homepage',
  'bugs',
  'keywords',
  'type',
  'bin',
  'files',
  'engines',
] as const;

export function publishedManifest(): Record<string, unknown> {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  const published: Record<string, unknown> = {};
  for (const field of PUBLISHED_FIELDS) if (manifest[field] !== undefined) published[field] = manifest[field];
  // A scoped package is private on the registry unless published as public.
  return { ...published, publishConfig: { access: 'public' } };
}

/** Packs the CLI into destination and returns the tarball's path. */
export function packCli(destination: string): string {
  const manifest = publishedManifest();
  const staging = mkdtempSync(join(tmpdir(), 'schema-actions-pack-'));
  try {
    for (const entry of [...(manifest.files as string[]), 'README.md', 'LICENSE']) {
      cpSync(join(root, entry), join(staging, entry), { recursive: true });
    }
    writeFileSync(join(staging, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const output = execFileSync('npm', ['pack', '--json', '--pack-destination', resolve(destination)], {
      cwd: staging,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [{ filename }] = JSON.parse(output) as [{ filename: string }];
    return join(resolve(destination), filename);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(packCli(process.argv[2] ?? root));
