import Redis from "ioredis";
import { Kysely, PostgresDialect } from "kysely";
import { Pool } from "pg";

const redis = new Redis(process.env.REDIS_URL!);
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new Pool() }) });

// SCAN hands back one page of keys per iteration; each page is one MGET
// and one multi-row INSERT, not one call per key.
export async function snapshotSessions() {
  let pages = 0;
  for await (const page of redis.scanStream({ match: "session:*", count: 1000 })) {
    const ids: string[] = page;
    if (ids.length === 0) continue;
    const vals = await redis.mget(...ids);
    const rows = ids.map((k, i) => ({ key: k, body: vals[i] ?? "" }));
    await db.insertInto("session_snapshots").values(rows).execute();
    pages++;
  }
  return pages;
}

// The same with the stream kept in a variable and its pages typed.
export async function purgeTags(tag: string) {
  const stream = redis.sscanStream(`tag:${tag}`, { count: 500 });
  for await (const members of stream as AsyncIterable<string[]>) {
    await redis.del(...members.map((m) => `item:${m}`));
  }
}
