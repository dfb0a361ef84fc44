import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { RedisClientType } from 'redis';
import { REDIS } from '../redis/redis.module';
import { Product } from './product.entity';
import { StockLevel } from '../stock/stock-level.entity';
import { CreateProductDto } from './dto/create-product.dto';

export interface ProductView {
  id: string;
  sku: string;
  name: string;
  onHand: number;
  allocated: number;
}

@Injectable()
export class ProductsService {
  private readonly logger = new Logger(ProductsService.name);

  constructor(
    @InjectRepository(Product) private readonly products: Repository<Product>,
    @InjectRepository(StockLevel) private readonly levels: Repository<StockLevel>,
    @Inject(REDIS) private readonly redis: RedisClientType,
  ) {}

  async findOne(id: string): Promise<ProductView> {
    const cacheKey = `inv:product-view:${id}`;
    const hit = await this.redis.get(cacheKey);
    if (hit) {
      return JSON.parse(hit) as ProductView;
    }
    const product = await this.products.findOne({ where: { id }, relations: { stockLevels: true } });
    if (!product) {
      throw new NotFoundException(`product ${id} not found`);
    }
    const view = this.toView(product, product.stockLevels);
    await this.redis.set(cacheKey, JSON.stringify(view), { EX: 60 });
    return view;
  }

  async findMany(ids: string[]): Promise<ProductView[]> {
    const products = await this.products.find({ where: { id: In(ids) } });
    const levels = await this.levels.find({ where: { productId: In(ids) } });
    const byProduct = new Map<string, StockLevel[]>();
    for (const level of levels) {
      byProduct.set(level.productId, [...(byProduct.get(level.productId) ?? []), level]);
    }
    return products.map((p) => this.toView(p, byProduct.get(p.id) ?? []));
  }

  async listBySupplier(supplierId: string): Promise<ProductView[]> {
    const products = await this.products.find({ where: { supplierId }, order: { sku: 'ASC' } });
    return Promise.all(
      products.map(async (p) => {
        const levels = await this.levels.find({ where: { productId: p.id } }); // expect: query-in-loop
        return this.toView(p, levels);
      }),
    );
  }

  async create(dto: CreateProductDto): Promise<Product> {
    const product = this.products.create(dto);
    const saved = await this.products.save(product);
    this.logger.log(`created product ${saved.sku}`);
    return saved;
  }

  async importMany(dtos: CreateProductDto[]): Promise<number> {
    const entities = dtos.map((dto) => this.products.create(dto));
    await this.products.save(entities, { chunk: 200 });
    return entities.length;
  }

  private toView(p: Product, levels: StockLevel[]): ProductView {
    return {
      id: p.id,
      sku: p.sku,
      name: p.name,
      onHand: levels.reduce((n, l) => n + l.onHand, 0),
      allocated: levels.reduce((n, l) => n + l.allocated, 0),
    };
  }
}
