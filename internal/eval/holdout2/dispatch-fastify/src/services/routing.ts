import { eq, inArray, asc } from 'drizzle-orm';
import { db } from '../db/client';
import { deliveries, stops } from '../db/schema';

export type PlannedStop = {
  deliveryId: string;
  seq: number;
  lat: number;
  lng: number;
  etaSeconds: number | null;
};

async function loadDelivery(id: string) {
  const [row] = await db.select().from(deliveries).where(eq(deliveries.id, id));
  return row;
}

const AVG_SPEED_MPS = 8.5;

function haversine(aLat: number, aLng: number, bLat: number, bLng: number): number {
  const R = 6_371_000;
  const toRad = (d: number) => (d * Math.PI) / 180;
  const dLat = toRad(bLat - aLat);
  const dLng = toRad(bLng - aLng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(aLat)) * Math.cos(toRad(bLat)) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

export async function planRoute(routeId: string): Promise<PlannedStop[]> {
  const routeStops = await db
    .select()
    .from(stops)
    .where(eq(stops.routeId, routeId))
    .orderBy(asc(stops.seq));

  const planned = await Promise.all(
    routeStops.map(async (s) => {
      const [d] = await db.select().from(deliveries).where(eq(deliveries.id, s.deliveryId)); // expect: query-in-loop
      return { deliveryId: s.deliveryId, seq: s.seq, lat: d.dropLat, lng: d.dropLng, etaSeconds: s.etaSeconds };
    }),
  );
  return planned;
}

export async function recomputeEtas(routeId: string, startLat: number, startLng: number): Promise<void> {
  const routeStops = await db
    .select()
    .from(stops)
    .where(eq(stops.routeId, routeId))
    .orderBy(asc(stops.seq));

  let lat = startLat;
  let lng = startLng;
  let elapsed = 0;
  for (const s of routeStops) {
    const d = await loadDelivery(s.deliveryId); // expect: query-in-loop
    if (!d) continue;
    elapsed += haversine(lat, lng, d.dropLat, d.dropLng) / AVG_SPEED_MPS;
    lat = d.dropLat;
    lng = d.dropLng;
    await db // expect: query-in-loop
      .update(stops)
      .set({ etaSeconds: Math.round(elapsed) })
      .where(eq(stops.id, s.id));
  }
}

// Batched version used by the dispatcher UI.
export async function stopsWithDrops(routeId: string): Promise<PlannedStop[]> {
  const routeStops = await db.select().from(stops).where(eq(stops.routeId, routeId)).orderBy(asc(stops.seq));
  if (routeStops.length === 0) return [];
  const drops = await db
    .select({ id: deliveries.id, lat: deliveries.dropLat, lng: deliveries.dropLng })
    .from(deliveries)
    .where(inArray(deliveries.id, routeStops.map((s) => s.deliveryId)));
  const byId = new Map(drops.map((d) => [d.id, d]));
  return routeStops.map((s) => ({
    deliveryId: s.deliveryId,
    seq: s.seq,
    lat: byId.get(s.deliveryId)?.lat ?? 0,
    lng: byId.get(s.deliveryId)?.lng ?? 0,
    etaSeconds: s.etaSeconds,
  }));
}
