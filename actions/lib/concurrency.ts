import pLimit from 'p-limit';

/**
 * `fn` over every item with at most `limit` running at once; results in the items' order. The one bounded-concurrency
 * loop of the code base (p-limit underneath), so every caller gets the same ordering and error behaviour.
 */
export function mapWithLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  return pLimit(limit).map(items, (item) => fn(item));
}
