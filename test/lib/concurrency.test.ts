import { describe, expect, it } from 'vitest';
import { mapWithLimit } from '../../actions/lib/concurrency';

/** A task that stays running until released, recording how many ran at once. */
function gatedTasks() {
  let running = 0;
  let peak = 0;
  const gates: Array<() => void> = [];
  const started: number[] = [];
  const task = async (item: number) => {
    started.push(item);
    running += 1;
    peak = Math.max(peak, running);
    await new Promise<void>((release) => gates.push(release));
    running -= 1;
    return item * 10;
  };
  /** Releases the running tasks one turn at a time until all are done. */
  const drain = async (done: Promise<unknown>) => {
    let finished = false;
    void done.finally(() => (finished = true));
    while (!finished) {
      gates.splice(0).forEach((release) => release());
      await new Promise((tick) => setImmediate(tick));
    }
  };
  return { task, drain, peak: () => peak, started };
}

describe('mapWithLimit', () => {
  it('runs at most `limit` at once and keeps the results in the items’ order', async () => {
    const gated = gatedTasks();
    const items = [1, 2, 3, 4, 5, 6, 7];
    const done = mapWithLimit(items, 3, gated.task);
    await gated.drain(done);
    expect(await done).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(gated.peak()).toBe(3);
    expect(gated.started.sort()).toEqual(items);
  });

  it('runs everything at once when the limit exceeds the items, and nothing for no items', async () => {
    const gated = gatedTasks();
    const done = mapWithLimit([1, 2], 64, gated.task);
    await gated.drain(done);
    expect(await done).toEqual([10, 20]);
    expect(gated.peak()).toBe(2);
    expect(await mapWithLimit([], 4, gated.task)).toEqual([]);
  });

  it('runs one at a time with a limit of 1', async () => {
    const gated = gatedTasks();
    const done = mapWithLimit([3, 1, 2], 1, gated.task);
    await gated.drain(done);
    expect(await done).toEqual([30, 10, 20]);
    expect(gated.peak()).toBe(1);
    expect(gated.started).toEqual([3, 1, 2]);
  });
});
