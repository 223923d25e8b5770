// dokploy's real migrations (../shared/corpus, never copied into this repository) with the deployed-history quirks
// the issue found in public apps: a journal entry deleted long ago (its SQL file left behind) and two old entries
// whose `when` goes backwards. A pull request adding the last three migrations must pass schema-check with one
// warning per kind (not one error per later entry), and migrate-with-telemetry and drift-check must work on it.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMigrate } from '../migrate/helpers.js';
import { pullRequestRepo, removeFixtures, runCheck } from '../schema-check/fixture.js';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../support/postgres.js';
import { runAction } from '../support/runner.js';

const DOKPLOY = '/work/shared/corpus/dokploy';
const present = existsSync(join(DOKPLOY, 'meta', '_journal.json'));
if (!present) console.warn(`real-repos corpus tests skipped: ${DOKPLOY} not found`);
const available = await postgresAvailable();
const temp = mkdtempSync(join(tmpdir(), 'real-repos-corpus-'));
const databases: TestDatabase[] = [];
afterAll(async () => {
  await Promise.all(databases.map((db) => db.drop()));
  removeFixtures();
  rmSync(temp, { recursive: true, force: true });
});

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}
/** Adds only a column nothing later uses, so the folder still applies without it. */
const DELETED = '0025_lying_mephisto';
const BACKWARDS = 41;

/** dokploy's folder with the quirks, as the base commit (without its last `added` entries) and as the change. */
function quirkyDokploy(added: number) {
  const journal = JSON.parse(readFileSync(join(DOKPLOY, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  const entries = journal.entries.filter((e) => e.tag !== DELETED);
  entries[BACKWARDS] = { ...entries[BACKWARDS]!, when: entries[BACKWARDS - 1]!.when - 60_000 };
  const files: Record<string, string> = {
    'drizzle.config.ts': "export default { dialect: 'postgresql', out: './drizzle' };\n",
  };
  for (const file of readdirSync(DOKPLOY))
    if (file.endsWith('.sql')) files[`drizzle/${file}`] = readFileSync(join(DOKPLOY, file), 'utf8');
  const withJournal = (list: JournalEntry[]): Record<string, string> => ({
    ...files,
    'drizzle/meta/_journal.json': JSON.stringify({ ...journal, entries: list }, null, 2),
  });
  const kept = entries.slice(0, entries.length - added);
  const base = withJournal(kept);
  for (const e of entries.slice(kept.length)) delete base[`drizzle/${e.tag}.sql`];
  return { base, head: withJournal(entries) };
}

interface Finding {
  check: string;
  rule: string;
  severity: string;
  message: string;
}

describe.skipIf(!present || !available)('dokploy with deployed-history quirks', () => {
  it('schema-check passes a pull request on top, one warning per kind of quirk', async () => {
    const { base, head } = quirkyDokploy(3);
    const repo = pullRequestRepo(base, head);
    const db = await createTestDatabase('corpus_check');
    databases.push(db);
    const run = await runCheck(repo, { 'database-url': db.url });
    const findings = JSON.parse(run.outputs.findings ?? '[]') as Finding[];
    expect(run.outputs.result, run.summary).toBe('passed');
    const integrity = findings.filter((f) => f.check === 'integrity');
    expect(integrity.map((f) => [f.rule, f.severity])).toEqual([
      ['journal-index-gap', 'warning'],
      ['journal-when-not-increasing', 'warning'],
      ['sql-file-not-in-journal', 'warning'],
    ]);
    expect(integrity[0]!.message).toContain('drizzle-orm never reads idx');
    expect(integrity[2]!.message).toContain(`${DELETED}.sql`);
  });

  it('migrate-with-telemetry applies it and drift-check finds no drift', async () => {
    const { base, head } = quirkyDokploy(1);
    const repo = pullRequestRepo(base, head);
    const db = await createTestDatabase('corpus_migrate');
    databases.push(db);
    const migrated = await runMigrate(repo.dir, { 'database-url': db.url }, 120_000);
    expect(migrated.outputs.status, migrated.logs).toBe('applied');
    const drift = await runAction({
      action: resolve('drift-check'),
      cwd: repo.dir,
      inputs: { 'database-url': db.url, environment: 'test' },
      env: { RUNNER_TEMP: temp },
      timeoutMs: 120_000,
    });
    expect(drift.outputs.drift, drift.summary).toBe('false');
  });
});
