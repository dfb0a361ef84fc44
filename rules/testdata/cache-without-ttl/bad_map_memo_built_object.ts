import { fetch } from "undici";
import { pool } from "./db";

type Zone = { id: string; surchargeCents: number };

// The value stored is an object literal assembled from what a remote call
// returned, kept for every postcode ever asked about.
const zonesByPostcode = new Map<string, Zone>(); // want "cache-without-ttl: .*Map `zonesByPostcode` is used as a cache that only grows"

export async function shippingZone(postcode: string): Promise<Zone> {
  const pc = postcode.replace(/\s/g, "").toUpperCase();
  const known = zonesByPostcode.get(pc);
  if (known !== undefined) {
    return known;
  }
  const res = await fetch(`https://zones.example.net/lookup/${pc}`);
  const data = (await res.json()) as { zone_id: string; surcharge: number };
  const zone: Zone = { id: data.zone_id, surchargeCents: Math.round(data.surcharge * 100) };
  zonesByPostcode.set(pc, zone);
  return zone;
}

// The literal is stored directly and read back.
const rates = new Map<string, { rate: number; asOf: string }>(); // want "cache-without-ttl: .*Map `rates`"

export async function rateFor(currency: string) {
  if (!rates.has(currency)) {
    const json = await (await fetch(`https://fx.example.net/latest?base=${currency}`)).json();
    rates.set(currency, { rate: json.rate, asOf: json.date });
  }
  return rates.get(currency)!;
}

// A tuple built from a database row.
const coords = new Map<number, [number, number]>(); // want "cache-without-ttl: .*Map `coords`"

export async function storeCoords(storeId: number): Promise<[number, number]> {
  let c = coords.get(storeId);
  if (!c) {
    const { rows } = await pool.query("SELECT lat, lng FROM stores WHERE id = $1", [storeId]);
    c = [rows[0].lat, rows[0].lng];
    coords.set(storeId, c);
  }
  return c;
}
