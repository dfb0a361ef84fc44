import Redis from "ioredis";

const redis = new Redis();

export async function saveDraft(userId: string, draft: Record<string, string>): Promise<void> {
  const key = `draft:${userId}`;
  await redis.hset(key, draft);
  await redis.expire(key, 24 * 3600);
}

export async function addTag(postId: string, tag: string): Promise<void> {
  await redis.sadd(`tags:${postId}`, tag);
  await redis.pexpire(`tags:${postId}`, 60_000);
}

export async function pushRecent(userId: string, item: string): Promise<void> {
  // A capped list is bounded by LTRIM.
  await redis.lpush(`recent:${userId}`, item);
  await redis.ltrim(`recent:${userId}`, 0, 49);
}
