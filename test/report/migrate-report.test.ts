// A failed migrate report, through the bundle on a real PostgreSQL: what was rolled back, what stayed committed,
// and the statement PostgreSQL refused with a caret at its error position.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journalFixture, POSTS, USERS, type Fixture } from '../migrate/fixtures.js';
import { runMigrate } from '../migrate/helpers.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { renderReport, visibleText } from './render.js';

const BROKEN = {
  name: 'add_kind',
  sql: 'ALTER TABLE "posts" ADD COLUMN "kind" text;\n--> statement-breakpoint\nALTER TABLE "posts"\n  ADD COLUMN "author" "author_kind" NOT NULL;',
};

const fixtures: Fixture[] = [];
const databases: TestDatabase[] = [];
beforeAll(async () => {
  for (let i = 0; i < 2; i++) databases.push(await createTestDatabase(`report_${i}`));
});
afterAll(async () => {
  for (const f of fixtures) f.remove();
  await Promise.all(databases.map((d) => d.drop()));
});

function project() {
  const fixture = journalFixture([USERS, POSTS, BROKEN]);
  fixtures.push(fixture);
  return fixture;
}

describe('failed migrate report', () => {
  it('transaction all: says everything was rolled back and shows the failing statement at its position', async () => {
    const fixture = project();
    const run = await runMigrate(fixture.root, { 'database-url': databases[0]!.url });
    expect(run.exitCode).toBe(1);
    const { html } = await renderReport(run.summary);
    const text = visibleText(html);
    expect(text).toContain(`Rolled back: ${fixture.names.join(', ')} (the transaction was rolled back`);
    expect(text).toContain('Committed: nothing; the database is as it was before this run.');
    expect(text).toMatch(/Failing statement \(drizzle\/0002_add_kind\.sql:4, PostgreSQL's position \d+\)/);
    // The caret sits under "author_kind", the type PostgreSQL could not find.
    const block = run.summary.match(/```\n([\s\S]*?)\n```/)![1]!.split('\n');
    const failing = block.findIndex((line) => line.startsWith('4 |'));
    expect(block[failing]).toBe('4 |   ADD COLUMN "author" "author_kind" NOT NULL;');
    expect(block[failing]!.indexOf('"author_kind"')).toBe(block[failing + 1]!.indexOf('^'));
  });

  it('transaction each: names the migrations that stayed committed and the one rolled back', async () => {
    const fixture = project();
    const run = await runMigrate(fixture.root, { 'database-url': databases[1]!.url, transaction: 'each' });
    expect(run.exitCode).toBe(1);
    const text = visibleText((await renderReport(run.summary)).html);
    expect(text).toContain(`Rolled back: ${fixture.names[2]} (the transaction was rolled back; it is not applied`);
    expect(text).toContain(`Committed: ${fixture.names[0]}, ${fixture.names[1]} stayed applied and are in the ledger.`);
  });
});
