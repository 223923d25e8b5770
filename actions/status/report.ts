import { markdownTable } from '../lib/markdown';
import type { Plan, TransactionPolicy } from '../lib/migrations/executor';
import type { LedgerLocation } from '../lib/migrations/ledger';
import type { MigrationSet } from '../lib/migrations/model';
import { ledgerProblemsTable, type LedgerState } from '../lib/migrations/verify';

export function renderStatusReport(
  set: MigrationSet,
  ledger: LedgerLocation,
  state: LedgerState,
  next: { policy: TransactionPolicy; plan: Plan },
): string {
  const lines: string[] = ['## Migration status', ''];
  const verdict = state.problems.length
    ? `❌ ${state.problems.length} problem(s)`
    : state.pending.length
      ? `⏳ ${state.pending.length} pending`
      : '✅ up to date';
  lines.push(
    `${verdict} — ${state.applied.length} applied, ${state.pending.length} pending, in \`${set.displayDir}\` (${set.layout} layout), ledger \`${ledger.schema}.${ledger.table}\`.`,
    '',
  );
  if (state.problems.length) {
    lines.push('### Problems', '');
    lines.push(ledgerProblemsTable(state.problems), '');
  }
  if (state.pending.length) {
    lines.push('### Pending', '', planSentence(state.pending.length, next), '');
    lines.push(
      markdownTable(
        ['migration', 'file', 'created'],
        state.pending.map((m) => [m.name, m.file, iso(m.createdAt)]),
      ),
      '',
    );
  }
  lines.push('### Applied', '');
  if (state.applied.length === 0) {
    lines.push('Nothing applied yet.', '');
  } else {
    lines.push(
      markdownTable(
        ['#', 'migration', 'created (ledger `created_at`)', 'applied at'],
        state.applied.map(({ row, migration }) => [
          String(row.id),
          migration?.name ?? row.name ?? '(file missing)',
          row.createdAt === null ? '' : iso(row.createdAt),
          // drizzle-orm 0.x records no application time; 1.x does (and leaves it empty for upgraded rows).
          row.appliedAt ? row.appliedAt.toISOString() : 'not recorded',
        ]),
      ),
      '',
    );
  }
  return lines.join('\n');
}

/** How migrate-with-telemetry would run the pending migrations with the same `transaction` input. */
function planSentence(pending: number, next: { policy: TransactionPolicy; plan: Plan }): string {
  if (next.plan.refusal) {
    return `❌ With transaction: ${next.policy}, migrate would apply nothing: ${next.plan.refusal.message}; ${next.plan.refusal.fix}.`;
  }
  const outside = next.plan.batches.filter((b) => !b.transactional).length;
  if (next.policy === 'all') return `With transaction: all, migrate applies these ${pending} in one transaction.`;
  return `With transaction: each, migrate applies these ${pending} one transaction per migration${outside ? ` (${outside} outside a transaction)` : ''}.`;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
