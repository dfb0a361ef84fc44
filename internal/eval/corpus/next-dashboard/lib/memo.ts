/**
 * A tiny bounded memo for expensive pure computations (chart bucketing,
 * markdown rendering). Oldest entries are evicted first.
 */
const MAX_ENTRIES = 500;
const memo = new Map<string, unknown>();

export function memoize<T>(key: string, compute: () => T): T {
  if (memo.has(key)) {
    const value = memo.get(key) as T;
    // Refresh recency: re-insert at the end.
    memo.delete(key);
    memo.set(key, value);
    return value;
  }
  const value = compute();
  memo.set(key, value);
  if (memo.size > MAX_ENTRIES) {
    const oldest = memo.keys().next().value as string;
    memo.delete(oldest);
  }
  return value;
}

export function clearMemo(prefix?: string): void {
  if (!prefix) {
    memo.clear();
    return;
  }
  for (const key of memo.keys()) {
    if (key.startsWith(prefix)) {
      memo.delete(key);
    }
  }
}
