import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import { StockMovement, MovementKind } from './stock-movement.entity';

export interface MovementQuery {
  productIds?: string[];
  warehouseIds?: string[];
  kinds?: MovementKind[];
  from?: Date;
  to?: Date;
  referencePrefixes?: string[];
  page?: number;
  pageSize?: number;
}

@Injectable()
export class StockMovementsService {
  constructor(@InjectRepository(StockMovement) private readonly movements: Repository<StockMovement>) {}

  async search(q: MovementQuery): Promise<{ items: StockMovement[]; total: number }> {
    const qb = this.movements.createQueryBuilder('m');
    if (q.productIds?.length) {
      qb.andWhere('m.productId IN (:...productIds)', { productIds: q.productIds });
    }
    if (q.warehouseIds?.length) {
      qb.andWhere('m.warehouseId IN (:...warehouseIds)', { warehouseIds: q.warehouseIds });
    }
    if (q.kinds?.length) {
      qb.andWhere('m.kind IN (:...kinds)', { kinds: q.kinds });
    }
    if (q.from) {
      qb.andWhere('m.createdAt >= :from', { from: q.from });
    }
    if (q.to) {
      qb.andWhere('m.createdAt < :to', { to: q.to });
    }
    if (q.referencePrefixes?.length) {
      qb.andWhere(
        new Brackets((sub) => {
          q.referencePrefixes!.forEach((prefix, i) => {
            sub.orWhere(`m.reference LIKE :ref${i}`, { [`ref${i}`]: `${prefix}%` });
          });
        }),
      );
    }
    const pageSize = Math.min(q.pageSize ?? 50, 500);
    const page = Math.max(q.page ?? 1, 1);
    const [items, total] = await qb
      .orderBy('m.createdAt', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items, total };
  }

  async dailyNet(productId: string, days: number): Promise<Array<{ day: string; net: number }>> {
    return this.movements
      .createQueryBuilder('m')
      .select("to_char(date_trunc('day', m.createdAt), 'YYYY-MM-DD')", 'day')
      .addSelect('SUM(m.quantity)', 'net')
      .where('m.productId = :productId', { productId })
      .andWhere("m.createdAt >= now() - make_interval(days => :days)", { days })
      .groupBy('1')
      .orderBy('1')
      .getRawMany();
  }
}
