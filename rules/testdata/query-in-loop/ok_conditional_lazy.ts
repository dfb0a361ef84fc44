import { PrismaClient } from "@prisma/client";

const db = new PrismaClient();

// A Prisma query that is built but never awaited does not run (Prisma
// queries are lazy), even inside a conditional.
export function prepare(ids: string[], archived: boolean) {
  const pending = ids.map((id) => ({
    id,
    query: archived ? db.archive.findUnique({ where: { id } }) : db.post.findUnique({ where: { id } }),
  }));
  ids.forEach((id) => (archived ? db.archive.findUnique({ where: { id } }) : null));
  return pending.length;
}

// The conditional picks one batched query, run once.
export async function load(ids: string[], archived: boolean) {
  return archived
    ? db.archive.findMany({ where: { id: { in: ids } } })
    : db.post.findMany({ where: { id: { in: ids } } });
}
