import { PoolClient } from 'pg';
import { pool, withTransaction } from '../lib/db';
import { logger } from '../lib/logger';
import { findProductsBySkus } from '../repositories/productRepository';

export interface CartLine {
  sku: string;
  quantity: number;
}

export interface CheckoutRequest {
  customerId: string;
  cartId: string;
  currency: string;
  lines: CartLine[];
}

export class OutOfStockError extends Error {
  constructor(public readonly sku: string) {
    super(`sku ${sku} is out of stock`);
    this.name = 'OutOfStockError';
  }
}

async function unitPrice(sku: string, currency: string): Promise<number> {
  const { rows } = await pool.query<{ amount_cents: number }>(
    'SELECT amount_cents FROM prices WHERE sku = $1 AND currency = $2 AND valid_to IS NULL',
    [sku, currency],
  );
  if (rows.length === 0) {
    throw new Error(`no price for ${sku} in ${currency}`);
  }
  return rows[0].amount_cents;
}

export async function quote(req: CheckoutRequest): Promise<{ totalCents: number; lines: number }> {
  let total = 0;
  for (const line of req.lines) {
    const price = await unitPrice(line.sku, req.currency); // expect: query-in-loop
    total += price * line.quantity;
  }
  return { totalCents: total, lines: req.lines.length };
}

async function reserveStock(client: PoolClient, lines: CartLine[]): Promise<void> {
  for (const line of lines) {
    const res = await client.query( // expect: query-in-loop
      'UPDATE inventory SET reserved = reserved + $1 WHERE sku = $2 AND on_hand - reserved >= $1',
      [line.quantity, line.sku],
    );
    if (res.rowCount === 0) {
      throw new OutOfStockError(line.sku);
    }
  }
}

export async function placeOrder(req: CheckoutRequest): Promise<string> {
  const products = await findProductsBySkus(req.lines.map((l) => l.sku));
  const missing = req.lines.filter((l) => !products.has(l.sku));
  if (missing.length > 0) {
    throw new Error(`unknown skus: ${missing.map((m) => m.sku).join(', ')}`);
  }

  return withTransaction(async (client) => {
    await reserveStock(client, req.lines);
    const total = req.lines.reduce((sum, l) => sum + products.get(l.sku)!.price_cents * l.quantity, 0);
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO orders (customer_id, status, total_cents, currency) VALUES ($1, 'pending', $2, $3) RETURNING id`,
      [req.customerId, total, req.currency],
    );
    const orderId = rows[0].id;
    await client.query(
      `INSERT INTO order_items (order_id, sku, quantity, unit_price_cents)
       SELECT $1, x.sku, x.quantity, p.price_cents
         FROM unnest($2::text[], $3::int[]) AS x(sku, quantity)
         JOIN products p ON p.sku = x.sku`,
      [orderId, req.lines.map((l) => l.sku), req.lines.map((l) => l.quantity)],
    );
    logger.info({ orderId, customerId: req.customerId, total }, 'order placed');
    return orderId;
  });
}
