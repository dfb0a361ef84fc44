import { pool } from '../db.mjs';
import { redis } from '../redis.mjs';
import { logger } from '../lib/logger.mjs';

const CHANNELS = ['email', 'push', 'sms', 'in_app'];
const prefsKey = (userId) => `notify:prefs:${userId}`;

export default async function preferenceRoutes(app) {
  app.get('/users/:userId/preferences', async (req) => {
    const cached = await redis.get(prefsKey(req.params.userId));
    if (cached) {
      return JSON.parse(cached);
    }
    const { rows } = await pool.query('SELECT channel, topic, enabled FROM preferences WHERE user_id = $1', [
      req.params.userId,
    ]);
    const prefs = { userId: req.params.userId, rules: rows };
    await redis.set(prefsKey(req.params.userId), JSON.stringify(prefs)); // expect: cache-without-ttl
    return prefs;
  });

  app.put('/users/:userId/preferences', async (req, reply) => {
    const rules = req.body?.rules;
    if (!Array.isArray(rules) || rules.some((r) => !CHANNELS.includes(r.channel))) {
      return reply.code(400).send({ error: 'invalid rules' });
    }
    const client = await pool.connect(); // expect: missing-release
    try {
      await client.query('BEGIN');
      const { rows } = await client.query('SELECT locked FROM users WHERE id = $1 FOR UPDATE', [req.params.userId]);
      if (rows[0]?.locked) {
        await client.query('ROLLBACK');
        return reply.code(423).send({ error: 'preferences are locked by an administrator' });
      }
      await client.query('DELETE FROM preferences WHERE user_id = $1', [req.params.userId]);
      await client.query(
        `INSERT INTO preferences (user_id, channel, topic, enabled)
         SELECT $1, r.channel, r.topic, r.enabled
           FROM jsonb_to_recordset($2::jsonb) AS r(channel text, topic text, enabled boolean)`,
        [req.params.userId, JSON.stringify(rules)],
      );
      await client.query('COMMIT');
      client.release();
    } catch (err) {
      await client.query('ROLLBACK');
      client.release();
      logger.error({ err, userId: req.params.userId }, 'saving preferences failed');
      throw err;
    }
    await redis.set(prefsKey(req.params.userId), JSON.stringify({ userId: req.params.userId, rules }), { EX: 600 });
    return reply.code(204).send();
  });
}
