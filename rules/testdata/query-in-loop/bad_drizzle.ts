import { drizzle } from "drizzle-orm/node-postgres";
import { eq } from "drizzle-orm";
import { users, invoices } from "./schema";

const db = drizzle(process.env.DATABASE_URL!);

export async function invoiceOwners(invoiceIds: number[]) {
  const out = [];
  for (const id of invoiceIds) {
    const [inv] = await db.select().from(invoices).where(eq(invoices.id, id)); // want "query-in-loop: db.select\\(\\).from\\(\\).where runs once per iteration of the loop on line 9 \\(N\\+1 queries\\); fetch all rows in one query with inArray\\(table.id, ids\\)"
    const owner = await db.query.users.findFirst({ where: eq(users.id, inv.ownerId) }); // want "db.query.users.findFirst runs once per iteration of the loop on line 9"
    out.push({ inv, owner });
  }
  return out;
}

export async function addUsers(rows: { name: string; email: string }[]) {
  await Promise.all(rows.map((r) => db.insert(users).values(r))); // want "db.insert\\(\\).values runs once per element of rows.map .*insert all rows in one .values"
}
