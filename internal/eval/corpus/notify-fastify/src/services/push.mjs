import { logger } from '../lib/logger.mjs';

const PUSH_URL = process.env.PUSH_GATEWAY_URL ?? 'https://push.internal/v1/send';

export async function sendPush(token, notification, locale = 'en') {
  const res = await fetch(PUSH_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      token,
      title: notification.title?.[locale] ?? notification.title?.en,
      body: notification.body?.[locale] ?? notification.body?.en,
      data: { id: String(notification._id), kind: notification.kind },
    }),
    signal: AbortSignal.timeout(4_000),
  });
  if (res.status === 410) {
    const err = new Error('device unregistered');
    err.code = 'UNREGISTERED';
    throw err;
  }
  if (!res.ok) {
    logger.warn({ status: res.status }, 'push gateway error');
    throw new Error(`push gateway responded ${res.status}`);
  }
}
