import { PrismaClient } from "@prisma/client";
import { Pool } from "pg";

const prisma = new PrismaClient();
const pool = new Pool();

// Reassigning the loop variable from a call is also how pagination and
// polling look; those are not per item.
export async function allInvoices(customerId: string) {
  const out = [];
  let page = await prisma.invoice.findMany({ where: { customerId }, take: 200, orderBy: { id: "asc" } });
  while (page.length > 0) {
    out.push(...page);
    const last = page[page.length - 1];
    page = await prisma.invoice.findMany({ where: { customerId }, take: 200, skip: 1, cursor: { id: last.id } });
  }
  return out;
}

export async function nextJobs(queue: string) {
  let job = await claim(queue);
  while (job) {
    await handle(job.payload);
    job = await claim(queue);
  }
}

async function claim(queue: string) {
  const { rows } = await pool.query(
    "UPDATE jobs SET state = 'running' WHERE id = (SELECT id FROM jobs WHERE queue = $1 AND state = 'queued' LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING *",
    [queue],
  );
  return rows[0];
}

async function handle(payload: unknown) {
  console.log(payload);
}

// A linked list in memory: no query inside.
export function depth(node: { parent?: { parent?: unknown } }) {
  let d = 0;
  let cur: any = node;
  while (cur) {
    d++;
    cur = cur.parent;
  }
  return d;
}

// Following a link served by an HTTP API, not a database.
export async function chain(url: string) {
  let res = await fetch(url);
  while (res.headers.get("link")) {
    res = await fetch(res.headers.get("link")!);
  }
  return res.json();
}

// Waiting for a row to change state re-reads the same row: polling.
export async function waitForExport(exportId: string) {
  let exp = await prisma.export.findUnique({ where: { id: exportId } });
  while (exp && exp.status !== "done") {
    await new Promise((r) => setTimeout(r, 1000));
    exp = await prisma.export.findUnique({ where: { id: exp.exportId } });
  }
  return exp;
}

export async function reload(order: { orderId: string; state: string }) {
  while (order.state === "pending") {
    order = (await prisma.order.findUnique({ where: { orderId: order.orderId } }))!;
  }
  return order;
}
