import { pool, tenantClient, tx } from '../db.mjs';
import { redis } from '../redis.mjs';

const unreadKey = (userId) => `notify:unread:${userId}`;

export default async function notificationRoutes(app) {
  app.get('/users/:userId/notifications', async (req, reply) => {
    const { userId } = req.params;
    const limit = Math.min(Number(req.query.limit ?? 30), 100);
    const client = await tenantClient(req.tenant.schema);
    try {
      const { rows } = await client.query(
        `SELECT id, kind, title, body, read_at, created_at
           FROM notifications WHERE user_id = $1 ORDER BY created_at DESC LIMIT $2`,
        [userId, limit],
      );
      return { items: rows };
    } finally {
      client.release();
    }
  });

  app.get('/users/:userId/notifications/unread-count', async (req) => {
    const cached = await redis.get(unreadKey(req.params.userId));
    if (cached !== null) {
      return { unread: Number(cached) };
    }
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL', [
      req.params.userId,
    ]);
    await redis.set(unreadKey(req.params.userId), String(rows[0].n), { EX: 120 });
    return { unread: rows[0].n };
  });

  app.post('/users/:userId/notifications/read', async (req, reply) => {
    const ids = req.body?.ids ?? [];
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > 500) {
      return reply.code(400).send({ error: 'ids must be a non-empty array of at most 500 ids' });
    }
    const client = await pool.connect(); // expect: missing-release
    await client.query(`SET search_path TO ${req.tenant.schema}, public`);
    let updated = 0;
    for (const id of ids) {
      const res = await client.query( // expect: query-in-loop
        'UPDATE notifications SET read_at = now() WHERE id = $1 AND user_id = $2 AND read_at IS NULL',
        [id, req.params.userId],
      );
      updated += res.rowCount;
    }
    client.release();
    await redis.del(unreadKey(req.params.userId));
    return { updated };
  });

  app.post('/users/:userId/notifications/read-all', async (req) => {
    const updated = await tx(async (client) => {
      const res = await client.query('UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL', [
        req.params.userId,
      ]);
      await client.query('INSERT INTO read_markers (user_id, marked_at) VALUES ($1, now())', [req.params.userId]);
      return res.rowCount;
    });
    await redis.set(unreadKey(req.params.userId), '0', { EX: 120 });
    return { updated };
  });
}
