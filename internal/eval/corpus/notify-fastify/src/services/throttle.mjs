import { redis } from '../redis.mjs';

const QUIET_HOURS_KEY = (userId) => `notify:quiet:${userId}`;
const LAST_SENT_KEY = (userId, kind) => `notify:last:${userId}:${kind}`;
const BACKOFF_KEY = (userId) => `notify:backoff:${userId}`;

/** Returns true when a notification of this kind may be sent now. */
export async function allow(userId, kind, minIntervalSeconds) {
  const ok = await redis.set(LAST_SENT_KEY(userId, kind), String(Date.now()), { NX: true, EX: minIntervalSeconds });
  return ok === 'OK';
}

export async function setQuietHours(userId, window) {
  await redis.set(QUIET_HOURS_KEY(userId), JSON.stringify(window)); // expect: cache-without-ttl
}

export async function recordBounce(userId) {
  const attempts = await redis.incr(BACKOFF_KEY(userId));
  await redis.expire(BACKOFF_KEY(userId), 24 * 3600);
  return attempts;
}

export async function snooze(userId, untilEpochMs) {
  await redis.set(`notify:snooze:${userId}`, String(untilEpochMs), { PXAT: untilEpochMs });
}

export async function rememberDigestCursor(userId, cursor) {
  await redis.set(`notify:digest-cursor:${userId}`, cursor, { GET: true }); // expect: cache-without-ttl
}
