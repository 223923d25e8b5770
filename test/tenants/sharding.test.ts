// Which shard a tenant database lands in: a function of its label alone, so retries and growth stay predictable.
import { describe, expect, it } from 'vitest';
import { shardMatrix, shardOf, targetsOfShard } from '../../actions/migrate-with-telemetry/shards';

const fleet = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    url: `postgres://u:p@db${i % 7}.internal:5432/tenant_${i}`,
    label: `db${i % 7}.internal:5432/tenant_${i}`,
  }));

describe('shard assignment', () => {
  it('splits the targets into disjoint shards that together cover all of them', () => {
    const targets = fleet(200);
    const shards = Array.from({ length: 8 }, (_, shard) => targetsOfShard(targets, shard, 8));
    const labels = shards.flat().map((t) => t.label);
    expect(labels.sort()).toEqual(targets.map((t) => t.label).sort());
    expect(new Set(labels).size).toBe(200);
    // A hash, not a round robin by position: still no shard is left empty at this size.
    for (const shard of shards) expect(shard.length).toBeGreaterThan(0);
  });

  it('does not depend on the order of the list, and adding a database moves no other one', () => {
    const targets = fleet(50);
    const before = new Map(targets.map((t) => [t.label, shardOf(t, 8)]));
    const grown = [
      { url: 'postgres://u:p@new.internal:5432/tenant_new', label: 'new.internal:5432/tenant_new' },
      ...targets.reverse(),
    ];
    for (const target of grown.slice(1)) expect(shardOf(target, 8)).toBe(before.get(target.label));
  });

  it('gives the matrix shard numbers only', () => {
    expect(shardMatrix(4)).toEqual({ shard: [0, 1, 2, 3] });
  });
});
