'use strict';

const http = require('node:http');
const crypto = require('node:crypto');
const fs = require('node:fs');
const { one } = require('./lib/db');
const { hit } = require('./lib/rateLimit');
const tenants = require('./routes/tenants');
const users = require('./routes/users');
const apiKeys = require('./routes/apiKeys');
const exportsRoute = require('./routes/exports');

const ADMIN_KEY_SALT = fs.readFileSync(process.env.ADMIN_KEY_SALT_FILE || '/run/secrets/admin_key_salt');
const ADMIN_KEY_HASH = Buffer.from(process.env.ADMIN_KEY_HASH || '', 'hex');

// hostname -> tenant row, for white-label domains.
const tenantByHost = new Map(); // expect: cache-without-ttl

const routes = [
  ['POST', /^\/tenants$/, tenants.create],
  ['POST', /^\/tenants\/([\w-]+)\/users$/, users.invite],
  ['POST', /^\/users\/([\w-]+)\/password$/, users.resetPassword],
  ['POST', /^\/tenants\/([\w-]+)\/api-keys$/, apiKeys.create],
  ['DELETE', /^\/tenants\/([\w-]+)\/api-keys$/, apiKeys.revokeAll],
  ['GET', /^\/tenants\/([\w-]+)\/export\.csv$/, exportsRoute.csv],
];

async function resolveTenant(host) {
  if (tenantByHost.has(host)) return tenantByHost.get(host);
  const tenant = await one('SELECT id, slug, plan_id FROM tenants WHERE custom_domain = $1', [host]);
  tenantByHost.set(host, tenant);
  return tenant;
}

function readJson(req) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    req.on('data', (c) => {
      size += c.length;
      if (size > 1 << 20) reject(Object.assign(new Error('payload too large'), { status: 413 }));
      else chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(chunks.length ? JSON.parse(Buffer.concat(chunks)) : {});
      } catch (err) {
        reject(Object.assign(err, { status: 400 }));
      }
    });
    req.on('error', reject);
  });
}

const server = http.createServer(async (req, res) => {
  const send = (status, body) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  try {
    const limit = await hit(`ip:${req.socket.remoteAddress}`, 120, 60000);
    if (!limit.allowed) return send(429, { error: 'slow down' });
    const presented = String(req.headers['x-admin-key'] || '');
    const derived = crypto.scryptSync(presented, ADMIN_KEY_SALT, 32); // expect: sync-api-in-async
    if (ADMIN_KEY_HASH.length !== derived.length || !crypto.timingSafeEqual(ADMIN_KEY_HASH, derived)) {
      return send(401, { error: 'unauthorised' });
    }

    const { pathname } = new URL(req.url, 'http://x');
    const route = routes.find(([m, re]) => m === req.method && re.test(pathname));
    if (!route) return send(404, { error: 'not found' });
    const params = pathname.match(route[1]).slice(1);
    const body = req.method === 'GET' || req.method === 'DELETE' ? {} : await readJson(req);
    const tenant = await resolveTenant(req.headers.host);
    return await route[2]({ req, res, params, body, tenant, send });
  } catch (err) {
    send(err.status || 500, { error: err.status ? err.message : 'internal error' });
  }
});

server.listen(Number(process.env.PORT || 7070));
