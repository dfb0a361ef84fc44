import { Injectable } from "@nestjs/common";
import { DataSource } from "typeorm";
import { Order } from "./order.entity";

@Injectable()
export class CheckoutService {
  constructor(private readonly dataSource: DataSource) {}

  // The documented shape: connect and start outside, release in finally.
  async checkout(order: Order): Promise<void> {
    const queryRunner = this.dataSource.createQueryRunner();
    await queryRunner.connect();
    await queryRunner.startTransaction();
    try {
      await queryRunner.manager.save(order);
      await queryRunner.commitTransaction();
    } catch (err) {
      await queryRunner.rollbackTransaction();
      throw err;
    } finally {
      await queryRunner.release();
    }
  }

  // Managed transactions release by themselves.
  async cancel(id: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(Order, id);
    });
  }
}
