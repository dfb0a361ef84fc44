'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { one, redis } = require('./db');

const THEME_DIR = process.env.THEME_DIR || '/srv/tenant-admin/themes';
const LOCK_MS = 5000;

function flatten(config) {
  const out = {};
  for (const [k, v] of Object.entries(config)) out[k] = typeof v === 'string' ? v : JSON.stringify(v);
  return out;
}

async function loadConfig(tenantId) {
  const cacheKey = `cache:tenant:${tenantId}`;
  const cached = await redis.hgetall(cacheKey);
  if (cached && Object.keys(cached).length > 0) return cached;

  // Only one process rebuilds a tenant's config at a time.
  const gotLock = await redis.set(`lock:tenant-config:${tenantId}`, process.pid, 'PX', LOCK_MS, 'NX');
  const row = await one('SELECT settings, plan_id, theme FROM tenants WHERE id = $1', [tenantId]);
  if (!row) return null;
  const config = flatten({ ...row.settings, planId: row.plan_id, theme: row.theme });
  if (gotLock) {
    await redis.hset(cacheKey, config); // expect: cache-without-ttl
    await redis.del(`lock:tenant-config:${tenantId}`);
  }
  return config;
}

async function themeCss(tenantId) {
  const config = await loadConfig(tenantId);
  const theme = (config && config.theme) || 'default';
  const file = path.join(THEME_DIR, `${theme.replace(/[^a-z0-9-]/gi, '')}.css`);
  return fs.readFileSync(file, 'utf8'); // expect: sync-api-in-async
}

module.exports = { loadConfig, themeCss };
