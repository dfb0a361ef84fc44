import knex from "knex";
import { drizzle } from "drizzle-orm/node-postgres";
import { and, eq, gte, SQL } from "drizzle-orm";
import { orders } from "./schema";

const db = knex({ client: "pg", connection: process.env.DATABASE_URL });
const orm = drizzle(process.env.DATABASE_URL!);

interface Filter {
  field: string;
  value: string;
}

// The loop only adds clauses; the query runs once, after it.
export async function search(filters: Filter[]) {
  let q = db("products").select("*");
  for (const f of filters) {
    q = q.where(f.field, f.value);
  }
  return await q.limit(50);
}

export async function searchOrders(filters: { customerId?: string; minTotal?: number }[]) {
  const conds: SQL[] = [];
  for (const f of filters) {
    if (f.customerId) conds.push(eq(orders.customerId, f.customerId));
    if (f.minTotal) conds.push(gte(orders.total, f.minTotal));
  }
  return orm.select().from(orders).where(and(...conds));
}

export async function builder(ids: string[]) {
  const query = db("users");
  ids.forEach((id) => query.orWhere("id", id));
  return query;
}
