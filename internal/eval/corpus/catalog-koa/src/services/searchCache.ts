import { LRUCache } from 'lru-cache';
import { createHash } from 'node:crypto';
import { redis } from '../lib/redis';
import { logger } from '../lib/logger';

export interface SearchResult {
  total: number;
  ids: number[];
  facets: Record<string, Record<string, number>>;
}

const SEARCH_TTL_SECONDS = 90;

// Hot queries are served from memory; Redis backs it across instances.
const local = new LRUCache<string, SearchResult>({ max: 5_000, ttl: 30_000 });

// Autocomplete suggestions: bounded by total size, entries expire on their own.
const suggestions = new LRUCache<string, string[]>({
  maxSize: 8 * 1024 * 1024,
  sizeCalculation: (v) => v.join('').length + 16,
  ttl: 5 * 60_000,
});

function keyFor(query: string, filters: Record<string, string>): string {
  const canonical = JSON.stringify([query.trim().toLowerCase(), Object.entries(filters).sort()]);
  return `catalog:search:${createHash('sha1').update(canonical).digest('hex')}`;
}

export async function cachedSearch(
  query: string,
  filters: Record<string, string>,
  run: () => Promise<SearchResult>,
): Promise<SearchResult> {
  const key = keyFor(query, filters);
  const mem = local.get(key);
  if (mem) {
    return mem;
  }
  const remote = await redis.get(key);
  if (remote) {
    const parsed = JSON.parse(remote) as SearchResult;
    local.set(key, parsed);
    return parsed;
  }
  const result = await run();
  local.set(key, result);
  await redis.set(key, JSON.stringify(result), 'EX', SEARCH_TTL_SECONDS);
  return result;
}

export async function storeSuggestions(prefix: string, values: string[]): Promise<void> {
  suggestions.set(prefix, values);
  const key = `catalog:suggest:${prefix}`;
  await redis
    .multi()
    .del(key)
    .rpush(key, ...values)
    .expire(key, 600)
    .exec();
}

export async function pinResult(query: string, productIds: number[], ttlSeconds = 0): Promise<void> {
  const key = `catalog:pinned:${query.trim().toLowerCase()}`;
  const value = JSON.stringify(productIds);
  if (ttlSeconds > 0) {
    await redis.set(key, value, 'EX', ttlSeconds);
  } else {
    await redis.set(key, value); // expect: cache-without-ttl
  }
  logger.info({ query, count: productIds.length, ttlSeconds }, 'pinned search result');
}

export async function refreshTtl(key: string, value: string): Promise<void> {
  // Overwrite the value but keep whatever expiry the key already has.
  await redis.set(key, value, 'KEEPTTL');
}
