import { markdownTable } from '../lib/markdown';
import { redactUrl } from '../lib/secrets';
import type { CleanupOutcome } from './cleanup';
import type { CreateOutcome } from './create';
import type { RestoreOutcome } from './restore';

export function renderCreateReport(project: string, outcome: CreateOutcome): string {
  const verdict = outcome.created ? '✅ created' : '♻️ reused (already existed)';
  const rows: string[][] = [
    ['kind', outcome.kind],
    ['name', outcome.name],
    ['id', outcome.id],
    ['parent', outcome.parentName],
    ['parent LSN', outcome.parentLsn ?? ''],
    ['parent timestamp', outcome.parentTimestamp ?? ''],
    ['expires', outcome.expiresAt ?? 'never'],
  ];
  if (outcome.databaseUrl) rows.push(['connection', redactUrl(outcome.databaseUrl)]);
  return [
    '## Neon snapshot',
    '',
    `${verdict}: \`${outcome.name}\` in project \`${project}\`.`,
    '',
    markdownTable(['', ''], rows),
    '',
  ].join('\n');
}

export function renderRestoreReport(project: string, outcome: RestoreOutcome): string {
  return [
    '## Neon restore',
    '',
    `✅ \`${outcome.target}\` in project \`${project}\` now holds the data of \`${outcome.source.name}\` (${outcome.source.id}).`,
    '',
    markdownTable(
      ['', ''],
      [
        ['restored branch id', outcome.restoredBranchId],
        ['previous state kept as', `${outcome.preservedAs} (${outcome.preservedBranchId})`],
      ],
    ),
    '',
    `To undo the restore, restore \`${outcome.target}\` from \`${outcome.preservedAs}\`.`,
    '',
  ].join('\n');
}

export function renderCleanupReport(project: string, prefix: string, outcome: CleanupOutcome): string {
  const lines = [
    '## Neon snapshot cleanup',
    '',
    `🧹 Deleted ${outcome.deleted.length}, kept ${outcome.kept.length} snapshot(s) under \`${prefix}\` in project \`${project}\`.`,
    '',
  ];
  if (outcome.deleted.length) {
    lines.push(
      '### Deleted',
      '',
      markdownTable(
        ['name', 'id', 'created'],
        outcome.deleted.map((d) => [d.name, d.id, d.created_at]),
      ),
      '',
    );
  }
  if (outcome.kept.length) {
    lines.push(
      '### Kept',
      '',
      markdownTable(
        ['name', 'why'],
        outcome.kept.map((k) => [k.name, k.reason]),
      ),
      '',
    );
  }
  return lines.join('\n');
}
