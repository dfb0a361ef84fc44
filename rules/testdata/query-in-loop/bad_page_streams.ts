import Redis from "ioredis";
import { Kysely, PostgresDialect } from "kysely";
import { Pool } from "pg";

const redis = new Redis(process.env.REDIS_URL!);
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new Pool() }) });

// Inside one SCAN page, a call per key is still one round trip per key.
export async function ttls() {
  const out: Record<string, number> = {};
  for await (const keys of redis.scanStream({ match: "lock:*" })) {
    for (const k of keys as string[]) {
      out[k] = await redis.ttl(k); // want "query-in-loop: redis.ttl runs once per iteration of the loop on line 12 \\(one cache round trip per item\\)"
    }
  }
  return out;
}

// A one-row INSERT per item, even when the row is wrapped in an array.
export async function storeLines(lines: { sku: string; qty: number }[]) {
  for (const l of lines) {
    await db.insertInto("stock_lines").values([{ sku: l.sku, qty: l.qty }]).execute(); // want "db.insertInto\\(\\).values\\(\\).execute runs once per iteration of the loop on line 21 \\(one write per item\\)"
    await db.insertInto("stock_log").values({ sku: l.sku }).execute(); // want "db.insertInto\\(\\).values\\(\\).execute runs once per iteration of the loop on line 21 \\(one write per item\\)"
  }
}

// One INSERT per group is still one write per item of the loop: the rows of
// every group fit in one multi-row INSERT.
export async function storeByTenant(groups: Map<string, { sku: string; qty: number }[]>) {
  for (const [tenant, lines] of groups) {
    const rows = lines.map((l) => ({ tenant, sku: l.sku, qty: l.qty }));
    await db.insertInto("stock_lines").values(rows).execute(); // want "db.insertInto\\(\\).values\\(\\).execute runs once per iteration of the loop on line 30 \\(one write per item\\); insert all rows in one"
  }
}

// A node-redis scanIterator yields one key per iteration (v4): a call per
// key is a round trip per key.
export async function ttlsByKey(client: { scanIterator(o: object): AsyncIterable<string> }) {
  for await (const key of client.scanIterator({ MATCH: "lock:*" })) {
    await redis.unlink(key); // want "redis.unlink runs once per iteration of the loop on line 39"
  }
}
