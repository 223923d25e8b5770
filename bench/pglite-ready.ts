// One PGlite boot in a fresh process, as each action run pays it: prints milliseconds from start to first query.
import { openEmbedded } from '../actions/lib/db/pglite';

const started = performance.now();
const db = await openEmbedded();
await db.query('SELECT 1');
process.stdout.write(`${performance.now() - started}\n`);
await db.close();
