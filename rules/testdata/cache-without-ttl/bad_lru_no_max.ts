import { LRUCache } from "lru-cache";

type Quote = { symbol: string; price: number };

const quotes = new LRUCache<string, Quote>({}); // want "cache-without-ttl: .*no `max`, `maxSize` or `ttl`"

export function rememberQuote(q: Quote): void {
  quotes.set(q.symbol, q);
}

export function lookup(symbol: string): Quote | undefined {
  return quotes.get(symbol);
}
