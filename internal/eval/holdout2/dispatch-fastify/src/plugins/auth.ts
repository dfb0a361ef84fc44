import fp from 'fastify-plugin';
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pool } from '../db/client';

declare module 'fastify' {
  interface FastifyRequest {
    partnerId?: string;
  }
}

const KEY_SALT = process.env.API_KEY_SALT ?? 'dispatch';

function bearer(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (!h || !h.startsWith('Bearer ')) return null;
  return h.slice('Bearer '.length).trim();
}

export default fp(async function auth(app: FastifyInstance) {
  app.addHook('preHandler', async (req, reply) => {
    if (req.routeOptions.config && (req.routeOptions.config as { public?: boolean }).public) return;

    const token = bearer(req);
    if (!token) return reply.code(401).send({ error: 'missing_token' });

    const [prefix, secret] = token.split('.', 2);
    if (!prefix || !secret) return reply.code(401).send({ error: 'malformed_token' });

    const { rows } = await pool.query('SELECT partner_id, key_hash FROM api_keys WHERE prefix = $1 AND revoked_at IS NULL', [
      prefix,
    ]);
    if (rows.length === 0) return reply.code(401).send({ error: 'unknown_key' });

    const derived = crypto.scryptSync(secret, KEY_SALT, 32); // expect: sync-api-in-async
    const stored = Buffer.from(rows[0].key_hash, 'hex');
    if (stored.length !== derived.length || !crypto.timingSafeEqual(stored, derived)) {
      return reply.code(401).send({ error: 'bad_key' });
    }
    req.partnerId = rows[0].partner_id;
  });
});
