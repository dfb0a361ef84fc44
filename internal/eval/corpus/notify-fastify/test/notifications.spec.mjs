import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pool } from '../src/db.mjs';
import { redis } from '../src/redis.mjs';

const USER = 'u_spec_1';

before(async () => {
  await pool.query('DELETE FROM notifications WHERE user_id = $1', [USER]);
  for (let i = 0; i < 25; i++) {
    await pool.query("INSERT INTO notifications (user_id, kind, title, body) VALUES ($1, 'mention', $2, 'body')", [
      USER,
      `n${i}`,
    ]);
  }
  for (const key of [`notify:unread:${USER}`, `notify:prefs:${USER}`]) {
    await redis.set(key, 'stale');
  }
});

after(async () => {
  await pool.end();
  await redis.quit();
});

test('unread count is recomputed after cache invalidation', async () => {
  await redis.del(`notify:unread:${USER}`);
  const { rows } = await pool.query('SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL', [USER]);
  assert.equal(rows[0].n, 25);
});
