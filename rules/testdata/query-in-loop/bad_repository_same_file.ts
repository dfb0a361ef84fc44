import { Pool } from "pg";

class OrderRepository {
  constructor(private readonly pool: Pool) {}

  async byId(id: string) {
    const { rows } = await this.pool.query("SELECT * FROM orders WHERE id = $1", [id]);
    return rows[0];
  }
}

export class InvoiceService {
  private readonly orders: OrderRepository;

  constructor(pool: Pool) {
    this.orders = new OrderRepository(pool);
  }

  async attach(invoices: { orderId: string; order?: unknown }[]) {
    for (const inv of invoices) {
      inv.order = await this.orders.byId(inv.orderId); // want "query-in-loop: this.orders.byId → this.pool.query runs once per iteration of the loop on line 20"
    }
  }
}

const userService = {
  async get(pool: Pool, id: string) {
    return (await pool.query("SELECT * FROM users WHERE id = $1", [id])).rows[0];
  },
};

export async function owners(pool: Pool, ids: string[]) {
  return Promise.all(ids.map((id) => userService.get(pool, id))); // want "userService.get → pool.query runs once per element of ids.map"
}
