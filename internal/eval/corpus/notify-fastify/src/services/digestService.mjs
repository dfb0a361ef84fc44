import { digests, users } from '../mongo.mjs';
import { pool } from '../db.mjs';
import { logger } from '../lib/logger.mjs';

async function unreadFor(userId, since) {
  const { rows } = await pool.query(
    `SELECT kind, title, created_at FROM notifications
      WHERE user_id = $1 AND read_at IS NULL AND created_at >= $2
      ORDER BY created_at DESC LIMIT 20`,
    [String(userId), since],
  );
  return rows;
}

export async function buildDailyDigests(now = new Date()) {
  const since = new Date(now.getTime() - 24 * 3600 * 1000);
  const cursor = users.find({ 'settings.digest': 'daily' }, { projection: { _id: 1, email: 1, locale: 1 } }).batchSize(500);
  let built = 0;
  for await (const user of cursor) {
    const items = await unreadFor(user._id, since); // expect: query-in-loop
    if (items.length === 0) {
      continue;
    }
    await digests.updateOne( // expect: query-in-loop
      { userId: user._id, day: now.toISOString().slice(0, 10) },
      { $set: { email: user.email, locale: user.locale, items, builtAt: now } },
      { upsert: true },
    );
    built++;
  }
  logger.info({ built }, 'daily digests built');
  return built;
}

export async function pendingDigests(day) {
  const out = [];
  for await (const doc of digests.find({ day, sentAt: { $exists: false } })) {
    out.push({ id: doc._id, email: doc.email, count: doc.items.length });
  }
  return out;
}
