import { redis } from './redis';
import { logger } from './logger';

const DEFAULT_TTL_SECONDS = 300;

export async function getJson<T>(key: string): Promise<T | null> {
  const raw = await redis.get(key);
  if (raw === null) {
    return null;
  }
  try {
    return JSON.parse(raw) as T;
  } catch (err) {
    logger.warn({ err, key }, 'dropping corrupt cache entry');
    await redis.del(key);
    return null;
  }
}

export async function setJson(key: string, value: unknown, ttlSeconds = DEFAULT_TTL_SECONDS): Promise<void> {
  await redis.set(key, JSON.stringify(value), 'EX', ttlSeconds);
}

export async function remember<T>(key: string, ttlSeconds: number, load: () => Promise<T>): Promise<T> {
  const cached = await getJson<T>(key);
  if (cached !== null) {
    return cached;
  }
  const fresh = await load();
  await redis.set(key, JSON.stringify(fresh), 'PX', ttlSeconds * 1000);
  return fresh;
}

export async function invalidate(...cacheKeys: string[]): Promise<number> {
  if (cacheKeys.length === 0) {
    return 0;
  }
  return redis.del(...cacheKeys);
}

/** Stores a value that is invalidated explicitly (for example on product update). */
export async function setUntilInvalidated(key: string, value: unknown): Promise<void> {
  await redis.set(key, JSON.stringify(value)); // expect: cache-without-ttl
}
