import { PrismaClient } from "@prisma/client";
import { chunk } from "lodash";

const prisma = new PrismaClient();

// One batched query per chunk: the fix, not N+1.
export async function archive(ids: string[]) {
  await Promise.all(chunk(ids, 500).map((part) => prisma.order.updateMany({ where: { id: { in: part } }, data: { archived: true } })));
  for (const idChunks of [chunk(ids, 100)]) {
    for (const c of idChunks) await prisma.order.deleteMany({ where: { id: { in: c } } });
  }
}

export async function copyAll(chunkedRows: { id: string }[][]) {
  for (const rows of chunkedRows) {
    await prisma.copy.createMany({ data: rows });
  }
  await Promise.all(chunkedRows.map((rows) => prisma.audit.create({ data: { count: rows.length } })));
}
