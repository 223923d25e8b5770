import { resolve } from 'node:path';
import type { CommandResult, RunContext } from '../lib/command';
import { readShardCount, readTargets } from './options';
import { mergeShardResults, readShardResults, renderFleetSummary } from './results';
import { shardMatrix, targetsOfShard } from './shards';

/** plan mode: validates every target, then outputs the shard numbers (never a URL) for strategy.matrix. */
export async function planShards(context: RunContext): Promise<CommandResult> {
  const { inputs, logger } = context;
  const targets = readTargets(inputs, logger, context.baseDir);
  const shards = readShardCount(inputs);
  for (let shard = 0; shard < shards; shard++) {
    logger.info(`shard ${shard}: ${targetsOfShard(targets, shard, shards).length} of ${targets.length} databases`);
  }
  context.setOutput('matrix', JSON.stringify(shardMatrix(shards)));
  return {};
}

/** summary mode: one report over every shard's result; fails if a database failed or a shard never reported. */
export async function summariseShards(context: RunContext): Promise<CommandResult> {
  const { logger } = context;
  const dir = resolve(context.baseDir, context.inputs.required('results-dir'));
  const summary = mergeShardResults(readShardResults(dir));
  for (const failed of summary.failed) logger.error(`${failed.database}: ${failed.status}: ${failed.failure ?? ''}`);
  const published = await context.report.publish(logger.secrets.redact(renderFleetSummary(summary)), {
    comment: false,
  });
  context.setOutput('report', published.path);
  const problems = [
    ...(summary.failed.length > 0
      ? [`${summary.failed.length} database(s) did not migrate: ${summary.failed.map((d) => d.database).join(', ')}`]
      : []),
    ...(summary.missingShards.length > 0 ? [`no result from shard(s) ${summary.missingShards.join(', ')}`] : []),
  ];
  return problems.length > 0 ? { failure: problems.join('; ') } : {};
}
