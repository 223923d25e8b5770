import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Figure } from './figures';
import { firstOutput, summarise } from './measure';

const dist = join(import.meta.dirname, '..', 'dist');

/** Every entry a user can start: each action's, the root action's and the CLI. */
function entries(): Array<{ name: string; args: string[] }> {
  const repo = join(dist, '..');
  const isEntry = (name: string) =>
    existsSync(join(dist, name, 'index.js')) && (name === 'root' || existsSync(join(repo, name, 'action.yml')));
  const found = readdirSync(dist)
    .filter(isEntry)
    .map((name) => ({ name, args: [join(dist, name, 'index.js')] }));
  return [...found, { name: 'cli --help', args: [join(dist, 'cli.js'), '--help'] }];
}

/**
 * Process start to first output, against a bare `node -e 0` (the floor every Node action pays). Run in an empty
 * workspace with no inputs, each entry answers with its own first line (usually the missing-input error) once it has
 * loaded its own code, which is the start-up a user pays before any work begins. Samples of the entry and the
 * baseline alternate, so machine load hits both alike.
 */
export async function coldStarts(): Promise<Figure[]> {
  const workspace = mkdtempSync(join(tmpdir(), 'bench-start-'));
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_WORKSPACE: workspace, RUNNER_TEMP: workspace };
  const bare = () => firstOutput(process.execPath, ['-e', '0'], env);
  const figures: Figure[] = [];
  for (const entry of entries()) {
    await firstOutput(process.execPath, entry.args, env);
    const samples: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < 9; i++) {
      baseline.push((await bare()).firstOutputMs);
      samples.push((await firstOutput(process.execPath, entry.args, env)).firstOutputMs);
    }
    const ours = summarise(samples);
    const floor = summarise(baseline);
    const ratio = ours.median / floor.median;
    figures.push({
      id: `cold-start-${entry.name}`,
      label: `Cold start: ${entry.name}`,
      ours,
      baseline: floor,
      baselineLabel: 'node -e 0',
      ratio,
      target: 'ratio ≤ 2.0',
      met: ratio <= 2.0,
    });
  }
  return figures;
}

export async function distSize(): Promise<Figure[]> {
  const bytes = sizeOf(dist);
  const pglite = sizeOf(join(dist, 'pglite'));
  return [
    {
      id: 'dist-size',
      label: 'Size of dist/',
      value: `${(bytes / 2 ** 20).toFixed(1)} MiB`,
      note: `PGlite's runtime is ${(pglite / 2 ** 20).toFixed(1)} MiB of it, shipped once for all actions`,
    },
  ];
}

function sizeOf(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((total, name) => total + sizeOf(join(path, name)), 0);
}
