// Isomorphic code: it checks whether it runs in a browser, so on the
// server the same module-level cache grows for the life of the process.
import { fetchProfile } from "./api";

const profileCache = new Map<string, object>(); // want "cache-without-ttl: .*module-level Map `profileCache`"

export async function profile(id: string) {
  const hit = profileCache.get(id);
  if (hit) return hit;
  const p = await fetchProfile(id);
  profileCache.set(id, p);
  if (typeof document !== "undefined") {
    document.title = String(id);
  }
  return p;
}
