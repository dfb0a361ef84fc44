import { pool } from '../db.mjs';
import { redis } from '../redis.mjs';
import { verifyUnsubscribeToken } from '../lib/tokens.js';

export default async function unsubscribeRoutes(app) {
  app.get('/u/:token', async (req, reply) => {
    const claims = verifyUnsubscribeToken(req.params.token);
    if (!claims) {
      return reply.code(400).type('text/html').send('<p>This link has expired.</p>');
    }
    await pool.query(
      `INSERT INTO preferences (user_id, channel, topic, enabled) VALUES ($1, $2, '*', false)
       ON CONFLICT (user_id, channel, topic) DO UPDATE SET enabled = false`,
      [claims.userId, claims.channel],
    );
    await redis.del(`notify:prefs:${claims.userId}`);
    return reply.type('text/html').send(`<p>You will no longer receive ${claims.channel} notifications.</p>`);
  });

  app.post('/u/:token/resubscribe', async (req, reply) => {
    const claims = verifyUnsubscribeToken(req.params.token);
    if (!claims) {
      return reply.code(400).send({ error: 'expired link' });
    }
    const client = await pool.connect(); // expect: missing-release
    await client.query('DELETE FROM preferences WHERE user_id = $1 AND channel = $2 AND topic = $3', [
      claims.userId,
      claims.channel,
      '*',
    ]);
    client.release();
    await redis.del(`notify:prefs:${claims.userId}`);
    return reply.code(204).send();
  });
}
