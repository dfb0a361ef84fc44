import Redis from "ioredis";

const redis = new Redis(process.env.REDIS_URL!);

export async function cartPrices(skus: string[]) {
  const prices: Record<string, number> = {};
  for (const sku of skus) {
    const cached = await redis.get(`price:${sku}`); // want "query-in-loop: redis.get runs once per iteration of the loop on line 7 \\(one cache round trip per item\\); batch the keys with mget, or queue the commands on one pipeline\\(\\)"
    prices[sku] = cached ? Number(cached) : 0;
  }
  return prices;
}

export class SessionStore {
  constructor(private readonly client: Redis) {}

  async touchAll(sessionIds: string[]) {
    await Promise.all(sessionIds.map((id) => this.client.expire(`sess:${id}`, 3600))); // want "this.client.expire runs once per element of sessionIds.map .*queue the writes on one pipeline"
  }

  async counters(keys: string[]) {
    return Promise.all(keys.map(async (k) => Number(await this.client.hget("counters", k)))); // want "this.client.hget runs once per element of keys.map"
  }
}
