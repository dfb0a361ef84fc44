import crypto from 'node:crypto';

const SECRET = process.env.UNSUBSCRIBE_SECRET ?? '';

export function unsubscribeToken(userId, channel) {
  const payload = Buffer.from(JSON.stringify({ u: userId, c: channel, t: Date.now() })).toString('base64url');
  const sig = crypto.createHmac('sha256', SECRET).update(payload).digest('base64url');
  return `${payload}.${sig}`;
}

export function verifyUnsubscribeToken(token, maxAgeMs = 30 * 24 * 3600 * 1000) {
  const [payload, sig] = String(token).split('.');
  if (!payload || !sig) return null;
  const expected = crypto.createHmac('sha256', SECRET).update(payload).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  if (Date.now() - data.t > maxAgeMs) return null;
  return { userId: data.u, channel: data.c };
}
