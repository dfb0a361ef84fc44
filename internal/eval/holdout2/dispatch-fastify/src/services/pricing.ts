import { inArray, eq } from 'drizzle-orm';
import { db } from '../db/client';
import { zones } from '../db/schema';
import { redis } from '../cache/redis';

export const VEHICLE_CLASSES = ['bike', 'scooter', 'van'] as const;
export type VehicleClass = (typeof VEHICLE_CLASSES)[number];

const BASE_CENTS: Record<VehicleClass, number> = { bike: 450, scooter: 600, van: 1200 };

export type Quote = { vehicleClass: VehicleClass; cents: number };

async function surgeFactor(zoneCode: string, vc: VehicleClass): Promise<number> {
  const raw = await redis.get(`surge:${zoneCode}:${vc}`);
  const f = raw ? Number(raw) : 1;
  return Number.isFinite(f) && f >= 1 ? Math.min(f, 3) : 1;
}

// One quote per vehicle class. Three classes, fixed at compile time.
export async function quoteAll(zoneCode: string, distanceMeters: number): Promise<Quote[]> {
  const [zone] = await db.select().from(zones).where(eq(zones.code, zoneCode));
  const surcharge = zone?.surchargeCents ?? 0;
  const quotes: Quote[] = [];
  for (const vc of VEHICLE_CLASSES) {
    const surge = await surgeFactor(zoneCode, vc);
    const perKm = vc === 'van' ? 140 : 90;
    quotes.push({ vehicleClass: vc, cents: Math.round((BASE_CENTS[vc] + (distanceMeters / 1000) * perKm) * surge) + surcharge });
  }
  return quotes;
}

export async function surchargesFor(codes: string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ code: zones.code, surchargeCents: zones.surchargeCents })
    .from(zones)
    .where(inArray(zones.code, codes));
  return new Map(rows.map((r) => [r.code, r.surchargeCents]));
}

export async function publishSurge(zoneCode: string, factors: Record<VehicleClass, number>): Promise<void> {
  const tx = redis.multi();
  for (const vc of VEHICLE_CLASSES) {
    tx.set(`surge:${zoneCode}:${vc}`, String(factors[vc]), { EX: 120 });
  }
  await tx.exec();
}
