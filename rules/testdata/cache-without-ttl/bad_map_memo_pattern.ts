import { readConfigFor } from "./config";

// Not called "cache", but used as one: look up, compute, store, return.
const resolved = new Map<string, string>(); // want "cache-without-ttl: .*Map `resolved`"

export async function resolveTenant(host: string): Promise<string> {
  const hit = resolved.get(host);
  if (hit) return hit;
  const tenant = await readConfigFor(host);
  resolved.set(host, tenant);
  return tenant;
}
