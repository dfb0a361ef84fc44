import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type MovementKind = 'receipt' | 'shipment' | 'transfer' | 'adjustment';

@Entity({ name: 'stock_movements' })
@Index(['productId', 'createdAt'])
export class StockMovement {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  productId!: string;

  @Column('uuid')
  warehouseId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: MovementKind;

  @Column('int')
  quantity!: number;

  @Column({ type: 'varchar', nullable: true })
  reference!: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @CreateDateColumn()
  createdAt!: Date;
}
