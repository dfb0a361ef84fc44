import type { FastifyInstance } from 'fastify';
import { pool } from '../db/client';
import { redis } from '../cache/redis';

type DailyRow = { day: string; delivered: number; revenue_cents: number };

export default async function reportRoutes(app: FastifyInstance) {
  // Finance export: runs in a read-only snapshot so the totals add up.
  app.get<{ Querystring: { from: string; to: string } }>('/reports/daily', async (req) => {
    const client = await pool.connect(); // expect: missing-release
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows } = await client.query<DailyRow>(
      `SELECT date_trunc('day', created_at)::date::text AS day,
              count(*) FILTER (WHERE status = 'delivered')::int AS delivered,
              coalesce(sum(price_cents) FILTER (WHERE status = 'delivered'), 0)::int AS revenue_cents
         FROM deliveries
        WHERE created_at >= $1 AND created_at < $2
        GROUP BY 1 ORDER BY 1`,
      [req.query.from, req.query.to],
    );
    const totals = await client.query<{ couriers: number }>(
      `SELECT count(DISTINCT courier_id)::int AS couriers FROM deliveries WHERE created_at >= $1 AND created_at < $2`,
      [req.query.from, req.query.to],
    );
    await client.query('COMMIT');
    client.release();
    return { days: rows, couriers: totals.rows[0].couriers };
  });

  // Zone leaderboard, recomputed by the hourly job and read from a hash here.
  app.get('/reports/zones', async () => {
    const cached = await redis.hGetAll('report:zones');
    if (Object.keys(cached).length > 0) {
      return Object.entries(cached).map(([code, n]) => ({ code, delivered: Number(n) }));
    }
    const { rows } = await pool.query<{ code: string; delivered: number }>(
      `SELECT z.code, count(d.id)::int AS delivered
         FROM zones z LEFT JOIN couriers c ON c.zone_id = z.id
         LEFT JOIN deliveries d ON d.courier_id = c.id AND d.status = 'delivered'
        GROUP BY z.code`,
    );
    if (rows.length > 0) {
      await redis.hSet( // expect: cache-without-ttl
        'report:zones',
        Object.fromEntries(rows.map((r) => [r.code, String(r.delivered)])),
      );
    }
    return rows;
  });
}
