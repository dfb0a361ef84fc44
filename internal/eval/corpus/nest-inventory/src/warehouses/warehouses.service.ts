import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Warehouse } from './warehouse.entity';
import { StockLevel } from '../stock/stock-level.entity';
import { StockMovement } from '../stock/stock-movement.entity';

export interface TransferRequest {
  productId: string;
  fromWarehouseId: string;
  toWarehouseId: string;
  quantity: number;
}

@Injectable()
export class WarehousesService {
  private readonly logger = new Logger(WarehousesService.name);

  constructor(
    @InjectRepository(Warehouse) private readonly warehouses: Repository<Warehouse>,
    private readonly dataSource: DataSource,
  ) {}

  listActive(): Promise<Warehouse[]> {
    return this.warehouses.find({ where: { active: true }, order: { code: 'ASC' } });
  }

  async transfer(req: TransferRequest, actorId: string): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction('REPEATABLE READ');
    try {
      const source = await runner.manager.findOne(StockLevel, {
        where: { productId: req.productId, warehouseId: req.fromWarehouseId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!source || source.onHand - source.allocated < req.quantity) {
        throw new Error('insufficient stock at source warehouse');
      }
      await runner.manager.decrement(StockLevel, { id: source.id }, 'onHand', req.quantity);
      await runner.manager.upsert(
        StockLevel,
        { productId: req.productId, warehouseId: req.toWarehouseId, onHand: req.quantity },
        { conflictPaths: ['productId', 'warehouseId'] },
      );
      await runner.manager.insert(StockMovement, [
        { productId: req.productId, warehouseId: req.fromWarehouseId, kind: 'transfer', quantity: -req.quantity, actorId },
        { productId: req.productId, warehouseId: req.toWarehouseId, kind: 'transfer', quantity: req.quantity, actorId },
      ]);
      await runner.commitTransaction();
    } catch (err) {
      await runner.rollbackTransaction();
      throw err;
    } finally {
      await runner.release();
    }
  }

  async deactivate(id: string): Promise<void> {
    const runner = this.dataSource.createQueryRunner(); // expect: missing-release
    await runner.connect();
    await runner.startTransaction();
    const warehouse = await runner.manager.findOneBy(Warehouse, { id });
    if (!warehouse) {
      await runner.rollbackTransaction();
      throw new NotFoundException(`warehouse ${id} not found`);
    }
    const { sum } = await runner.manager
      .createQueryBuilder(StockLevel, 's')
      .select('COALESCE(SUM(s.onHand), 0)', 'sum')
      .where('s.warehouseId = :id', { id })
      .getRawOne();
    if (Number(sum) > 0) {
      await runner.rollbackTransaction();
      await runner.release();
      throw new Error(`warehouse ${warehouse.code} still holds stock`);
    }
    await runner.manager.update(Warehouse, { id }, { active: false });
    await runner.commitTransaction();
    await runner.release();
    this.logger.log(`deactivated warehouse ${warehouse.code}`);
  }
}
