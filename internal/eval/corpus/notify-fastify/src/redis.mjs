import { createClient } from 'redis';
import { logger } from './lib/logger.mjs';

export const redis = createClient({
  url: process.env.REDIS_URL ?? 'redis://localhost:6379/4',
  socket: { connectTimeout: 3_000, reconnectStrategy: (retries) => Math.min(retries * 200, 5_000) },
});

redis.on('error', (err) => logger.error({ err }, 'redis error'));
await redis.connect();
