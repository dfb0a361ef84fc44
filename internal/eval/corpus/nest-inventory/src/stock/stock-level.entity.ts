import { Column, Entity, ManyToOne, PrimaryGeneratedColumn, Unique, VersionColumn } from 'typeorm';
import { Product } from '../products/product.entity';
import { Warehouse } from '../warehouses/warehouse.entity';

@Entity({ name: 'stock_levels' })
@Unique(['productId', 'warehouseId'])
export class StockLevel {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  productId!: string;

  @Column('uuid')
  warehouseId!: string;

  @ManyToOne(() => Product, (p) => p.stockLevels)
  product!: Product;

  @ManyToOne(() => Warehouse)
  warehouse!: Warehouse;

  @Column({ type: 'int', default: 0 })
  onHand!: number;

  @Column({ type: 'int', default: 0 })
  allocated!: number;

  @VersionColumn()
  version!: number;
}
