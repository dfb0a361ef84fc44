import { Injectable } from "@nestjs/common";
import { DataSource } from "typeorm";
import { Order } from "./order.entity";

@Injectable()
export class CheckoutService {
  constructor(private readonly dataSource: DataSource) {}

  // Rolled back on failure, but never released: each failed checkout keeps
  // a connection out of the pool.
  async checkout(order: Order): Promise<void> {
    const queryRunner = this.dataSource.createQueryRunner(); // want "missing-release: queryRunner from this.dataSource.createQueryRunner\\(\\) is not released when the save on line 16 throws \\(the catch block rethrows at line 21\\): release it in a finally block"
    await queryRunner.connect();
    await queryRunner.startTransaction();
    try {
      await queryRunner.manager.save(order);
      await queryRunner.manager.decrement("Stock", { sku: order.sku }, "qty", order.qty);
      await queryRunner.commitTransaction();
    } catch (err) {
      await queryRunner.rollbackTransaction();
      throw err;
    }
    await queryRunner.release();
  }
}
