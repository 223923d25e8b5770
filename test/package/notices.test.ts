import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_DECLARED, writeThirdPartyNotices } from '../../scripts/notices';

const root = join(import.meta.dirname, '..', '..');
const notices = () => readFileSync(join(root, 'THIRD_PARTY_NOTICES.txt'), 'utf8');

/** `name@version (license)` title lines of the committed notices, by package name. */
function titles(): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const [, name, license] of notices().matchAll(/^((?:@[\w.-]+\/)?[\w.-]+)@\S+ \((.+)\)$/gm)) {
    byName.set(name!, [...(byName.get(name!) ?? []), license!]);
  }
  return byName;
}

function manifest(dir: string): { name: string; license: string } {
  const { name, license } = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
  return { name, license: typeof license === 'object' ? license.type : (license ?? NOT_DECLARED) };
}
const declaredLicense = (name: string) => manifest(join('node_modules', name)).license;

describe('THIRD_PARTY_NOTICES.txt', () => {
  // An independent look at what the bundle holds: every node_modules package named anywhere in a fresh build's
  // webpack stats (all chunks, not only the entry chunk ncc's --license covers).
  let bundled: string[] = []; // package folders, e.g. node_modules/@vercel/client/node_modules/minimatch
  const work = mkdtempSync(join(tmpdir(), 'notices-'));
  beforeAll(() => {
    const stats = join(work, 'stats.json');
    execFileSync(
      join(root, 'node_modules', '.bin', 'ncc'),
      ['build', 'actions/main.ts', '-o', join(work, 'out'), '--stats-out', stats, '--quiet'],
      { cwd: root, stdio: 'inherit' },
    );
    const text = readFileSync(stats, 'utf8');
    const pkg = String.raw`node_modules/(?:@[\w.-]+/)?[\w.-]+`;
    bundled = [...new Set(text.match(new RegExp(`(?:${pkg}/)*${pkg}`, 'g')))];
  }, 300_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('names every package bundled into dist/main with its declared license and license text', () => {
    const packages = bundled.map(manifest);
    expect(packages.map((p) => p.name)).toEqual(
      expect.arrayContaining(['@actions/github', '@actions/http-client', '@octokit/core', 'undici', 'tunnel']),
    );
    expect(packages.length).toBeGreaterThan(100);
    const listed = titles();
    for (const { name, license } of packages) {
      expect(listed.get(name), `${name} is bundled but not in THIRD_PARTY_NOTICES.txt`).toBeDefined();
      expect(listed.get(name), name).toContain(license);
    }
  });

  it('each entry carries license text, not just an SPDX id', () => {
    const entries = notices()
      .split(/^-{80}$/m)
      .slice(1);
    expect(entries.length).toBeGreaterThan(100);
    for (const entry of entries) {
      const [title, ...body] = entry.trim().split('\n');
      expect(body.join('\n').length, `${title} has no license text`).toBeGreaterThan(150);
      if (/\(MIT\)$/.test(title!)) expect(body.join('\n'), title).toMatch(/Permission is hereby granted/i);
      if (/\(Apache-2\.0\)$/.test(title!)) expect(body.join('\n'), title).toMatch(/Apache License/);
    }
  });

  it('covers the vendored PGlite and libpg-query, and PostgreSQL compiled into their WASM', () => {
    const listed = titles();
    expect(listed.get('@electric-sql/pglite')).toEqual([declaredLicense('@electric-sql/pglite')]);
    expect(listed.get('libpg-query')).toEqual([declaredLicense('libpg-query')]);
    const text = notices();
    expect(text).toMatch(/^PostgreSQL \(PostgreSQL\)\ncompiled into .*dist\/pglite\//m);
    expect(text).toContain('PostgreSQL Global Development Group');
    expect(text).toMatch(/^libpg_query \(BSD-3-Clause\)$/m);
  });
});

describe('writeThirdPartyNotices', () => {
  function project(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'notices-project-'));
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    const modules = Object.keys(files)
      .filter((p) => p.endsWith('index.js'))
      .map((p) => ({ name: `./${p}`, nameForCondition: join(dir, p) }));
    writeFileSync(join(dir, 'stats.json'), JSON.stringify({ modules }));
    return dir;
  }

  it('fails the build, naming the package and the fix, when a bundled package ships no license text', () => {
    const dir = project({
      'node_modules/quiet/package.json': '{"name":"quiet","version":"1.2.3","license":"MIT"}',
      'node_modules/quiet/index.js': '',
    });
    try {
      expect(() => writeThirdPartyNotices({ root: dir, statsFile: join(dir, 'stats.json'), vendoredDirs: [] })).toThrow(
        'quiet@1.2.3 is bundled into dist/ but ships no license text: add it as scripts/licenses/quiet.txt',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("takes a license that only lives in the README's License section", () => {
    const dir = project({
      'node_modules/readme-only/package.json': '{"name":"readme-only","version":"2.0.0","license":"MIT"}',
      'node_modules/readme-only/index.js': '',
      'node_modules/readme-only/README.md':
        '# readme-only\n\nUsage.\n\n## License\n\nCopyright (c) 2020 Someone\n\nPermission is hereby granted, free of charge.\n',
    });
    try {
      writeThirdPartyNotices({ root: dir, statsFile: join(dir, 'stats.json'), vendoredDirs: [] });
      const text = readFileSync(join(dir, 'THIRD_PARTY_NOTICES.txt'), 'utf8');
      expect(text).toContain('readme-only@2.0.0 (MIT)\n\nCopyright (c) 2020 Someone\n\nPermission is hereby granted');
      expect(text).not.toContain('Usage.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
