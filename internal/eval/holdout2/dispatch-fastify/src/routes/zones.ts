import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { db } from '../db/client';
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
}
