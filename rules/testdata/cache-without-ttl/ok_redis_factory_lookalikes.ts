import { redis, getCache, redisStore } from "@/lib/redis";
import { getClient } from "@/lib/http";
import { createStore } from "./store";

// Values returned by other helpers: wrappers that may apply their own TTL,
// clients of something else, plain maps. And a Redis client from a factory
// that is given an expiry.

export async function withTTL(id: string, v: string) {
  const client = await redis();
  await client.set(`a:${id}`, v, { EX: 60 });
  await client.hSet(`h:${id}`, "f", v);
  await client.expire(`h:${id}`, 60);
}

export async function wrappers(id: string, v: string) {
  const cache = await getCache();
  await cache.set(`b:${id}`, v);
  const store = redisStore();
  await store.set(`c:${id}`, v);
  const s = createStore();
  s.set(`d:${id}`, v);
  const http = getClient();
  await http.set(`e:${id}`, v);
  const m = makeIndex();
  m.set(id, v);
}

function makeIndex() {
  return new Map<string, string>();
}
