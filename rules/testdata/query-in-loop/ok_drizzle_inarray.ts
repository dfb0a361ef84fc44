import { drizzle } from "drizzle-orm/node-postgres";
import { inArray } from "drizzle-orm";
import { users, invoices } from "./schema";

const db = drizzle(process.env.DATABASE_URL!);

export async function invoiceOwners(invoiceIds: number[]) {
  const invs = await db.select().from(invoices).where(inArray(invoices.id, invoiceIds));
  const owners = await db.select().from(users).where(inArray(users.id, invs.map((i) => i.ownerId)));
  const byId = new Map(owners.map((o) => [o.id, o]));
  return invs.map((inv) => ({ inv, owner: byId.get(inv.ownerId) }));
}

export async function addUsers(rows: { name: string; email: string }[]) {
  await db.insert(users).values(rows);
  await db.transaction(async (tx) => {
    await tx.insert(invoices).values(rows.map((r) => ({ ownerEmail: r.email, total: 0 })));
  });
}
