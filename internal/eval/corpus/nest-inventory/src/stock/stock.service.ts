import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { StockLevel } from './stock-level.entity';
import { StockMovement } from './stock-movement.entity';

export interface ShipmentLine {
  productId: string;
  quantity: number;
}

export interface Shipment {
  warehouseId: string;
  reference: string;
  lines: ShipmentLine[];
}

@Injectable()
export class StockService {
  private readonly logger = new Logger(StockService.name);

  constructor(
    @InjectRepository(StockLevel) private readonly levels: Repository<StockLevel>,
    @InjectRepository(StockMovement) private readonly movements: Repository<StockMovement>,
    private readonly dataSource: DataSource,
  ) {}

  async availability(productIds: string[], warehouseId: string): Promise<Record<string, number>> {
    const result: Record<string, number> = {};
    for (const productId of productIds) {
      const level = await this.levels.findOneBy({ productId, warehouseId }); // expect: query-in-loop
      result[productId] = level ? level.onHand - level.allocated : 0;
    }
    return result;
  }

  async availabilityBatch(productIds: string[], warehouseId: string): Promise<Record<string, number>> {
    const levels = await this.levels.findBy({ productId: In(productIds), warehouseId });
    const result: Record<string, number> = Object.fromEntries(productIds.map((id) => [id, 0]));
    for (const level of levels) {
      result[level.productId] = level.onHand - level.allocated;
    }
    return result;
  }

  async recordShipment(shipment: Shipment, actorId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const levels = await manager.find(StockLevel, {
        where: { warehouseId: shipment.warehouseId, productId: In(shipment.lines.map((l) => l.productId)) },
        lock: { mode: 'pessimistic_write' },
      });
      const byProduct = new Map(levels.map((l) => [l.productId, l]));
      for (const line of shipment.lines) {
        const level = byProduct.get(line.productId);
        if (!level || level.onHand < line.quantity) {
          throw new Error(`insufficient stock for ${line.productId}`);
        }
        level.onHand -= line.quantity;
      }
      await manager.save(levels);
      await manager.insert(
        StockMovement,
        shipment.lines.map((l) => ({
          productId: l.productId,
          warehouseId: shipment.warehouseId,
          kind: 'shipment' as const,
          quantity: -l.quantity,
          reference: shipment.reference,
          actorId,
        })),
      );
    });
  }

  async adjustCounts(warehouseId: string, counts: Record<string, number>, actorId: string): Promise<void> {
    Object.entries(counts).forEach(async ([productId, counted]) => {
      try {
        await this.levels.update({ productId, warehouseId }, { onHand: counted }); // expect: query-in-loop
        await this.movements.insert({ // expect: query-in-loop
          productId,
          warehouseId,
          kind: 'adjustment',
          quantity: counted,
          reference: 'cycle-count',
          actorId,
        });
      } catch (err) {
        this.logger.error(`cycle count update failed for ${productId}`, err as Error);
      }
    });
  }
}
