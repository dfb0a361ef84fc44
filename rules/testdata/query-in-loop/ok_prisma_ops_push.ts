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

// Pushed into one array, awaited into another name: only the array handed
// to Promise.all counts.
export async function audit(changes: { sku: string }[]) {
  const ops = [];
  const opsLog: string[] = [];
  for (const c of changes) {
    ops.push(prisma.audit.create({ data: { sku: c.sku } }));
    opsLog.push(c.sku);
  }
  await Promise.all(opsLog);
  await prisma.$transaction(ops);
}
