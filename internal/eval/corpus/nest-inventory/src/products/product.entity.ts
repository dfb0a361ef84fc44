import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { StockLevel } from '../stock/stock-level.entity';

@Entity({ name: 'products' })
export class Product {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ length: 64 })
  sku!: string;

  @Column()
  name!: string;

  @Column({ type: 'uuid', nullable: true })
  supplierId!: string | null;

  @Column({ type: 'int', default: 0 })
  reorderPoint!: number;

  @Column({ type: 'int', default: 0 })
  reorderQuantity!: number;

  @OneToMany(() => StockLevel, (level) => level.product)
  stockLevels!: StockLevel[];

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}
