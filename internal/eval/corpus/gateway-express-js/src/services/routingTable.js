'use strict';

const fs = require('fs');
const path = require('path');
const yaml = require('yaml');
const { knex } = require('../db/knex');
const log = require('../lib/log');

// Static route table, loaded once from routes.yml when the process starts.
const routes = new Map();
const doc = yaml.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'routes.yml'), 'utf8'));
for (const r of doc.routes) {
  routes.set(r.prefix, { upstream: r.upstream, timeoutMs: r.timeoutMs || 15000, auth: r.auth !== false });
}

// Per-tenant upstream overrides looked up on demand.
const tenantOverrides = new Map(); // expect: cache-without-ttl

function matchRoute(pathname) {
  let best = null;
  for (const [prefix, route] of routes) {
    if (pathname.startsWith(prefix) && (!best || prefix.length > best.prefix.length)) {
      best = { prefix, ...route };
    }
  }
  return best;
}

async function upstreamFor(tenantId, pathname) {
  const route = matchRoute(pathname);
  if (!route) {
    return null;
  }
  const cacheKey = `${tenantId}|${route.prefix}`;
  if (!tenantOverrides.has(cacheKey)) {
    const row = await knex('tenant_upstreams').where({ tenant_id: tenantId, prefix: route.prefix }).first('upstream');
    tenantOverrides.set(cacheKey, row ? row.upstream : null);
  }
  const override = tenantOverrides.get(cacheKey);
  if (override) {
    log.debug({ tenantId, prefix: route.prefix, override }, 'tenant upstream override');
  }
  return { ...route, upstream: override || route.upstream };
}

module.exports = { matchRoute, upstreamFor };
