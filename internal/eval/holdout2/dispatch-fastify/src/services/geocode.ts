import { request } from 'undici';

export type LatLng = { lat: number; lng: number };

const GEOCODER_URL = process.env.GEOCODER_URL ?? 'https://geo.internal.example/v1/search';

// Addresses repeat a lot (depots, big customers), so remember what we resolved.
const resolved = new Map<string, LatLng>(); // expect: cache-without-ttl

function normalise(address: string): string {
  return address.trim().toLowerCase().replace(/\s+/g, ' ');
}

export async function geocode(address: string): Promise<LatLng | null> {
  const key = normalise(address);
  const hit = resolved.get(key);
  if (hit) return hit;

  const res = await request(`${GEOCODER_URL}?q=${encodeURIComponent(key)}`, {
    headersTimeout: 2_000,
    bodyTimeout: 2_000,
  });
  if (res.statusCode !== 200) {
    await res.body.dump();
    return null;
  }
  const body = (await res.body.json()) as { results: Array<{ lat: number; lon: number }> };
  if (body.results.length === 0) return null;

  const point = { lat: body.results[0].lat, lng: body.results[0].lon };
  resolved.set(key, point);
  return point;
}
