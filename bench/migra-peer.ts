/**
 * The alternative to drift-check a user would script (issue 16): build the expected database by applying the
 * migrations to a scratch database on the same server, diff it against the live one with migra (@pgkit/migra), and
 * drop the scratch database. Bundled and run as its own process by bench/drift.ts, as drift-check is.
 *
 * Usage: node migra-peer.js <live-url> <migrations-dir>
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '@pgkit/migra';
import pg from 'pg';

async function main(): Promise<void> {
  const [liveUrl = '', dir = ''] = process.argv.slice(2);
  const scratch = new URL(liveUrl);
  const name = `migra_scratch_${process.pid}`;
  scratch.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: liveUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const client = new pg.Client({ connectionString: scratch.toString() });
    await client.connect();
    const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as {
      entries: { tag: string }[];
    };
    for (const { tag } of journal.entries) {
      for (const chunk of readFileSync(join(dir, `${tag}.sql`), 'utf8').split('--> statement-breakpoint'))
        if (chunk.trim()) await client.query(chunk);
    }
    await client.end();
    const migration = await run(scratch.toString(), liveUrl, { unsafe: true, excludeSchema: ['drizzle'] });
    process.stdout.write(`${migration.statements.length} statement(s)\n`);
  } finally {
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
  }
}

await main();
process.exit(0);
