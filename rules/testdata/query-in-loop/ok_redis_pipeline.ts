import Redis from "ioredis";
import { createClient } from "redis";

const redis = new Redis();
const client = createClient({ url: process.env.REDIS_URL });

// Commands queued on a pipeline or MULTI go out in one round trip.
export async function cartPrices(skus: string[]) {
  const pipeline = redis.pipeline();
  for (const sku of skus) {
    pipeline.get(`price:${sku}`);
  }
  const results = await pipeline.exec();
  return results?.map(([, v]) => Number(v));
}

export async function prices2(skus: string[]) {
  return redis.mget(skus.map((s) => `price:${s}`));
}

export async function touch(ids: string[]) {
  const multi = client.multi();
  ids.forEach((id) => multi.expire(`sess:${id}`, 3600));
  await multi.exec();
  const tx = redis.multi();
  for (const id of ids) tx.del(`lock:${id}`);
  await tx.exec();
  await client.mGet(ids.map((id) => `sess:${id}`));
}
