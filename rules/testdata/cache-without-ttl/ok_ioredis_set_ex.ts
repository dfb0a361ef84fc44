import Redis from "ioredis";

const redis = new Redis();
const FIVE_MINUTES = 300;

export async function cacheRates(base: string, rates: Record<string, number>) {
  await redis.set(`rates:${base}`, JSON.stringify(rates), "EX", FIVE_MINUTES);
}

export async function lock(name: string, ms: number) {
  return redis.set(`lock:${name}`, "1", "PX", ms, "NX");
}

export async function cacheFeed(userId: string, feed: unknown[]) {
  await redis.setex(`feed:${userId}`, 120, JSON.stringify(feed));
  await redis.psetex(`feed:${userId}:ts`, 120000, Date.now().toString());
}

export async function touch(key: string, value: string) {
  await redis.set(key, value, "KEEPTTL");
}

export async function lowerCaseOption(key: string, value: string) {
  await redis.set(key, value, "ex", 30);
}
