'use strict';

const { redis } = require('./db');

/**
 * Sliding-window limiter on a sorted set. Every key written here carries an
 * expiry set in the same MULTI, so idle clients leave nothing behind.
 */
async function hit(key, limit, windowMs) {
  const now = Date.now();
  const member = `${now}-${Math.random().toString(36).slice(2, 8)}`;
  const [, , [, count]] = await redis
    .multi()
    .zremrangebyscore(`rl:${key}`, 0, now - windowMs)
    .zadd(`rl:${key}`, now, member)
    .zcard(`rl:${key}`)
    .pexpire(`rl:${key}`, windowMs)
    .exec();
  return { allowed: count <= limit, remaining: Math.max(0, limit - count), resetMs: windowMs };
}

async function fixedWindow(key, limit, windowSeconds) {
  const bucket = Math.floor(Date.now() / 1000 / windowSeconds);
  const k = `rlf:${key}:${bucket}`;
  const [[, count]] = await redis.multi().incr(k).expire(k, windowSeconds * 2).exec();
  return count <= limit;
}

module.exports = { hit, fixedWindow };
