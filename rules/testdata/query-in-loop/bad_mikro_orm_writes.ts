import { EntityManager, EntityRepository } from "@mikro-orm/core";
import { Order } from "../models/order";

export class OrderWriter {
  constructor(private readonly em: EntityManager, private readonly orders: EntityRepository<Order>) {}

  // One UPDATE per order.
  async close(orderIds: string[]) {
    for (const orderId of orderIds) {
      await this.em.nativeUpdate(Order, { id: orderId }, { closedAt: new Date() }); // want "this.em.nativeUpdate runs once per iteration of the loop on line 9 \\(one write per item\\)"
    }
  }

  // A flush per item writes the unit of work once per iteration.
  async rename(rows: { order: Order; name: string }[]) {
    for (const row of rows) {
      this.em.assign(row.order, { name: row.name });
      await this.em.flush(); // want "this.em.flush runs once per iteration of the loop on line 16 \\(one write per item\\)"
    }
  }

  // A repository or a forked manager queries just the same.
  async totals(customerId: string, regions: string[]) {
    const fork = this.em.fork();
    const out: number[] = [];
    for (const region of regions) {
      out.push(await this.orders.count({ customerId, region })); // want "this.orders.count runs once per iteration of the loop on line 26 \\(N\\+1 queries\\)"
      const last = await fork.findOne(Order, { customerId, region }, { orderBy: { createdAt: "desc" } }); // want "fork.findOne runs once per iteration of the loop on line 26 \\(N\\+1 queries\\)"
      out.push(last ? 1 : 0);
    }
    return out;
  }
}
