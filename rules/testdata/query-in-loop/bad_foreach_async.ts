import { Pool } from "pg";
import type { Request, Response } from "express";

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

interface Invoice {
  id: string;
  customerId: string;
}

export async function markInvoicesSent(req: Request, res: Response) {
  const invoices: Invoice[] = req.body.invoices;
  // forEach(async …) fires every query at once and does not even wait.
  invoices.forEach(async (inv) => {
    await pool.query("UPDATE invoices SET sent_at = now() WHERE id = $1", [inv.id]); // want "pool.query runs once per element of invoices.forEach on line 14 \\(one write per item\\); write all rows in one statement"
  });
  res.sendStatus(202);
}

export async function customerNames(invoices: Invoice[]) {
  const names: Record<string, string> = {};
  for (const inv of invoices) {
    const { rows } = await pool.query("SELECT name FROM customers WHERE id = $1", [inv.customerId]); // want "pool.query runs once per iteration of the loop on line 22 \\(N\\+1 queries\\); fetch all rows in one query with WHERE id = ANY\\(\\$1\\)"
    names[inv.id] = rows[0]?.name;
  }
  return names;
}
