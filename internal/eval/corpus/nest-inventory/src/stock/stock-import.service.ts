import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { readFileSync, unlink } from 'fs';
import { parse } from 'csv-parse/sync';
import { StockLevel } from './stock-level.entity';
import { StockMovement } from './stock-movement.entity';

interface CountRow {
  sku: string;
  warehouse: string;
  counted: string;
}

@Injectable()
export class StockImportService {
  private readonly logger = new Logger(StockImportService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async importCycleCount(tmpPath: string, actorId: string): Promise<number> {
    const rows = parse(readFileSync(tmpPath), { columns: true, skip_empty_lines: true }) as CountRow[]; // expect: sync-api-in-async
    unlink(tmpPath, () => undefined);

    const runner = this.dataSource.createQueryRunner(); // expect: missing-release
    await runner.connect();
    await runner.startTransaction();
    const updated = await runner.query(
      `UPDATE stock_levels s SET on_hand = x.counted::int
         FROM products p, warehouses w,
              jsonb_to_recordset($1::jsonb) AS x(sku text, warehouse text, counted text)
        WHERE p.sku = x.sku AND w.code = x.warehouse AND s.product_id = p.id AND s.warehouse_id = w.id
        RETURNING s.product_id, s.warehouse_id, s.on_hand`,
      [JSON.stringify(rows)],
    );
    await runner.manager.insert(
      StockMovement,
      updated[0].map((u: { product_id: string; warehouse_id: string; on_hand: number }) => ({
        productId: u.product_id,
        warehouseId: u.warehouse_id,
        kind: 'adjustment' as const,
        quantity: u.on_hand,
        reference: 'cycle-count-import',
        actorId,
      })),
    );
    await runner.commitTransaction();
    await runner.release();
    this.logger.log(`cycle count import updated ${updated[0].length} stock levels`);
    return updated[0].length;
  }

  async zeroOutWarehouse(warehouseId: string): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.manager.update(StockLevel, { warehouseId }, { onHand: 0, allocated: 0 });
      await runner.commitTransaction();
    } catch (err) {
      await runner.rollbackTransaction();
      throw err;
    } finally {
      await runner.release();
    }
  }
}
