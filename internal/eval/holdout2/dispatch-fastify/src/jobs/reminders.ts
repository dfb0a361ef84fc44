import { and, eq, lt } from 'drizzle-orm';
import { db } from '../db/client';
import { deliveries } from '../db/schema';
import { redis } from '../cache/redis';

const STALE_AFTER_MS = 20 * 60 * 1000;

// Every minute: nudge couriers whose assigned delivery has not moved for 20 minutes.
// A marker key stops us nudging the same delivery twice within the hour.
export async function nudgeStaleDeliveries(notify: (courierId: string, deliveryId: string) => Promise<void>) {
  const cutoff = new Date(Date.now() - STALE_AFTER_MS);
  const stale = await db
    .select({ id: deliveries.id, courierId: deliveries.courierId })
    .from(deliveries)
    .where(and(eq(deliveries.status, 'assigned'), lt(deliveries.createdAt, cutoff)))
    .limit(200);

  let sent = 0;
  for (const d of stale) {
    if (!d.courierId) continue;
    const fresh = await redis.set(`nudged:${d.id}`, '1', { NX: true, EX: 3600 }); // expect: query-in-loop
    if (fresh !== 'OK') continue;
    await notify(d.courierId, d.id);
    sent++;
  }
  return sent;
}

// Clears markers for deliveries that completed. One round trip for all keys.
export async function clearMarkers(deliveryIds: string[]) {
  if (deliveryIds.length === 0) return;
  await redis.del(deliveryIds.map((id) => `nudged:${id}`));
}
