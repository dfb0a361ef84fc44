import { PrismaClient } from "@prisma/client";
import { db } from "../server/db";
import { users } from "../server/schema";
import { eq } from "drizzle-orm";

const prisma = new PrismaClient();

// Lazy queries collected in a loop and awaited together with Promise.all:
// still one query per item (unlike prisma.$transaction(ops)).
export async function touch(ids: string[]) {
  const pending = [];
  for (const id of ids) {
    pending.push(prisma.session.updateMany({ where: { userId: id }, data: { touchedAt: new Date() } })); // want "query-in-loop: prisma.session.updateMany runs once per iteration of the loop on line 12 \\(one write per item\\)"
  }
  await Promise.allSettled(pending);
}

export async function profiles(ids: string[]) {
  const lookups: Promise<unknown>[] = [];
  ids.forEach((id) => {
    lookups.push(db.select().from(users).where(eq(users.id, id))); // want "db.select\\(\\).from\\(\\).where runs once per element of ids.forEach on line 20"
  });
  return Promise.all(lookups);
}
