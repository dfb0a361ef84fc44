import LRU from 'lru-cache';
import { log } from '../lib/log';

export interface FxRate {
  pair: string;
  rate: number;
  asOf: string;
}

// Daily reference rates: a few hundred pairs at most, refreshed every hour.
const referenceRates = new LRU<string, FxRate>({ max: 500, maxAge: 60 * 60 * 1000 });

// Intraday quotes keyed by pair and minute.
const intraday = new LRU<string, FxRate>({ length: () => 1, stale: false }); // expect: cache-without-ttl

// Historic rates by pair and date, kept forever once fetched.
const historic = new Map<string, FxRate>(); // expect: cache-without-ttl

// Active pairs and the time they were last quoted; stale pairs are swept every minute.
const lastQuoted = new Map<string, number>();
setInterval(() => {
  const cutoff = Date.now() - 10 * 60_000;
  for (const [pair, at] of lastQuoted) {
    if (at < cutoff) {
      lastQuoted.delete(pair);
    }
  }
}, 60_000).unref();

async function fetchRate(pair: string, date?: string): Promise<FxRate> {
  const url = new URL(`/rates/${pair}`, process.env.FX_SERVICE_URL);
  if (date) url.searchParams.set('date', date);
  const res = await fetch(url, { signal: AbortSignal.timeout(2_500) });
  if (!res.ok) {
    throw new Error(`fx service responded ${res.status} for ${pair}`);
  }
  return (await res.json()) as FxRate;
}

export async function referenceRate(pair: string): Promise<FxRate> {
  const cached = referenceRates.get(pair);
  if (cached) return cached;
  const rate = await fetchRate(pair);
  referenceRates.set(pair, rate);
  return rate;
}

export async function intradayRate(pair: string): Promise<FxRate> {
  const minute = new Date().toISOString().slice(0, 16);
  const key = `${pair}@${minute}`;
  let rate = intraday.get(key);
  if (!rate) {
    rate = await fetchRate(pair);
    intraday.set(key, rate);
  }
  lastQuoted.set(pair, Date.now());
  return rate;
}

export async function historicRate(pair: string, date: string): Promise<FxRate> {
  const key = `${pair}@${date}`;
  const cached = historic.get(key);
  if (cached) return cached;
  const rate = await fetchRate(pair, date);
  historic.set(key, rate);
  log.debug('historic rate cached', { key, size: historic.size });
  return rate;
}

export function activePairs(): string[] {
  return [...lastQuoted.keys()];
}
