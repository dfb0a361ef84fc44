import { LRUCache } from "lru-cache";
import LRU from "lru-cache";

const byId = new LRUCache<string, object>({ max: 500 });
const byEmail = new LRUCache<string, object>({ ttl: 60_000, ttlAutopurge: true });
const bySize = new LRUCache<string, Buffer>({ maxSize: 50 * 1024 * 1024, sizeCalculation: (b) => b.length });
const legacy = new LRU(1000);
const legacyAge = new LRU({ maxAge: 1000 * 60 });

const shared = { max: 100 };
const fromShared = new LRUCache<string, string>(shared);

export { byId, byEmail, bySize, legacy, legacyAge, fromShared };
