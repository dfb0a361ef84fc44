import { PrismaClient } from "@prisma/client";

const db = new PrismaClient();

type Comment = { id: string; authorId: string | null; parentId: string | null };

// Prisma queries are lazy: they run when awaited. A conditional inside an
// awaited Promise.all([...]) still runs one per element.
export async function thread(comments: Comment[]) {
  return Promise.all(
    comments.map(async (c) => {
      const [author, parent] = await Promise.all([
        c.authorId ? db.user.findUnique({ where: { id: c.authorId } }) : Promise.resolve(null), // want "query-in-loop: db.user.findUnique runs once per element of comments.map on line 11 \\(N\\+1 queries\\)"
        c.parentId !== null && db.comment.findFirst({ where: { id: c.parentId } }), // want "db.comment.findFirst runs once per element of comments.map on line 11"
      ]);
      return { ...c, author, parent };
    }),
  );
}

export async function badges(userIds: string[], withCounts: boolean) {
  const out = [];
  for (const id of userIds) {
    // Awaited through a conditional.
    const n = await (withCounts ? db.badge.count({ where: { userId: id } }) : Promise.resolve(0)); // want "db.badge.count runs once per iteration of the loop on line 23"
    const fallback = await (db.badge.findFirst({ where: { userId: id } }) ?? null); // want "db.badge.findFirst runs once per iteration of the loop on line 23"
    out.push({ id, n, fallback });
  }
  return out;
}
