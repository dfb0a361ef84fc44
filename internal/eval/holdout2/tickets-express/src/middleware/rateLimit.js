'use strict';

const Redis = require('ioredis');

const redis = new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false });

// Fixed-window limiter. INCR and EXPIRE go in one MULTI so a key never outlives its window.
module.exports = function rateLimit({ windowSeconds, max }) {
  return async function limiter(req, res, next) {
    const window = Math.floor(Date.now() / 1000 / windowSeconds);
    const key = `rl:${req.ip}:${window}`;
    try {
      const [[, count]] = await redis.multi().incr(key).expire(key, windowSeconds * 2).exec();
      res.setHeader('x-ratelimit-remaining', String(Math.max(0, max - count)));
      if (count > max) return res.status(429).json({ error: 'too_many_requests' });
    } catch (err) {
      // Redis down: fail open rather than take the site down with it.
      req.log?.warn({ err }, 'rate limiter unavailable');
    }
    next();
  };
};
