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
    // Both loaders are called for every id before anything is awaited, so
    // each resolves with one batched query.
    const [products, levels] = await Promise.all([
      Promise.all(ids.map((id) => this.productById.load(id))),
      Promise.all(ids.map((id) => this.levelsByProduct.load(id))),
    ]);
    const out: Array<{ product: Product; onHand: number }> = [];
    products.forEach((product, i) => {
      if (product) {
        out.push({ product, onHand: levels[i].reduce((n, l) => n + l.onHand, 0) });
      }
    });
    return out;
  }
}
