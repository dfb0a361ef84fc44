'use strict';

const { redis } = require('../cache/redis');
const { knex } = require('../db/knex');
const log = require('../lib/log');

const DAY_SECONDS = 24 * 60 * 60;

function dayKey(accountId, route, date = new Date()) {
  return `quota:${accountId}:${route}:${date.toISOString().slice(0, 10)}`;
}

async function consume(accountId, route, cost = 1) {
  const key = dayKey(accountId, route);
  const [[, used]] = await redis.multi().incrby(key, cost).expire(key, DAY_SECONDS * 2).exec();
  return used;
}

async function usageForRoutes(accountId, routes) {
  const keys = routes.map((r) => dayKey(accountId, r));
  const values = keys.length ? await redis.mget(keys) : [];
  return Object.fromEntries(routes.map((r, i) => [r, Number(values[i] || 0)]));
}

async function limitsForAccount(accountId) {
  const rows = await knex('route_limits')
    .join('accounts', 'accounts.plan', 'route_limits.plan')
    .where('accounts.id', accountId)
    .select('route_limits.route', 'route_limits.daily_limit');
  return new Map(rows.map((r) => [r.route, r.daily_limit]));
}

async function overQuotaRoutes(accountId) {
  const limits = await limitsForAccount(accountId);
  const over = [];
  for (const [route, limit] of limits) {
    const used = Number((await redis.get(dayKey(accountId, route))) || 0); // expect: query-in-loop
    if (used >= limit) {
      over.push(route);
    }
  }
  return over;
}

async function resetAccount(accountId, routes) {
  const pipeline = redis.pipeline();
  routes.forEach((route) => pipeline.del(dayKey(accountId, route)));
  const results = await pipeline.exec();
  log.info({ accountId, cleared: results.length }, 'quota counters reset');
}

module.exports = { consume, usageForRoutes, overQuotaRoutes, resetAccount };
