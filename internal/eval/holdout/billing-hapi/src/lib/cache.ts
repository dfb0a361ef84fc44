import { redis } from '../db';

const DEFAULT_TTL_SECONDS = 300;

/**
 * Read-through cache on Redis. Values are JSON; every write carries a TTL so
 * stale plan or price data ages out even if an invalidation is missed.
 */
export async function cached<T>(key: string, loader: () => Promise<T>, ttlSeconds = DEFAULT_TTL_SECONDS): Promise<T> {
  const hit = await redis.get(`cache:${key}`);
  if (hit !== null) {
    return JSON.parse(hit) as T;
  }
  const value = await loader();
  await redis.set(`cache:${key}`, JSON.stringify(value), 'EX', ttlSeconds);
  return value;
}

/** Stores a value and resets its expiry separately (older callers pass a Date). */
export async function remember(key: string, value: unknown, expiresAt: Date): Promise<void> {
  const seconds = Math.max(1, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  await redis.set(`cache:${key}`, JSON.stringify(value));
  await redis.expire(`cache:${key}`, seconds);
}

export async function invalidate(...keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await redis.del(...keys.map((k) => `cache:${k}`));
}

export async function cachedMany<T>(keys: string[]): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  if (keys.length === 0) return out;
  const values = await redis.mget(...keys.map((k) => `cache:${k}`));
  values.forEach((v, i) => {
    if (v !== null) out.set(keys[i], JSON.parse(v) as T);
  });
  return out;
}
