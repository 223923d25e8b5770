// The real-world migration folders (../shared/corpus), each presented as a pull request that adds its last few
// migrations on top of the rest: the check must pass them (they are what these projects deployed).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pullRequestRepo, removeFixtures, runCheck } from './fixture.js';

const CORPUS = resolve('/work/shared/corpus');
const present = existsSync(CORPUS);
if (!present) console.warn(`schema-check corpus tests skipped: ${CORPUS} not found`);

afterAll(removeFixtures);

interface Journal {
  entries: { tag: string }[];
}

/** The corpus folder's files as they were before the last `added` migrations, and as they are. */
function corpusCommits(name: string, added: number) {
  const dir = join(CORPUS, name);
  const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as Journal;
  const all: Record<string, string> = {};
  for (const file of readdirSync(dir))
    if (file.endsWith('.sql')) all[`drizzle/${file}`] = readFileSync(join(dir, file), 'utf8');
  for (const file of readdirSync(join(dir, 'meta')))
    all[`drizzle/meta/${file}`] = readFileSync(join(dir, 'meta', file), 'utf8');
  const kept = journal.entries.slice(0, journal.entries.length - added);
  const newTags = journal.entries.slice(kept.length).map((e) => e.tag);
  const base: Record<string, string> = {
    'drizzle.config.ts': "export default { dialect: 'postgresql', out: './drizzle' };\n",
  };
  for (const [path, text] of Object.entries(all)) {
    if (newTags.some((tag) => path === `drizzle/${tag}.sql`)) continue;
    base[path] = path.endsWith('_journal.json') ? JSON.stringify({ ...journal, entries: kept }, null, 2) : text;
  }
  return { base, head: all, newTags };
}

describe.skipIf(!present)('schema-check on the real-world corpus', () => {
  it('passes dokploy (186 migrations) with its last 3 as the pull request', async () => {
    const { base, head, newTags } = corpusCommits('dokploy', 3);
    const run = await runCheck(pullRequestRepo(base, head));
    expect(run.outputs.result, run.summary).toBe('passed');
    expect(JSON.parse(run.outputs['new-migrations']!)).toEqual(newTags);
    expect(run.summary).toContain('### What changes');
    console.log(`dokploy: ${run.summary.match(/Apply on embedded PostgreSQL \(PGlite\) \| ([^|]*)/)?.[1]}`);
  });

  it('applies ai-chatbot (data-moving SQL) with its last 2 as the pull request; lint reports its column drop', async () => {
    const { base, head, newTags } = corpusCommits('ai-chatbot', 2);
    const repo = pullRequestRepo(base, head);
    // Its newest migration drops a column that the app had stopped using: a real lint error, so by default the
    // check fails on exactly that, and everything else passes.
    const strict = await runCheck(repo);
    const failing = (
      JSON.parse(strict.outputs.findings!) as { rule: string; severity: string; file: string; line: number }[]
    ).filter((f) => f.severity === 'error');
    expect(failing).toEqual([
      expect.objectContaining({ rule: 'drop-column', file: 'drizzle/0008_flat_forgotten_one.sql', line: 1 }),
    ]);
    const lenient = await runCheck(repo, { 'lint-ignore': 'drop-column' });
    expect(lenient.outputs.result, lenient.summary).toBe('passed');
    expect(JSON.parse(lenient.outputs['new-migrations']!)).toEqual(newTags);
  });
});
