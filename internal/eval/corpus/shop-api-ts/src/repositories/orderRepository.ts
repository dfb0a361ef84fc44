import { pool, queryRows } from '../lib/db';

export interface OrderRow {
  id: string;
  customer_id: string;
  status: 'pending' | 'paid' | 'shipped' | 'cancelled';
  total_cents: number;
  currency: string;
  created_at: Date;
}

export interface OrderItemRow {
  id: string;
  order_id: string;
  sku: string;
  quantity: number;
  unit_price_cents: number;
}

export interface OrderWithItems extends OrderRow {
  items: OrderItemRow[];
}

export async function findOrderById(id: string): Promise<OrderRow | null> {
  const { rows } = await pool.query<OrderRow>('SELECT * FROM orders WHERE id = $1', [id]);
  return rows[0] ?? null;
}

export async function listCustomerOrders(customerId: string, limit = 20): Promise<OrderWithItems[]> {
  const orders = await queryRows<OrderRow>(
    `SELECT id, customer_id, status, total_cents, currency, created_at
       FROM orders
      WHERE customer_id = $1
      ORDER BY created_at DESC
      LIMIT $2`,
    [customerId, limit],
  );

  const result: OrderWithItems[] = [];
  for (const order of orders) {
    const { rows: items } = await pool.query<OrderItemRow>( // expect: query-in-loop
      'SELECT id, order_id, sku, quantity, unit_price_cents FROM order_items WHERE order_id = $1 ORDER BY id',
      [order.id],
    );
    result.push({ ...order, items });
  }
  return result;
}

export async function listOrdersWithItems(orderIds: string[]): Promise<OrderWithItems[]> {
  if (orderIds.length === 0) {
    return [];
  }
  const orders = await queryRows<OrderRow>('SELECT * FROM orders WHERE id = ANY($1::uuid[])', [orderIds]);
  const items = await queryRows<OrderItemRow>(
    'SELECT * FROM order_items WHERE order_id = ANY($1::uuid[]) ORDER BY order_id, id',
    [orderIds],
  );
  const byOrder = new Map<string, OrderItemRow[]>();
  for (const item of items) {
    const list = byOrder.get(item.order_id) ?? [];
    list.push(item);
    byOrder.set(item.order_id, list);
  }
  return orders.map((o) => ({ ...o, items: byOrder.get(o.id) ?? [] }));
}

export async function markShipped(orderIds: string[], carrier: string): Promise<number> {
  const { rowCount } = await pool.query(
    `UPDATE orders SET status = 'shipped', carrier = $2, shipped_at = now()
      WHERE id = ANY($1::uuid[]) AND status = 'paid'`,
    [orderIds, carrier],
  );
  return rowCount ?? 0;
}

export async function cancelStaleOrders(olderThanHours: number): Promise<string[]> {
  const stale = await queryRows<{ id: string }>(
    `SELECT id FROM orders WHERE status = 'pending' AND created_at < now() - make_interval(hours => $1)`,
    [olderThanHours],
  );
  await Promise.all(
    stale.map((o) =>
      pool.query("UPDATE orders SET status = 'cancelled', cancelled_at = now() WHERE id = $1", [o.id]), // expect: query-in-loop
    ),
  );
  return stale.map((o) => o.id);
}
