import { PrismaClient } from "@prisma/client";

const prisma = new PrismaClient();

export async function ordersWithProducts(orderIds: string[]) {
  const orders = await prisma.order.findMany({ where: { id: { in: orderIds } }, include: { lines: true } });
  const productIds = [...new Set(orders.flatMap((o) => o.lines.map((l) => l.productId)))];
  // One query for all products.
  const products = await prisma.product.findMany({ where: { id: { in: productIds } } });
  const byId = new Map(products.map((p) => [p.id, p]));
  return orders.map((o) => ({ ...o, lines: o.lines.map((l) => ({ ...l, product: byId.get(l.productId) })) }));
}

export async function importTags(chunks: string[][]) {
  // createMany per chunk is the batched form.
  for (const names of chunks) {
    await prisma.tag.createMany({ data: names.map((name) => ({ name })), skipDuplicates: true });
  }
}

export async function renumber(items: { id: string; position: number }[]) {
  // A batch transaction: Prisma sends the updates together.
  await prisma.$transaction(items.map((it) => prisma.item.update({ where: { id: it.id }, data: { position: it.position } })));

  const ops = items.map((it) => prisma.item.update({ where: { id: it.id }, data: { position: it.position + 1 } }));
  await prisma.$transaction(ops);
}

export async function archiveByOwner(ownerIds: string[][]) {
  for (const batch of ownerIds) {
    await prisma.document.updateMany({ where: { ownerId: { in: batch } }, data: { archived: true } });
  }
}
