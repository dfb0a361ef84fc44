import type { FastifyInstance } from 'fastify';
import { pool } from '../db/client';

type CreateDelivery = {
  pickup: { lat: number; lng: number };
  drop: { lat: number; lng: number };
  priceCents: number;
};

export default async function deliveryRoutes(app: FastifyInstance) {
  app.post<{ Body: CreateDelivery }>('/deliveries', async (req, reply) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query(
        `INSERT INTO deliveries (status, pickup_lat, pickup_lng, drop_lat, drop_lng, price_cents)
         VALUES ('pending', $1, $2, $3, $4, $5) RETURNING id`,
        [req.body.pickup.lat, req.body.pickup.lng, req.body.drop.lat, req.body.drop.lng, req.body.priceCents],
      );
      await client.query(
        `INSERT INTO delivery_events (delivery_id, kind) VALUES ($1, 'created')`,
        [rows[0].id],
      );
      await client.query('COMMIT');
      return reply.code(201).send({ id: rows[0].id });
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    } finally {
      client.release();
    }
  });

  app.post<{ Params: { id: string }; Body: { courierId: string } }>(
    '/deliveries/:id/reassign',
    async (req, reply) => {
      const client = await pool.connect(); // expect: missing-release
      await client.query('BEGIN');
      const { rows } = await client.query(
        'SELECT status, courier_id FROM deliveries WHERE id = $1 FOR UPDATE',
        [req.params.id],
      );
      if (rows.length === 0 || rows[0].status === 'delivered') {
        await client.query('ROLLBACK');
        return reply.code(409).send({ error: 'not_reassignable' });
      }
      await client.query('UPDATE deliveries SET courier_id = $2, status = $3 WHERE id = $1', [
        req.params.id,
        req.body.courierId,
        'assigned',
      ]);
      await client.query(
        `INSERT INTO delivery_events (delivery_id, kind, detail) VALUES ($1, 'reassigned', $2)`,
        [req.params.id, JSON.stringify({ from: rows[0].courier_id, to: req.body.courierId })],
      );
      await client.query('COMMIT');
      client.release();
      return { ok: true };
    },
  );

  app.get<{ Params: { id: string } }>('/deliveries/:id', async (req, reply) => {
    // Single statement: pool.query checks a client out and back in itself.
    const { rows } = await pool.query('SELECT * FROM deliveries WHERE id = $1', [req.params.id]);
    if (rows.length === 0) return reply.code(404).send({ error: 'not_found' });
    return rows[0];
  });
}
