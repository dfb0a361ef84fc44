import { PrismaClient } from "@prisma/client";
import chunk from "lodash/chunk";

const prisma = new PrismaClient();

// Limiting concurrency with chunks does not batch anything: every item of
// every chunk still makes its own query.
export async function refreshScores(userIds: string[]) {
  for (const group of chunk(userIds, 25)) {
    await Promise.all(
      group.map((id) => prisma.score.update({ where: { userId: id }, data: { stale: false } })), // want "query-in-loop: prisma.score.update runs once per element of group.map on line 11 \\(one write per item\\)"
    );
  }
}

export async function notify(batches: string[][]) {
  for (const batch of batches) {
    for (const email of batch) {
      await prisma.notification.create({ data: { email } }); // want "prisma.notification.create runs once per iteration of the loop on line 18"
    }
    await Promise.all(batch.map((email) => prisma.user.findUnique({ where: { email } }))); // want "prisma.user.findUnique runs once per element of batch.map on line 21"
  }
}
