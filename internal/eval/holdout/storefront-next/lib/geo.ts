import { headers } from 'next/headers';
import { redis } from './redis';

const GEO_API = process.env.GEO_API_URL ?? 'https://geo.internal.example.com';
const MAX_LOCAL = 5_000;

// Small per-instance memo in front of Redis; cleared wholesale when full.
const local = new Map<string, string>();

async function lookupCountry(ip: string): Promise<string> {
  const res = await fetch(`${GEO_API}/v1/country/${encodeURIComponent(ip)}`, { signal: AbortSignal.timeout(500) });
  if (!res.ok) return 'US';
  const { country } = (await res.json()) as { country?: string };
  return country ?? 'US';
}

/** Country of the current visitor, for prices and shipping options. */
export async function visitorCountry(): Promise<string> {
  const h = await headers();
  const fromEdge = h.get('x-vercel-ip-country');
  if (fromEdge) return fromEdge;
  const ip = (h.get('x-forwarded-for') ?? '').split(',')[0].trim();
  if (!ip) return 'US';

  const memo = local.get(ip);
  if (memo) return memo;

  const client = await redis();
  let country = await client.hGet('cache:geoip', ip);
  if (!country) {
    country = await lookupCountry(ip);
    await client.hSet('cache:geoip', ip, country); // expect: cache-without-ttl
  }
  if (local.size >= MAX_LOCAL) local.clear();
  local.set(ip, country);
  return country;
}

/** Lets a visitor override the detected country; keeps the cookie-session's TTL. */
export async function overrideCountry(sessionId: string, country: string): Promise<void> {
  const client = await redis();
  await client.set(`session:${sessionId}:country`, country, { KEEPTTL: true });
}
