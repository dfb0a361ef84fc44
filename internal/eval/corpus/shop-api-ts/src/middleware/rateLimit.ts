import { Request, Response, NextFunction } from 'express';
import { redis, keys } from '../lib/redis';
import { logger } from '../lib/logger';

export interface RateLimitOptions {
  windowSeconds: number;
  max: number;
}

export function rateLimit({ windowSeconds, max }: RateLimitOptions) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const bucket = Math.floor(Date.now() / 1000 / windowSeconds);
    const key = keys.rate(req.ip ?? 'unknown', bucket);
    try {
      const results = await redis.multi().incr(key).expire(key, windowSeconds).exec();
      const count = Number(results?.[0]?.[1] ?? 0);
      res.setHeader('x-ratelimit-remaining', Math.max(0, max - count));
      if (count > max) {
        res.status(429).json({ error: 'rate_limited', retryAfter: windowSeconds });
        return;
      }
    } catch (err) {
      // Fail open: a Redis outage must not take the API down.
      logger.warn({ err }, 'rate limiter unavailable');
    }
    next();
  };
}
