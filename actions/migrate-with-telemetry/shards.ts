import { createHash } from 'node:crypto';
import type { Target } from './options';

/** GitHub's limit on the jobs one matrix may start. */
export const MAX_SHARDS = 256;

/**
 * The shard a database belongs to: a hash of its label (host:port/database), never of its position, so a retried
 * shard migrates the same databases and adding a database moves only that one.
 */
export function shardOf(target: Target, shards: number): number {
  return createHash('sha256').update(target.label).digest().readUInt32BE(0) % shards;
}

export function targetsOfShard(targets: Target[], shard: number, shards: number): Target[] {
  return targets.filter((target) => shardOf(target, shards) === shard);
}

/**
 * What `strategy.matrix` gets: shard numbers only. The URLs are secrets, so each matrix job reads them again from
 * the same secret and keeps its own.
 */
export function shardMatrix(shards: number): { shard: number[] } {
  return { shard: Array.from({ length: shards }, (_, i) => i) };
}
