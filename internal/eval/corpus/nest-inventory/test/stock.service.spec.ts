import { Test } from '@nestjs/testing';
import { TypeOrmModule, getRepositoryToken } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { StockService } from '../src/stock/stock.service';
import { StockLevel } from '../src/stock/stock-level.entity';
import { StockMovement } from '../src/stock/stock-movement.entity';
import { Product } from '../src/products/product.entity';
import { Warehouse } from '../src/warehouses/warehouse.entity';

describe('StockService', () => {
  let service: StockService;
  let levels: Repository<StockLevel>;
  let products: Repository<Product>;
  let warehouseId: string;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRoot({ type: 'postgres', url: process.env.TEST_DATABASE_URL, autoLoadEntities: true, synchronize: true }),
        TypeOrmModule.forFeature([StockLevel, StockMovement, Product, Warehouse]),
      ],
      providers: [StockService],
    }).compile();
    service = moduleRef.get(StockService);
    levels = moduleRef.get(getRepositoryToken(StockLevel));
    products = moduleRef.get(getRepositoryToken(Product));
    const warehouse = await moduleRef.get<Repository<Warehouse>>(getRepositoryToken(Warehouse)).save({
      code: 'TST1',
      name: 'Test warehouse',
      country: 'DE',
    });
    warehouseId = warehouse.id;
  });

  it('reports availability per product', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const p = await products.save({ sku: `SPEC-${i}`, name: `Spec product ${i}` });
      await levels.save({ productId: p.id, warehouseId, onHand: 10 + i, allocated: i });
      ids.push(p.id);
    }
    const availability = await service.availabilityBatch(ids, warehouseId);
    expect(Object.values(availability).every((v) => v === 10)).toBe(true);
  });
});
