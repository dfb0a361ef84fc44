import { PrismaClient } from "@prisma/client";

const prisma = new PrismaClient();

// The query runs at most once: the loop ends right after it.
export async function claimFirstFree(slots: { id: string; free: boolean }[], userId: string) {
  for (const slot of slots) {
    if (slot.free) {
      await prisma.slot.update({ where: { id: slot.id }, data: { userId } });
      break;
    }
  }
}

export async function firstMatching(candidates: string[]) {
  for (const email of candidates) {
    if (email.endsWith("@example.com")) {
      return prisma.user.findUnique({ where: { email } });
    }
  }
  return null;
}

export async function findOwner(names: string[]) {
  outer: for (const team of names) {
    for (const member of team.split(",")) {
      if (member.startsWith("owner:")) {
        await prisma.audit.create({ data: { team, member } });
        break outer;
      }
    }
  }
}
