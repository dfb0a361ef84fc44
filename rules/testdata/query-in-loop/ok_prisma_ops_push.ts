import { PrismaClient } from "@prisma/client";

const prisma = new PrismaClient();

// Prisma queries are lazy: built in the loop, sent in one batch transaction.
export async function applyPrices(changes: { sku: string; price: number }[]) {
  const ops = [];
  for (const c of changes) {
    ops.push(prisma.product.update({ where: { sku: c.sku }, data: { price: c.price } }));
  }
  await prisma.$transaction(ops);
}
