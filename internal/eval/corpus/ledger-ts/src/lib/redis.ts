import { createClient } from 'redis';
import { log } from './log';

export const redis = createClient({ url: process.env.REDIS_URL, socket: { connectTimeout: 2_000 } });
redis.on('error', (err) => log.error('redis error', { err }));

export async function connectRedis(): Promise<void> {
  if (!redis.isOpen) {
    await redis.connect();
  }
}
