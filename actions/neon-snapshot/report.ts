import { markdownTable } from '../lib/markdown';
import { redactUrl } from '../lib/secrets';
import type { CleanupOutcome } from './cleanup';
import type { CreateOutcome } from './create';
import type { DeletedSnapshot } from './cleanup';
import type { PreviewOutcome } from './preview';
import type { ResetOutcome } from './reset';
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

export interface PreviewExtras {
  deploymentUrl?: string;
  /** Markdown of other steps' reports (the rehearsal's durations, the migration), shown under the links. */
  included: string[];
}

export function renderPreviewReport(project: string, outcome: PreviewOutcome, extras: PreviewExtras): string {
  const rows: string[][] = [
    ['branch', `[\`${outcome.name}\`](${outcome.consoleUrl}) (${outcome.id})`],
    ['copy of', `\`${outcome.parentName}\`, taken ${outcome.createdAt}`],
    ['expires', outcome.expiresAt ?? 'never'],
    ['connection', redactUrl(outcome.databaseUrl)],
    ['pooled connection', redactUrl(outcome.pooledUrl)],
  ];
  if (extras.deploymentUrl) rows.splice(1, 0, ['deployment', extras.deploymentUrl]);
  const lines = [
    '## Preview database',
    '',
    // Said of the branch, not of this run: the comment is written again at the end of the job, by a run that reuses it.
    `🌿 This pull request has its own Neon branch in project \`${project}\`, holding a copy of \`${outcome.parentName}\`'s data.`,
    '',
    markdownTable(['', ''], rows),
    '',
  ];
  for (const report of extras.included) lines.push(demoteHeadings(report.trim()), '');
  return lines.join('\n');
}

/** Included reports sit under this one's heading. */
function demoteHeadings(markdown: string): string {
  return markdown.replace(/^(#{1,5}) /gm, '#$1 ');
}

export function renderDeleteReport(project: string, name: string, deleted: DeletedSnapshot[]): string {
  const verdict = deleted.length
    ? `🧹 Deleted branch \`${name}\` (${deleted[0]!.id})`
    : `✔️ Branch \`${name}\` was already gone: nothing deleted`;
  return ['## Neon preview branch', '', `${verdict} in project \`${project}\`.`, ''].join('\n');
}

export function renderResetReport(project: string, outcome: ResetOutcome): string {
  const kept = outcome.preservedAs
    ? `The state before the reset is kept as \`${outcome.preservedAs}\` (${outcome.preservedBranchId}).`
    : 'The state before the reset was not kept (set preserve-as to keep it).';
  return [
    '## Neon branch reset',
    '',
    `🔄 \`${outcome.name}\` (${outcome.id}) in project \`${project}\` now holds the current data of \`${outcome.parentName}\`; its connection string is unchanged.`,
    '',
    kept,
    '',
  ].join('\n');
}
