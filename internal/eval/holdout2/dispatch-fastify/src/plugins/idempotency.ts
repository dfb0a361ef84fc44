import fp from 'fastify-plugin';
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { redis } from '../cache/redis';

const WINDOW_SECONDS = 24 * 3600;

// Replays the stored response when a client retries a POST with the same Idempotency-Key.
export default fp(async function idempotency(app: FastifyInstance) {
  app.addHook('preHandler', async (req, reply) => {
    if (req.method !== 'POST') return;
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || key.length === 0) return;

    const digest = crypto.createHash('sha256').update(`${req.partnerId ?? 'anon'}:${key}`).digest('hex');
    const slot = `idem:${digest}`;
    const claimed = await redis.set(slot, 'pending', { NX: true, EX: WINDOW_SECONDS });
    if (claimed === 'OK') {
      (req as unknown as { idemSlot: string }).idemSlot = slot;
      return;
    }
    const stored = await redis.get(slot);
    if (stored === 'pending') return reply.code(409).send({ error: 'request_in_progress' });
    if (stored) {
      const { status, body } = JSON.parse(stored) as { status: number; body: unknown };
      return reply.code(status).send(body);
    }
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const slot = (req as unknown as { idemSlot?: string }).idemSlot;
    if (!slot) return payload;
    await redis.set(slot, JSON.stringify({ status: reply.statusCode, body: JSON.parse(String(payload)) }), {
      KEEPTTL: true,
    });
    return payload;
  });
});
