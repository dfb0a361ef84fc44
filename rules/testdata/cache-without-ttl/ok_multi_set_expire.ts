import Redis from "ioredis";

const redis = new Redis();

export async function cacheCart(cartId: string, cart: object) {
  await redis
    .multi()
    .set(`cart:${cartId}`, JSON.stringify(cart))
    .expire(`cart:${cartId}`, 1800)
    .exec();
}

export async function cacheInventory(items: { sku: string; qty: number }[]) {
  const pipe = redis.pipeline();
  for (const item of items) {
    const key = `inv:${item.sku}`;
    pipe.hset(key, "qty", item.qty);
    pipe.expire(key, 600);
  }
  await pipe.exec();
}

export async function cacheSeparately(id: string, payload: string) {
  const key = `payload:${id}`;
  await redis.set(key, payload);
  await redis.expire(key, 60);
}

export async function cacheWithArrays(id: string, payload: string) {
  await redis
    .multi([
      ["set", `doc:${id}`, payload],
      ["expire", `doc:${id}`, 90],
    ])
    .exec();
}
