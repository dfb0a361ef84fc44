// TypeScript: TypeORM reached through the project's own connection class,
// in another file; this file does not import typeorm.
import { AppConnection } from "../connection/app-connection";
import { StockLevel } from "../entity/stock-level.entity";
import { Ticket } from "../entity/ticket.entity";

export class StockService {
  constructor(private connection: AppConnection) {}

  async transfer(ctx: object, levels: StockLevel[], toLocationId: string) {
    for (const level of levels) {
      const existing = await this.connection // want "this.connection.getRepository\\(\\).createQueryBuilder\\(\\).where\\(\\).getOne runs once per iteration of the loop on line 11 \\(N\\+1 queries\\)"
        .getRepository(ctx, StockLevel)
        .createQueryBuilder("level")
        .where("level.locationId = :loc AND level.variantId = :v", { loc: toLocationId, v: level.variantId })
        .getOne();
      if (existing) {
        existing.onHand += level.onHand;
        await this.connection.getRepository(ctx, StockLevel).save(existing); // want "this.connection.getRepository\\(\\).save runs once per iteration of the loop on line 11 \\(one write per item\\)"
      }
    }
  }

  async touch(ctx: object, entityType: typeof Ticket, ids: string[]) {
    await Promise.all(
      ids.map((id) => this.connection.getRepository(ctx, entityType).update(id, { touchedAt: new Date() })), // want "this.connection.getRepository\\(\\).update runs once per element of ids.map on line 26 \\(one write per item\\)"
    );
  }
}

export class OptionGroupService {
  constructor(private connection: AppConnection) {}

  // One relation change per product.
  async detach(ctx: object, groupId: string, products: { id: string }[]) {
    for (const product of products) {
      await this.connection // want "this.connection.getRepository\\(\\).createQueryBuilder\\(\\).relation\\(\\).of\\(\\).remove runs once per iteration of the loop on line 36 \\(one write per item\\)"
        .getRepository(ctx, Ticket)
        .createQueryBuilder()
        .relation("optionGroups")
        .of(product.id)
        .remove(groupId);
    }
  }
}

export class GroupUsage {
  constructor(private connection: AppConnection) {}

  // NOT IN excludes a list; each count is still about one group.
  async unused(ctx: object, groupIds: string[], removingIds: string[]) {
    const out: string[] = [];
    for (const groupId of groupIds) {
      const n = await this.connection // want "this.connection.getRepository\\(\\).createQueryBuilder\\(\\).innerJoin\\(\\).where\\(\\).getCount runs once per iteration of the loop on line 53 \\(N\\+1 queries\\)"
        .getRepository(ctx, Ticket)
        .createQueryBuilder("t")
        .innerJoin("t.groups", "g", "g.id = :groupId", { groupId })
        .where("t.id NOT IN (:...removingIds)", { removingIds })
        .getCount();
      if (n === 0) out.push(groupId);
    }
    return out;
  }
}
