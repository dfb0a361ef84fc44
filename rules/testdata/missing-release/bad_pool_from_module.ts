import "pg";
import db from "./db";
import type { Request, Response } from "express";

// The pool comes from a local module under another name; pg is imported
// for its types.
export async function listInvoices(req: Request, res: Response) {
  const client = await db.connect(); // want "missing-release: client from db.connect\\(\\) is never released: call client.release\\(\\) in a finally block"
  const { rows } = await client.query("SELECT * FROM invoices WHERE account_id = $1", [req.params.accountId]);
  res.json(rows);
}
