import type { PoolConnection, RowDataPacket, ResultSetHeader } from 'mysql2/promise';
import { inventoryPool } from '../db/sequelize';
import { logger } from '../lib/logger';

interface StockRow extends RowDataPacket {
  sku: string;
  available: number;
}

export async function stockForSkus(skus: string[]): Promise<Map<string, number>> {
  if (skus.length === 0) {
    return new Map();
  }
  const [rows] = await inventoryPool.query<StockRow[]>(
    'SELECT sku, SUM(on_hand - allocated) AS available FROM stock WHERE sku IN (?) GROUP BY sku',
    [skus],
  );
  return new Map(rows.map((r) => [r.sku, Number(r.available)]));
}

export async function reserve(sku: string, quantity: number, orderRef: string): Promise<boolean> {
  const conn = await inventoryPool.getConnection(); // expect: missing-release
  await conn.beginTransaction();
  const [rows] = await conn.query<StockRow[]>(
    'SELECT sku, on_hand - allocated AS available FROM stock WHERE sku = ? FOR UPDATE',
    [sku],
  );
  if (rows.length === 0 || rows[0].available < quantity) {
    await conn.rollback();
    return false;
  }
  await conn.query('UPDATE stock SET allocated = allocated + ? WHERE sku = ?', [quantity, sku]);
  await conn.query('INSERT INTO reservations (sku, quantity, order_ref) VALUES (?, ?, ?)', [sku, quantity, orderRef]);
  await conn.commit();
  conn.release();
  return true;
}

export async function releaseReservation(orderRef: string): Promise<number> {
  let conn: PoolConnection | undefined;
  try {
    conn = await inventoryPool.getConnection();
    await conn.beginTransaction();
    const [res] = await conn.query<ResultSetHeader>(
      `UPDATE stock s JOIN reservations r ON r.sku = s.sku
          SET s.allocated = s.allocated - r.quantity, r.released_at = NOW()
        WHERE r.order_ref = ? AND r.released_at IS NULL`,
      [orderRef],
    );
    await conn.commit();
    return res.affectedRows;
  } catch (err) {
    await conn?.rollback();
    logger.error({ err, orderRef }, 'releasing reservation failed');
    throw err;
  } finally {
    conn?.release();
  }
}

export async function lowStockReport(threshold: number): Promise<StockRow[]> {
  const conn = await inventoryPool.getConnection(); // expect: missing-release
  try {
    await conn.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
    const [rows] = await conn.query<StockRow[]>(
      'SELECT sku, on_hand - allocated AS available FROM stock HAVING available < ? ORDER BY available',
      [threshold],
    );
    conn.release();
    return rows;
  } catch (err) {
    logger.error({ err }, 'low stock report failed');
    throw err;
  }
}
