import { db } from '../db';

export interface TaxRate {
  id: string;
  country: string;
  region: string | null;
  rate_bps: number;
  label: string;
}

// Common spellings customers type in the region field.
const REGION_ALIASES = new Map<string, string>([
  ['calif', 'CA'],
  ['california', 'CA'],
  ['ny', 'NY'],
  ['new york', 'NY'],
  ['ontario', 'ON'],
]);

const rateCache = new Map<string, TaxRate[]>(); // expect: cache-without-ttl

export function normaliseRegion(region: string | undefined): string | undefined {
  if (!region) return undefined;
  const key = region.trim().toLowerCase();
  return REGION_ALIASES.get(key) ?? region.trim().toUpperCase();
}

export async function ratesFor(country: string, region?: string): Promise<TaxRate[]> {
  const normalised = normaliseRegion(region);
  const key = `${country}:${normalised ?? '*'}`;
  const hit = rateCache.get(key);
  if (hit) {
    return hit;
  }
  let query = db.selectFrom('tax_rates').selectAll().where('country', '=', country).where('active', '=', true);
  if (normalised) {
    query = query.where((eb) => eb.or([eb('region', '=', normalised), eb('region', 'is', null)]));
  }
  const rows = await query.execute();
  rateCache.set(key, rows);
  return rows;
}

export function taxFor(amountCents: number, rates: TaxRate[]): number {
  return rates.reduce((sum, r) => sum + Math.round((amountCents * r.rate_bps) / 10_000), 0);
}
