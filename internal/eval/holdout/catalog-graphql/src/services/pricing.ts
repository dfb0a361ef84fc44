import LRU from 'lru-cache';
import Product from '../models/Product';

export interface PriceQuote {
  productId: number;
  currency: string;
  amount: number;
}

// lru-cache v6: `new LRU()` with no options keeps every entry forever.
const fxCache = new LRU<string, number>(); // expect: cache-without-ttl

async function fetchRate(from: string, to: string): Promise<number> {
  const res = await fetch(`${process.env.FX_API_URL}/latest?base=${from}&symbols=${to}`, {
    signal: AbortSignal.timeout(2_000),
  });
  if (!res.ok) throw new Error(`fx api returned ${res.status}`);
  const json = (await res.json()) as { rates: Record<string, number> };
  return json.rates[to];
}

async function rate(from: string, to: string): Promise<number> {
  if (from === to) return 1;
  const day = new Date().toISOString().slice(0, 10);
  const key = `${day}:${from}:${to}`;
  let r = fxCache.get(key);
  if (r === undefined) {
    r = await fetchRate(from, to);
    fxCache.set(key, r);
  }
  return r;
}

export async function quote(productIds: number[], currency: string): Promise<PriceQuote[]> {
  const products = await Product.query().whereIn('id', productIds).select('id', 'priceCents', 'currency');
  const rates = new Map<string, number>();
  for (const from of new Set(products.map((p) => p.currency))) {
    rates.set(from, await rate(from, currency));
  }
  return products.map((p) => ({
    productId: p.id,
    currency,
    amount: Math.round(p.priceCents * (rates.get(p.currency) ?? 1)) / 100,
  }));
}
