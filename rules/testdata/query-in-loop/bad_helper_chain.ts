import { PrismaClient } from "@prisma/client";
import type { Request, Response } from "express";

const prisma = new PrismaClient();

async function loadPosts(userId: string) {
  return prisma.post.findMany({ where: { authorId: userId }, orderBy: { createdAt: "desc" } });
}

const loadProfile = async (userId: string) => {
  const profile = await prisma.profile.findUnique({ where: { userId } });
  return profile ?? { userId, bio: "" };
};

// Two hops: summarize → loadPosts → prisma.post.findMany.
async function summarize(userId: string) {
  const posts = await loadPosts(userId);
  return { userId, count: posts.length };
}

// A helper that batches is fine to call once.
async function loadAllProfiles(ids: string[]) {
  return prisma.profile.findMany({ where: { userId: { in: ids } } });
}

export async function feed(req: Request, res: Response) {
  const users = await prisma.user.findMany({ take: 20 });
  const out = [];
  for (const u of users) {
    const posts = await loadPosts(u.id); // want "query-in-loop: loadPosts → prisma.post.findMany runs once per iteration of the loop on line 29 \\(N\\+1 queries\\); load what loadPosts needs for all items before the loop: fetch all rows in one query"
    const profile = await loadProfile(u.id); // want "loadProfile → prisma.profile.findUnique runs once per iteration of the loop on line 29"
    out.push({ ...u, posts, profile });
  }
  const summaries = await Promise.all(users.map((u) => summarize(u.id))); // want "summarize → loadPosts → prisma.post.findMany runs once per element of users.map"
  const profiles = await loadAllProfiles(users.map((u) => u.id));
  res.json({ out, summaries, profiles });
}

export class ReportService {
  private async countOrders(customerId: string) {
    return prisma.order.count({ where: { customerId } });
  }

  async build(customerIds: string[]) {
    const rows = [];
    for (const id of customerIds) {
      rows.push({ id, orders: await this.countOrders(id) }); // want "this.countOrders → prisma.order.count runs once per iteration of the loop on line 46"
    }
    // Passing the helper by name is the same thing.
    const again = await Promise.all(customerIds.map(loadProfile)); // want "loadProfile → prisma.profile.findUnique runs once per element of customerIds.map"
    return { rows, again };
  }
}
