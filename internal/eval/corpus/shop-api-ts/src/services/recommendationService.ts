import LRU from 'lru-cache';
import { queryRows } from '../lib/db';
import { redis } from '../lib/redis';

export interface Recommendation {
  productId: string;
  score: number;
}

// "Customers also bought": recomputed nightly, so in-process copies may live long.
const alsoBought = new LRU<string, Recommendation[]>({ maxAge: 0 }); // expect: cache-without-ttl

// Per-customer personalised lists: bounded, short-lived.
const personal = new LRU<string, Recommendation[]>({ max: 10_000, maxAge: 5 * 60 * 1000 });

export async function customersAlsoBought(productId: string): Promise<Recommendation[]> {
  const cached = alsoBought.get(productId);
  if (cached) {
    return cached;
  }
  const rows = await queryRows<{ other_id: string; score: number }>(
    `SELECT other_id, score FROM co_purchases WHERE product_id = $1 ORDER BY score DESC LIMIT 12`,
    [productId],
  );
  const recs = rows.map((r) => ({ productId: r.other_id, score: r.score }));
  alsoBought.set(productId, recs);
  return recs;
}

export async function forCustomer(customerId: string): Promise<Recommendation[]> {
  const cached = personal.get(customerId);
  if (cached) {
    return cached;
  }
  const raw = await redis.get(`shop:recs:${customerId}`);
  const recs: Recommendation[] = raw ? JSON.parse(raw) : [];
  personal.set(customerId, recs);
  return recs;
}

export async function storeNightlyRecommendations(customerId: string, recs: Recommendation[]): Promise<void> {
  await redis.set(`shop:recs:${customerId}`, JSON.stringify(recs)); // expect: cache-without-ttl
}
