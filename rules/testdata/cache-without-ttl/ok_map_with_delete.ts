const cache = new Map<string, { value: string; expires: number }>();
const MAX_ENTRIES = 1000;

export function put(key: string, value: string): void {
  if (cache.size >= MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(key, { value, expires: Date.now() + 60_000 });
}

export function get(key: string): string | undefined {
  const e = cache.get(key);
  if (!e) return undefined;
  if (e.expires < Date.now()) {
    cache.delete(key);
    return undefined;
  }
  return e.value;
}

const memoCache: Record<string, number> = {};

export function rememberLength(s: string): number {
  if (memoCache[s] === undefined) {
    memoCache[s] = s.length;
  }
  return memoCache[s];
}

export function forget(s: string): void {
  delete memoCache[s];
}
