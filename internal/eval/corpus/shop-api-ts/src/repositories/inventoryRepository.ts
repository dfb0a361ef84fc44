import type { PoolClient } from 'pg';
import { pool } from '../lib/db';
import { logger } from '../lib/logger';

export interface InventoryRow {
  sku: string;
  on_hand: number;
  reserved: number;
  warehouse: string;
}

export class InventoryConflictError extends Error {}

export async function releaseReservation(orderId: string): Promise<void> {
  const client = await pool.connect(); // expect: missing-release
  await client.query('BEGIN');
  const { rows } = await client.query<{ sku: string; quantity: number }>(
    'SELECT sku, quantity FROM order_items WHERE order_id = $1',
    [orderId],
  );
  if (rows.length === 0) {
    await client.query('ROLLBACK');
    client.release();
    return;
  }
  await client.query(
    `UPDATE inventory i SET reserved = i.reserved - x.quantity
       FROM unnest($1::text[], $2::int[]) AS x(sku, quantity)
      WHERE i.sku = x.sku`,
    [rows.map((r) => r.sku), rows.map((r) => r.quantity)],
  );
  await client.query('COMMIT');
  client.release();
}

export async function receiveShipment(warehouse: string, lines: Array<{ sku: string; quantity: number }>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO inventory (sku, warehouse, on_hand, reserved)
       SELECT x.sku, $1, x.quantity, 0 FROM unnest($2::text[], $3::int[]) AS x(sku, quantity)
       ON CONFLICT (sku, warehouse) DO UPDATE SET on_hand = inventory.on_hand + EXCLUDED.on_hand`,
      [warehouse, lines.map((l) => l.sku), lines.map((l) => l.quantity)],
    );
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

export async function moveStock(sku: string, from: string, to: string, quantity: number): Promise<void> {
  const client: PoolClient = await pool.connect(); // expect: missing-release
  try {
    await client.query('BEGIN');
    const res = await client.query(
      'UPDATE inventory SET on_hand = on_hand - $1 WHERE sku = $2 AND warehouse = $3 AND on_hand - reserved >= $1',
      [quantity, sku, from],
    );
    if (res.rowCount === 0) {
      throw new InventoryConflictError(`not enough ${sku} in ${from}`);
    }
    await client.query(
      `INSERT INTO inventory (sku, warehouse, on_hand, reserved) VALUES ($1, $2, $3, 0)
       ON CONFLICT (sku, warehouse) DO UPDATE SET on_hand = inventory.on_hand + EXCLUDED.on_hand`,
      [sku, to, quantity],
    );
    await client.query('COMMIT');
    client.release();
  } catch (err) {
    await client.query('ROLLBACK');
    logger.warn({ err, sku, from, to }, 'stock move failed');
    throw err;
  }
}

export async function lowStock(threshold: number): Promise<InventoryRow[]> {
  const { rows } = await pool.query<InventoryRow>(
    'SELECT sku, on_hand, reserved, warehouse FROM inventory WHERE on_hand - reserved < $1 ORDER BY sku',
    [threshold],
  );
  return rows;
}
