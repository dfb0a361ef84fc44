import DataLoader from "dataloader";
import { PrismaClient, User } from "@prisma/client";

const prisma = new PrismaClient();

// DataLoader coalesces the load() calls of one tick into one query.
export const userLoader = new DataLoader<string, User | null>(async (ids) => {
  const users = await prisma.user.findMany({ where: { id: { in: [...ids] } } });
  const byId = new Map(users.map((u) => [u.id, u]));
  return ids.map((id) => byId.get(id) ?? null);
});

export async function authorsOf(posts: { authorId: string }[]) {
  return Promise.all(posts.map((p) => userLoader.load(p.authorId)));
}

export async function authorsOf2(posts: { authorId: string }[]) {
  const out = [];
  for (const p of posts) {
    out.push(await userLoader.load(p.authorId));
  }
  return userLoader.loadMany(posts.map((p) => p.authorId)).then(() => out);
}
