import Redis from "ioredis";

const redis = new Redis();

export class StatsCache {
  async recordVisit(pageId: string, visitorId: string): Promise<void> {
    await redis.hset(`page:${pageId}`, "lastVisitor", visitorId); // want "cache-without-ttl: .*redis.hset.*page:.*expire"
    await redis.sadd(`visitors:${pageId}`, visitorId); // want "cache-without-ttl: .*redis.sadd"
  }

  async storeSearch(query: string, ids: string[]): Promise<void> {
    await redis.zadd(`search:${query}`, 1, ids.join(",")); // want "cache-without-ttl: .*zadd"
    // The expiry goes to a different key, so search results still live forever.
    await redis.expire(`search-meta:${query}`, 300);
  }
}
