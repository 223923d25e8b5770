#!/usr/bin/env node
// node scripts/changelog-section.mjs <version>: prints CHANGELOG.md's section for that version (the release notes),
// and fails when there is none. Plain Node, no dependencies: the release workflow runs it as is.
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';

export function changelogSection(changelog, version) {
  const lines = changelog.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`## [${version}]`));
  if (start === -1) return undefined;
  const end = lines.findIndex((line, i) => i > start && /^## |^\[[^\]]+\]: /.test(line));
  const body = lines
    .slice(start + 1, end === -1 ? undefined : end)
    .join('\n')
    .trim();
  return body || undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const version = process.argv[2] ?? '';
  const section = changelogSection(readFileSync(new URL('../CHANGELOG.md', import.meta.url), 'utf8'), version);
  if (!section) {
    process.stderr.write(
      `CHANGELOG.md has no section "## [${version}]": add the release's changes under that heading.\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`${section}\n`);
}
