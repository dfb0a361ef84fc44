import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { db, pool } from '../db/client';
import { zones } from '../db/schema';
import { redis } from '../cache/redis';

type Zone = typeof zones.$inferSelect;

async function loadZone(code: string): Promise<Zone | undefined> {
  const key = `zone:${code}`;
  const hit = await redis.get(key);
  if (hit) return JSON.parse(hit) as Zone;

  const [zone] = await db.select().from(zones).where(eq(zones.code, code));
  if (zone) {
    await redis.set(key, JSON.stringify(zone)); // expect: cache-without-ttl
  }
  return zone;
}

export default async function zoneRoutes(app: FastifyInstance) {
  app.get<{ Params: { code: string } }>('/zones/:code', async (req, reply) => {
    const zone = await loadZone(req.params.code);
    if (!zone) return reply.code(404).send({ error: 'unknown_zone' });
    return zone;
  });

  app.put<{ Params: { code: string }; Body: { surchargeCents: number } }>(
    '/zones/:code/surcharge',
    async (req) => {
      await db
        .update(zones)
        .set({ surchargeCents: req.body.surchargeCents })
        .where(eq(zones.code, req.params.code));
      await redis.del(`zone:${req.params.code}`);

      // Keep a small index of recent surcharge changes for the ops dashboard.
      await redis
        .multi()
        .hSet('zone:surcharge:recent', req.params.code, String(req.body.surchargeCents))
        .expire('zone:surcharge:recent', 24 * 3600)
        .exec();
      return { ok: true };
    },
  );

  // Renumbers the zones shown in the dispatcher's drop-down, in one transaction.
  app.post<{ Body: { codes: string[] } }>('/zones/order', async (req, reply) => {
    const client = await pool.connect(); // expect: missing-release
    try {
      await client.query('BEGIN');
      await client.query(
        `UPDATE zones z SET display_order = o.n
           FROM unnest($1::text[]) WITH ORDINALITY AS o(code, n)
          WHERE z.code = o.code`,
        [req.body.codes],
      );
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      req.log.warn({ err }, 'zone reorder failed');
      return reply.code(400).send({ error: 'bad_order' });
    }
    client.release();
    return { ok: true };
  });
}
