import { spawn } from 'node:child_process';

export interface Stats {
  min: number;
  median: number;
  max: number;
  runs: number;
}

/** Runs `fn` once to warm up, then `runs` times, and summarises the durations in milliseconds. */
export async function measure(fn: () => Promise<number | void>, runs = 5, warmup = 1): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const reported = await fn();
    // A benchmark may time only its own part (e.g. excluding database creation) by returning it.
    samples.push(typeof reported === 'number' ? reported : performance.now() - started);
  }
  return summarise(samples);
}

/**
 * Measures two contenders alternately (a, b, a, b, …) after one warm-up each, so that whatever the machine does
 * meanwhile (checkpoints, caches, other load) falls on both sides alike.
 */
export async function measurePair(
  a: () => Promise<number | void>,
  b: () => Promise<number | void>,
  runs = 5,
): Promise<[Stats, Stats]> {
  const time = async (fn: () => Promise<number | void>) => {
    const started = performance.now();
    const reported = await fn();
    return typeof reported === 'number' ? reported : performance.now() - started;
  };
  await a();
  await b();
  const first: number[] = [];
  const second: number[] = [];
  for (let i = 0; i < runs; i++) {
    first.push(await time(a));
    second.push(await time(b));
  }
  return [summarise(first), summarise(second)];
}

export function summarise(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { min: sorted[0]!, median, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** Time from spawning a process to its first byte of output, and its peak resident memory (from /usr/bin/time). */
export function firstOutput(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ firstOutputMs: number; exitCode: number | null }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let first: number | undefined;
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const mark = () => {
      first ??= performance.now() - started;
    };
    child.stdout.on('data', mark);
    child.stderr.on('data', mark);
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ firstOutputMs: first ?? performance.now() - started, exitCode }));
  });
}

export function peakMemoryMb(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', 'MAXRSS %M', command, ...args], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', () => {
      const kb = Number(/MAXRSS (\d+)/.exec(stderr)?.[1]);
      if (Number.isFinite(kb)) resolve(kb / 1024);
      else reject(new Error(`no memory figure from /usr/bin/time: ${stderr.slice(-300)}`));
    });
  });
}

export const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
export const statsText = (s: Stats) => `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})`;
