import Redis from 'ioredis';
import { logger } from './logger';

export const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379', {
  maxRetriesPerRequest: 3,
  enableAutoPipelining: true,
  lazyConnect: false,
});

redis.on('error', (err) => logger.error({ err }, 'redis connection error'));

export const keys = {
  product: (id: string) => `shop:product:${id}`,
  price: (sku: string, currency: string) => `shop:price:${currency}:${sku}`,
  cart: (cartId: string) => `shop:cart:${cartId}`,
  cartReminder: (cartId: string) => `shop:cart-reminder:${cartId}`,
  session: (sid: string) => `shop:sess:${sid}`,
  rate: (ip: string, bucket: number) => `shop:rl:${ip}:${bucket}`,
};
