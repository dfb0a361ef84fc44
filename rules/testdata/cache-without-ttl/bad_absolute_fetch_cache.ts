// fetch with an absolute URL works on a server too: nothing says browser.
const rateCache = new Map<string, number>(); // want "module-level Map `rateCache` is used as a cache that only grows"

export async function rate(currency: string): Promise<number> {
  const hit = rateCache.get(currency);
  if (hit !== undefined) return hit;
  const res = await fetch(`https://rates.example.com/${currency}`);
  const { value } = await res.json();
  rateCache.set(currency, value);
  return value;
}

export async function ping() {
  return fetch(process.env.BASE_URL + "/health");
}
