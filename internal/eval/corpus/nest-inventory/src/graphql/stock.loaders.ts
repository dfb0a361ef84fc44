import { Injectable, Scope } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { In, Repository } from 'typeorm';
import { Product } from '../products/product.entity';
import { StockLevel } from '../stock/stock-level.entity';

/**
 * Request-scoped loaders for the GraphQL API: every .load() made while one
 * request resolves is coalesced into a single query per loader.
 */
@Injectable({ scope: Scope.REQUEST })
export class StockLoaders {
  constructor(
    @InjectRepository(Product) private readonly products: Repository<Product>,
    @InjectRepository(StockLevel) private readonly levels: Repository<StockLevel>,
  ) {}

  readonly productById = new DataLoader<string, Product | null>(async (ids) => {
    const rows = await this.products.findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((p) => [p.id, p]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  readonly levelsByProduct = new DataLoader<string, StockLevel[]>(async (productIds) => {
    const rows = await this.levels.findBy({ productId: In([...productIds]) });
    const grouped = new Map<string, StockLevel[]>();
    for (const row of rows) {
      grouped.set(row.productId, [...(grouped.get(row.productId) ?? []), row]);
    }
    return productIds.map((id) => grouped.get(id) ?? []);
  });

  async productsWithStock(ids: string[]): Promise<Array<{ product: Product; onHand: number }>> {
    const out: Array<{ product: Product; onHand: number }> = [];
    const products = await Promise.all(ids.map((id) => this.productById.load(id)));
    for (const product of products) {
      if (!product) continue;
      const levels = await this.levelsByProduct.load(product.id);
      out.push({ product, onHand: levels.reduce((n, l) => n + l.onHand, 0) });
    }
    return out;
  }
}
