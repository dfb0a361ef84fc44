import { PrismaClient, Prisma } from "@prisma/client";
import Redis from "ioredis";
import { Pool } from "pg";

const prisma = new PrismaClient();
const redis = new Redis();
const pool = new Pool();

// One page per iteration: the loop advances a cursor from the last result.
export async function* allUsers() {
  let cursor: string | undefined;
  while (true) {
    const page = await prisma.user.findMany({
      take: 500,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      orderBy: { id: "asc" },
    });
    if (page.length === 0) return;
    yield* page;
    cursor = page[page.length - 1].id;
  }
}

export async function deleteSessionKeys() {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", "session:*", "COUNT", 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== "0");
}

export async function exportAll(onRow: (r: unknown) => void) {
  let offset = 0;
  let hasMore = true;
  while (hasMore) {
    const { rows } = await pool.query("SELECT * FROM events ORDER BY id LIMIT 1000 OFFSET $1", [offset]);
    rows.forEach(onRow);
    hasMore = rows.length === 1000;
    offset += rows.length;
  }
}

export async function byPage(totalPages: number) {
  const out: Prisma.OrderGetPayload<{}>[] = [];
  for (let page = 0; page < totalPages; page++) {
    out.push(...(await prisma.order.findMany({ skip: page * 100, take: 100 })));
  }
  return out;
}
