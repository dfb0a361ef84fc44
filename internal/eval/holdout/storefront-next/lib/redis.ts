import { createClient, type RedisClientType } from 'redis';

let client: RedisClientType | undefined;

export async function redis(): Promise<RedisClientType> {
  if (!client) {
    client = createClient({ url: process.env.REDIS_URL, socket: { connectTimeout: 2_000 } });
    client.on('error', (err) => console.error('redis error', err));
    await client.connect();
  }
  return client;
}

export async function getJSON<T>(key: string): Promise<T | null> {
  const raw = await (await redis()).get(key);
  return raw === null ? null : (JSON.parse(raw) as T);
}

export async function setJSON(key: string, value: unknown, ttlSeconds: number): Promise<void> {
  await (await redis()).set(key, JSON.stringify(value), { EX: ttlSeconds });
}
