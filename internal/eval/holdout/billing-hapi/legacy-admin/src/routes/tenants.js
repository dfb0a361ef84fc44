'use strict';

const crypto = require('node:crypto');
const { pool } = require('../lib/db');

const DEFAULT_ROLES = [
  { key: 'owner', permissions: ['*'] },
  { key: 'admin', permissions: ['users:*', 'billing:read', 'settings:*'] },
  { key: 'member', permissions: ['projects:*'] },
  { key: 'viewer', permissions: ['projects:read'] },
];

async function create({ body, send }) {
  const slug = String(body.slug || '').toLowerCase();
  if (!/^[a-z0-9][a-z0-9-]{2,39}$/.test(slug)) {
    return send(422, { error: 'slug must be 3-40 lowercase letters, digits or dashes' });
  }
  const invites = Array.isArray(body.invites) ? body.invites.slice(0, 50) : [];

  const client = await pool.connect(); // expect: missing-release
  try {
    await client.query('BEGIN');
    const {
      rows: [tenant],
    } = await client.query('INSERT INTO tenants (slug, name, plan_id) VALUES ($1, $2, $3) RETURNING id, slug', [
      slug,
      body.name || slug,
      body.planId || 'starter',
    ]);

    // Four fixed roles per tenant.
    const roleIds = {};
    for (const role of DEFAULT_ROLES) {
      const { rows } = await client.query(
        'INSERT INTO roles (tenant_id, key, permissions) VALUES ($1, $2, $3) RETURNING id',
        [tenant.id, role.key, role.permissions],
      );
      roleIds[role.key] = rows[0].id;
    }

    for (const email of invites) {
      const token = crypto.randomBytes(24).toString('base64url');
      await client.query('INSERT INTO invites (tenant_id, email, role_id, token) VALUES ($1, $2, $3, $4)', [tenant.id, email.toLowerCase(), roleIds.member, token]); // expect: query-in-loop
    }

    await client.query('COMMIT');
    client.release();
    return send(201, { id: tenant.id, slug: tenant.slug, invited: invites.length });
  } catch (err) {
    await client.query('ROLLBACK');
    if (err.code === '23505') {
      return send(409, { error: 'slug already taken' });
    }
    throw err;
  }
}

module.exports = { create };
