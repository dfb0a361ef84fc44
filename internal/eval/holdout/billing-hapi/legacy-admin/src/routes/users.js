'use strict';

const crypto = require('node:crypto');
const { pool, redis } = require('../lib/db');

const PBKDF2_ITERATIONS = 310000;

async function invite({ params: [tenantId], body, send }) {
  const email = String(body.email || '').trim().toLowerCase();
  if (!email.includes('@')) return send(422, { error: 'invalid email' });

  const client = await pool.connect(); // expect: missing-release
  const { rows: seats } = await client.query(
    'SELECT p.max_seats, count(u.id)::int AS used FROM tenants t JOIN plans p ON p.id = t.plan_id LEFT JOIN users u ON u.tenant_id = t.id WHERE t.id = $1 GROUP BY p.max_seats',
    [tenantId],
  );
  if (seats.length === 0) return send(404, { error: 'unknown tenant' });
  if (seats[0].used >= seats[0].max_seats) {
    client.release();
    return send(402, { error: 'seat limit reached' });
  }
  const { rows } = await client.query(
    "INSERT INTO users (tenant_id, email, status) VALUES ($1, $2, 'invited') ON CONFLICT (tenant_id, email) DO NOTHING RETURNING id, email",
    [tenantId, email],
  );
  client.release();
  if (rows[0]) {
    await redis.set(`user:profile:${rows[0].id}`, JSON.stringify({ id: rows[0].id, email, status: 'invited' })); // expect: cache-without-ttl
  }
  return send(rows[0] ? 201 : 200, rows[0] || { email, existing: true });
}

async function resetPassword({ params: [userId], body, send }) {
  const password = String(body.password || '');
  if (password.length < 12) return send(422, { error: 'password too short' });
  const salt = crypto.randomBytes(16);
  const hash = crypto.pbkdf2Sync(password, salt, PBKDF2_ITERATIONS, 32, 'sha256'); // expect: sync-api-in-async
  await pool.query('UPDATE users SET password_hash = $2, password_salt = $3, password_iterations = $4 WHERE id = $1', [
    userId,
    hash.toString('hex'),
    salt.toString('hex'),
    PBKDF2_ITERATIONS,
  ]);
  await redis.del(`user:profile:${userId}`);
  return send(204, null);
}

module.exports = { invite, resetPassword };
