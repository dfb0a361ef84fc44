import { PrismaClient } from "@prisma/client";

const prisma = new PrismaClient();

// Polling one row until it changes: the temporary re-reads the same row
// by its own id, with a pause between reads.
export async function waitForExport(exportId: string) {
  let job = await prisma.exportJob.findUniqueOrThrow({ where: { id: exportId } });
  while (job.status === "running") {
    await new Promise((r) => setTimeout(r, 1000));
    const fresh = await prisma.exportJob.findUnique({ where: { id: job.id } });
    if (!fresh) break;
    job = fresh;
  }
  return job;
}

// Keyset pagination: the temporary is the last row of the page.
export async function allEvents(since: Date) {
  const out = [];
  let last: { id: string } | undefined = { id: "" };
  while (last) {
    const page = await prisma.event.findMany({ where: { id: { gt: last.id }, at: { gte: since } }, take: 500, orderBy: { id: "asc" } });
    out.push(...page);
    const tail = page[page.length - 1];
    last = tail;
  }
  return out;
}

// The next node comes from a map already in memory.
export function ancestorsInMemory(byId: Map<string, { id: string; parentId?: string }>, start: string) {
  const out: string[] = [];
  let node = byId.get(start);
  while (node && node.parentId) {
    const up = byId.get(node.parentId);
    if (!up) break;
    out.push(up.id);
    node = up;
  }
  return out;
}
