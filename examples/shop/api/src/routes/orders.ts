import { Router, Request, Response } from "express";
import { pool, redis } from "../lib/db";

export const orders = Router();

interface OrderRow {
  id: string;
  customer_id: string;
  total_cents: number;
}

// GET /orders?customer=… — lists a customer's orders with their line items.
orders.get("/", async (req: Request, res: Response) => {
  const customerId = String(req.query.customer ?? "");
  const { rows } = await pool.query<OrderRow>(
    "SELECT id, customer_id, total_cents FROM orders WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 50",
    [customerId],
  );

  // One query per order: 50 orders, 51 round trips.
  const withItems = await Promise.all(
    rows.map(async (order) => {
      const items = await pool.query("SELECT sku, qty FROM order_items WHERE order_id = $1", [order.id]);
      return { ...order, items: items.rows };
    }),
  );
  res.json(withItems);
});

// GET /orders/summary — the fixed form: one query for all line items.
orders.get("/summary", async (req: Request, res: Response) => {
  const ids = String(req.query.ids ?? "").split(",").filter(Boolean);
  const { rows } = await pool.query(
    "SELECT order_id, count(*) AS lines FROM order_items WHERE order_id = ANY($1) GROUP BY order_id",
    [ids],
  );
  res.json(rows);
});

// POST /orders/:id/cancel — takes a client for a transaction.
orders.post("/:id/cancel", async (req: Request, res: Response) => {
  const client = await pool.connect();
  await client.query("BEGIN");
  const { rowCount } = await client.query("UPDATE orders SET status = 'cancelled' WHERE id = $1", [req.params.id]);
  if (rowCount === 0) {
    // Early return: the client never goes back to the pool.
    res.status(404).json({ error: "not found" });
    return;
  }
  await client.query("COMMIT");
  client.release();
  res.status(204).end();
});

// POST /orders/:id/refund — the fixed form: release in finally.
orders.post("/:id/refund", async (req: Request, res: Response) => {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("UPDATE orders SET status = 'refunded' WHERE id = $1", [req.params.id]);
    await client.query("COMMIT");
    res.status(204).end();
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  } finally {
    client.release();
  }
});

// GET /orders/:id — cached order lookups.
orders.get("/:id", async (req: Request, res: Response) => {
  const key = `order:${req.params.id}`;
  const cached = await redis.get(key);
  if (cached) {
    res.type("json").send(cached);
    return;
  }
  const { rows } = await pool.query("SELECT * FROM orders WHERE id = $1", [req.params.id]);
  // Never expires: every order ever viewed stays in Redis forever.
  await redis.set(key, JSON.stringify(rows[0]));
  res.json(rows[0]);
});

// GET /orders/:id/status — the fixed form: a one-minute TTL.
orders.get("/:id/status", async (req: Request, res: Response) => {
  const key = `order-status:${req.params.id}`;
  const { rows } = await pool.query("SELECT status FROM orders WHERE id = $1", [req.params.id]);
  await redis.set(key, rows[0].status, { EX: 60 });
  res.json(rows[0]);
});
