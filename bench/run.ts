/**
 * `npm run bench`: every figure users compare us by, measured side by side in one run (SPEC §7, issue 9). Prints a
 * table, writes bench/results.json, and replaces the table in README.md between the bench markers.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { admin, postgresAvailable } from '../test/support/postgres';
import type { Figure } from './figures';
import { statsText } from './measure';
import { coldStarts, distSize } from './startup';
import { embeddedApply, pgliteReady } from './embedded';

const root = join(import.meta.dirname, '..');
const corpusDir = join(root, '..', 'shared', 'corpus');

type Section = () => Promise<Figure[]>;

async function main(): Promise<void> {
  const hasPostgres = await postgresAvailable();
  const sections: Section[] = [pgliteReady, coldStarts, distSize];
  if (hasPostgres && existsSync(join(corpusDir, 'dokploy'))) sections.splice(1, 0, embeddedApply);
  else console.warn('Skipping the corpus figures: they need PostgreSQL and ../shared/corpus/dokploy.');
  for (const extra of await optionalSections(hasPostgres)) sections.push(extra);

  const figures: Figure[] = [];
  for (const section of sections) {
    const produced = await section();
    for (const figure of produced) console.log(line(figure));
    figures.push(...produced);
  }
  const machine = await describeMachine(hasPostgres);
  writeFileSync(
    join(root, 'bench', 'results.json'),
    `${JSON.stringify({ machine, date: new Date().toISOString(), figures }, null, 2)}\n`,
  );
  const table = renderTable(figures, machine);
  console.log(`\n${table}`);
  updateReadme(table);
}

/** Sections for actions that exist in this build; each lives next to its subject in bench/. */
async function optionalSections(hasPostgres: boolean): Promise<Section[]> {
  const found: Section[] = [];
  const candidates: Array<[string, string, boolean]> = [
    ['migrate-with-telemetry', './migrate', true],
    ['drift-check', './drift', true],
    ['schema-check', './schema-check', false],
    ['schema-check', './lint', false],
  ];
  for (const [action, module, needsPostgres] of candidates) {
    if (!existsSync(join(root, 'dist', action, 'index.js')) || !existsSync(join(import.meta.dirname, `${module}.ts`))) {
      continue;
    }
    if (needsPostgres && !hasPostgres) continue;
    const loaded = (await import(module)) as { section: Section };
    found.push(loaded.section);
  }
  return found;
}

function line(f: Figure): string {
  const parts = [f.label.padEnd(58)];
  if (f.ours) parts.push(`ours ${statsText(f.ours)}`);
  if (f.baseline) parts.push(`${f.baselineLabel ?? 'baseline'} ${statsText(f.baseline)}`);
  if (f.ratio !== undefined) parts.push(`ratio ${f.ratio.toFixed(2)}`);
  if (f.value) parts.push(f.value);
  if (f.target) parts.push(`target ${f.target} ${f.met ? 'met' : 'MISSED'}`);
  return parts.join(' · ');
}

function renderTable(figures: Figure[], machine: string): string {
  const rows = figures.map((f) => {
    const ours = f.ours ? statsText(f.ours) : (f.value ?? '');
    const baseline = f.baseline ? `${f.baselineLabel}: ${statsText(f.baseline)}` : '';
    const ratio = f.ratio !== undefined ? f.ratio.toFixed(2) : '';
    const target = f.target ? `${f.target} ${f.met ? '✅' : '❌ missed'}` : '';
    return `| ${f.label} | ${ours} | ${baseline} | ${ratio} | ${target} | ${f.note ?? ''} |`;
  });
  return [
    `Measured on ${machine}. Times are median (min–max) of several runs after a warm-up.`,
    '',
    '| figure | schema-actions | compared with | ratio | target | note |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

const START = '<!-- bench:start (npm run bench) -->';
const END = '<!-- bench:end -->';

function updateReadme(table: string): void {
  const path = join(root, 'README.md');
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start === -1 || end === -1) return;
  writeFileSync(path, `${text.slice(0, start + START.length)}\n\n${table}\n\n${text.slice(end)}`);
}

async function describeMachine(hasPostgres: boolean): Promise<string> {
  const cpu = cpus();
  const postgres = hasPostgres
    ? `PostgreSQL ${(await admin('SHOW server_version')).rows[0].server_version}`
    : 'no PostgreSQL';
  // The machine is shared: the load says how far the absolute times can be trusted (the ratios are side by side).
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${postgres}, load average ${load} (1 / 5 / 15 min) at the end`;
}

await main();
