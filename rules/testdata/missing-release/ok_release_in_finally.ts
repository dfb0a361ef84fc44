import { Pool, PoolClient } from "pg";
import type { Request, Response } from "express";

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

export async function transfer(req: Request, res: Response) {
  const { from, to, cents } = req.body;
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("UPDATE accounts SET balance = balance - $1 WHERE id = $2", [cents, from]);
    await client.query("UPDATE accounts SET balance = balance + $1 WHERE id = $2", [cents, to]);
    await client.query("COMMIT");
    res.json({ ok: true });
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  } finally {
    client.release();
  }
}

// let declared outside the try, released if it was acquired.
export async function report(): Promise<number> {
  let client: PoolClient | undefined;
  try {
    client = await pool.connect();
    const { rows } = await client.query("SELECT count(*) AS n FROM orders");
    if (rows.length === 0) {
      return 0;
    }
    return Number(rows[0].n);
  } finally {
    client?.release();
  }
}

// Released in the catch and after the query, with no await in between.
export async function ping(): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query("SELECT 1");
  } catch (e) {
    client.release();
    return false;
  }
  client.release();
  return true;
}

// pool.query checks a client out and back in by itself.
export async function countUsers(): Promise<number> {
  const { rows } = await pool.query("SELECT count(*) AS n FROM users");
  return Number(rows[0].n);
}
