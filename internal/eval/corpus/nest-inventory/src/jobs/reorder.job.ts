import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThanOrEqual, Repository } from 'typeorm';
import type { RedisClientType } from 'redis';
import { Product } from '../products/product.entity';
import { StockLevel } from '../stock/stock-level.entity';
import { SuppliersService } from '../suppliers/suppliers.service';
import { REDIS } from '../redis/redis.module';
import { appConfig } from '../common/config';

interface ReorderSuggestion {
  productId: string;
  sku: string;
  supplierId: string;
  quantity: number;
  unitCostCents: number;
}

@Injectable()
export class ReorderJob {
  private readonly logger = new Logger(ReorderJob.name);

  constructor(
    @InjectRepository(Product) private readonly products: Repository<Product>,
    @InjectRepository(StockLevel) private readonly levels: Repository<StockLevel>,
    private readonly suppliers: SuppliersService,
    @Inject(REDIS) private readonly redis: RedisClientType,
  ) {}

  private async totalOnHand(productId: string): Promise<number> {
    const row = await this.levels
      .createQueryBuilder('s')
      .select('COALESCE(SUM(s.onHand - s.allocated), 0)', 'available')
      .where('s.productId = :productId', { productId })
      .getRawOne<{ available: string }>();
    return Number(row?.available ?? 0);
  }

  @Cron(CronExpression.EVERY_HOUR)
  async run(): Promise<void> {
    const lockKey = 'inv:lock:reorder-job';
    const acquired = await this.redis.set(lockKey, String(process.pid), { NX: true, PX: 55 * 60 * 1000 });
    if (acquired !== 'OK') {
      this.logger.debug('another instance holds the reorder lock');
      return;
    }
    try {
      const candidates = await this.products.find({
        where: { reorderPoint: LessThanOrEqual(appConfig.reorderThreshold) },
        select: { id: true, sku: true, supplierId: true, reorderPoint: true, reorderQuantity: true },
      });
      const suggestions: ReorderSuggestion[] = [];
      for (const product of candidates) {
        if (!product.supplierId) {
          continue;
        }
        const available = await this.totalOnHand(product.id); // expect: query-in-loop
        if (available > product.reorderPoint) {
          continue;
        }
        const quote = await this.suppliers.getQuote(product.supplierId, product.sku);
        suggestions.push({
          productId: product.id,
          sku: product.sku,
          supplierId: product.supplierId,
          quantity: product.reorderQuantity,
          unitCostCents: quote.unitCostCents,
        });
      }
      await this.redis.set('inv:reorder:latest', JSON.stringify(suggestions)); // expect: cache-without-ttl
      this.logger.log(`reorder job produced ${suggestions.length} suggestions`);
    } finally {
      await this.redis.del(lockKey);
    }
  }
}
