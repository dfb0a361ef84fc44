import { redis, keys } from '../lib/redis';
import { queryRows } from '../lib/db';
import { logger } from '../lib/logger';

interface FxQuote {
  base: string;
  quote: string;
  rate: number;
  fetchedAt: number;
}

// Exchange rates keyed by "EUR:USD".
const fxRates = new Map<string, FxQuote>(); // expect: cache-without-ttl

async function fetchFxRate(base: string, quote: string): Promise<FxQuote> {
  const res = await fetch(`${process.env.FX_API_URL}/latest?base=${base}&symbols=${quote}`, {
    headers: { authorization: `Bearer ${process.env.FX_API_TOKEN}` },
    signal: AbortSignal.timeout(2_000),
  });
  if (!res.ok) {
    throw new Error(`fx api responded ${res.status}`);
  }
  const body = (await res.json()) as { rates: Record<string, number> };
  return { base, quote, rate: body.rates[quote], fetchedAt: Date.now() };
}

export async function convert(amountCents: number, from: string, to: string): Promise<number> {
  if (from === to) {
    return amountCents;
  }
  const cacheKey = `${from}:${to}`;
  let fx = fxRates.get(cacheKey);
  if (!fx) {
    fx = await fetchFxRate(from, to);
    fxRates.set(cacheKey, fx);
  }
  return Math.round(amountCents * fx.rate);
}

export async function priceFor(sku: string, currency: string): Promise<number | null> {
  const cached = await redis.get(keys.price(sku, currency));
  if (cached !== null) {
    return Number(cached);
  }
  const rows = await queryRows<{ amount_cents: number }>(
    'SELECT amount_cents FROM prices WHERE sku = $1 AND currency = $2 AND valid_to IS NULL',
    [sku, currency],
  );
  if (rows.length === 0) {
    return null;
  }
  await redis.set(keys.price(sku, currency), String(rows[0].amount_cents)); // expect: cache-without-ttl
  return rows[0].amount_cents;
}

export async function warmPriceCache(currency: string): Promise<number> {
  const rows = await queryRows<{ sku: string; amount_cents: number }>(
    'SELECT sku, amount_cents FROM prices WHERE currency = $1 AND valid_to IS NULL',
    [currency],
  );
  const pipeline = redis.pipeline();
  for (const row of rows) {
    pipeline.set(keys.price(row.sku, currency), String(row.amount_cents), 'EX', 3600);
  }
  await pipeline.exec();
  logger.info({ currency, count: rows.length }, 'price cache warmed');
  return rows.length;
}
