import {
  BaseEntity,
  Column,
  CreateDateColumn,
  Entity,
  In,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Customer } from './Customer';
import { OrderItem } from './OrderItem';

export type OrderStatus = 'pending' | 'paid' | 'shipped' | 'cancelled' | 'refunded';

@Entity({ name: 'orders' })
export class Order extends BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  status!: OrderStatus;

  @Column({ name: 'total_cents', type: 'integer' })
  totalCents!: number;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @ManyToOne(() => Customer, (c) => c.orders)
  customer!: Relation<Customer>;

  @OneToMany(() => OrderItem, (item) => item.order, { cascade: ['insert'] })
  items!: Relation<OrderItem[]>;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  static findWithItems(id: string) {
    return this.findOne({ where: { id }, relations: { items: { product: true }, customer: true } });
  }

  static byIds(ids: string[]) {
    return ids.length === 0 ? Promise.resolve([]) : this.find({ where: { id: In(ids) } });
  }

  get isCancellable(): boolean {
    return this.status === 'pending' || this.status === 'paid';
  }
}
