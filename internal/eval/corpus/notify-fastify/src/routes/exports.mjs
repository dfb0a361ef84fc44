import { pool } from '../db.mjs';
import { logger } from '../lib/logger.mjs';

export default async function exportRoutes(app) {
  app.get('/users/:userId/export', async (req, reply) => {
    const client = await pool.connect(); // expect: missing-release
    const { rows: user } = await client.query('SELECT id, email, created_at FROM users WHERE id = $1', [req.params.userId]);
    if (user.length === 0) {
      return reply.code(404).send({ error: 'unknown user' });
    }
    const { rows: notifications } = await client.query(
      'SELECT kind, title, created_at, read_at FROM notifications WHERE user_id = $1 ORDER BY created_at',
      [req.params.userId],
    );
    const { rows: prefs } = await client.query('SELECT channel, topic, enabled FROM preferences WHERE user_id = $1', [
      req.params.userId,
    ]);
    client.release();
    return { user: user[0], notifications, preferences: prefs };
  });

  app.delete('/users/:userId', async (req, reply) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('DELETE FROM notifications WHERE user_id = $1', [req.params.userId]);
      await client.query('DELETE FROM preferences WHERE user_id = $1', [req.params.userId]);
      await client.query('COMMIT');
      return reply.code(204).send();
    } catch (err) {
      await client.query('ROLLBACK');
      logger.error({ err, userId: req.params.userId }, 'user deletion failed');
      throw err;
    } finally {
      client.release();
    }
  });

  app.post('/admin/vacuum', async () => {
    const client = await pool.connect(); // expect: missing-release
    await client.query('VACUUM (ANALYZE) notifications');
    await client.query('VACUUM (ANALYZE) preferences');
    client.release();
    return { ok: true };
  });
}
