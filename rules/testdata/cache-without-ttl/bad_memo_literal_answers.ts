import { resolve4 } from "node:dns/promises";

// The answer is one of two literals, stored under the key and returned.
const reachable = new Map<string, boolean>(); // want "cache-without-ttl: module-level Map `reachable`"

export async function isReachable(host: string): Promise<boolean> {
  const known = reachable.get(host);
  if (known !== undefined) return known;
  try {
    await resolve4(host);
  } catch {
    reachable.set(host, false);
    return false;
  }
  reachable.set(host, true);
  return true;
}
