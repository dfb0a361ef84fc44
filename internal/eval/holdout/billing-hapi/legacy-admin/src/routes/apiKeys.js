'use strict';

const crypto = require('node:crypto');
const { pool, redis } = require('../lib/db');

function hashKey(key) {
  return crypto.createHash('sha256').update(key).digest('hex');
}

function create({ params: [tenantId], body, send }) {
  const key = `tk_${crypto.randomBytes(24).toString('base64url')}`;
  const hashed = hashKey(key);
  const scopes = Array.isArray(body.scopes) ? body.scopes : ['read'];

  return pool.connect().then((client) => // expect: missing-release
    client
      .query('INSERT INTO api_keys (tenant_id, hash, scopes, label) VALUES ($1, $2, $3, $4) RETURNING id, created_at', [
        tenantId,
        hashed,
        scopes,
        body.label || null,
      ])
      .then(async ({ rows: [row] }) => {
        client.release();
        // Lookup cache for the gateway: key hash -> tenant and scopes.
        await redis.set(`apikey:${hashed}`, JSON.stringify({ tenantId, scopes })); // expect: cache-without-ttl
        send(201, { id: row.id, key, createdAt: row.created_at });
      }),
  );
}

async function revokeAll({ params: [tenantId], send }) {
  const { rows } = await pool.query(
    'UPDATE api_keys SET revoked_at = now() WHERE tenant_id = $1 AND revoked_at IS NULL RETURNING hash',
    [tenantId],
  );
  await Promise.all(rows.map((r) => redis.del(`apikey:${r.hash}`))); // expect: query-in-loop
  return send(200, { revoked: rows.length });
}

module.exports = { create, revokeAll };
