import { pool } from '../lib/db';
import { listCustomerOrders, cancelStaleOrders } from '../repositories/orderRepository';

const CUSTOMER = '8f14e45f-ceea-467a-9575-6a4c1e2b0c11';

describe('orderRepository', () => {
  beforeEach(async () => {
    await pool.query('TRUNCATE orders, order_items RESTART IDENTITY CASCADE');
    for (let i = 0; i < 5; i++) {
      const { rows } = await pool.query<{ id: string }>(
        "INSERT INTO orders (customer_id, status, total_cents, currency) VALUES ($1, 'pending', $2, 'EUR') RETURNING id",
        [CUSTOMER, 1000 * (i + 1)],
      );
      for (const sku of ['A-1', 'B-2']) {
        await pool.query('INSERT INTO order_items (order_id, sku, quantity, unit_price_cents) VALUES ($1, $2, 1, 500)', [
          rows[0].id,
          sku,
        ]);
      }
    }
  });

  afterAll(() => pool.end());

  it('lists orders newest first with their items', async () => {
    const orders = await listCustomerOrders(CUSTOMER, 10);
    expect(orders).toHaveLength(5);
    expect(orders[0].items.map((i) => i.sku).sort()).toEqual(['A-1', 'B-2']);
  });

  it('cancels nothing when all orders are fresh', async () => {
    await expect(cancelStaleOrders(24)).resolves.toEqual([]);
  });
});
