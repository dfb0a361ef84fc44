import Redis from 'ioredis';

export const redis = new Redis({
  host: process.env.REDIS_HOST ?? '127.0.0.1',
  port: Number(process.env.REDIS_PORT ?? 6379),
  db: 3,
  connectTimeout: 2_000,
  maxRetriesPerRequest: 2,
});
