import type { FastifyInstance } from 'fastify';
import { and, eq, inArray } from 'drizzle-orm';
import { db } from '../db/client';
import { couriers, deliveries } from '../db/schema';
import { redis, getJson, setJson } from '../cache/redis';

type CourierView = {
  id: string;
  name: string;
  vehicleClass: string;
  onShift: boolean;
  openDeliveries: number;
};

export default async function courierRoutes(app: FastifyInstance) {
  app.get<{ Params: { id: string } }>('/couriers/:id', async (req, reply) => {
    const cacheKey = `courier:${req.params.id}`;
    const cached = await getJson<CourierView>(cacheKey);
    if (cached) return cached;

    const [row] = await db.select().from(couriers).where(eq(couriers.id, req.params.id));
    if (!row) return reply.code(404).send({ error: 'not_found' });

    const open = await db
      .select({ id: deliveries.id })
      .from(deliveries)
      .where(and(eq(deliveries.courierId, row.id), eq(deliveries.status, 'assigned')));

    const view: CourierView = {
      id: row.id,
      name: row.name,
      vehicleClass: row.vehicleClass,
      onShift: (await redis.get(`shift:${row.id}`)) === '1',
      openDeliveries: open.length,
    };
    await setJson(cacheKey, view, 30);
    return view;
  });

  // Dispatch board: every active courier in a zone with shift state.
  app.get<{ Querystring: { zone: string } }>('/couriers', async (req) => {
    const boardKey = `board:${req.query.zone}`;
    const cachedBoard = await getJson<CourierView[]>(boardKey);
    if (cachedBoard) return cachedBoard;

    const rows = await db
      .select()
      .from(couriers)
      .where(and(eq(couriers.zoneId, req.query.zone), eq(couriers.active, true)));

    const board: CourierView[] = [];
    for (const c of rows) {
      const shift = await redis.get(`shift:${c.id}`); // expect: query-in-loop
      board.push({
        id: c.id,
        name: c.name,
        vehicleClass: c.vehicleClass,
        onShift: shift === '1',
        openDeliveries: 0,
      });
    }

    if (board.length > 0) {
      const ids = board.map((b) => b.id);
      const open = await db
        .select({ courierId: deliveries.courierId })
        .from(deliveries)
        .where(and(inArray(deliveries.courierId, ids), eq(deliveries.status, 'assigned')));
      const counts = new Map<string, number>();
      for (const o of open) {
        if (o.courierId) counts.set(o.courierId, (counts.get(o.courierId) ?? 0) + 1);
      }
      for (const b of board) b.openDeliveries = counts.get(b.id) ?? 0;
    }
    await redis.set(boardKey, JSON.stringify(board)); // expect: cache-without-ttl
    return board;
  });

  app.post<{ Params: { id: string }; Body: { onShift: boolean } }>('/couriers/:id/shift', async (req) => {
    const key = `shift:${req.params.id}`;
    if (req.body.onShift) {
      // A shift is at most 14 hours; the key goes away on its own if clock-out is missed.
      await redis.set(key, '1', { EX: 14 * 3600 });
    } else {
      await redis.del(key);
    }
    await redis.del(`courier:${req.params.id}`);
    return { ok: true };
  });
}
