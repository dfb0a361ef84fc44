import { AppConnection } from "../connection/app-connection";
import { StockLevel } from "../entity/stock-level.entity";
import { RepoHost } from "../git/repo-host";

export class StockReader {
  constructor(private connection: AppConnection, private host: RepoHost) {}

  // Chunks of 500 ids: one DELETE per chunk, not per id.
  async purge(ctx: object, ids: string[]) {
    const size = 500;
    for (let i = 0; i < ids.length; i += size) {
      await this.connection.getRepository(ctx, StockLevel).delete(ids.slice(i, i + size));
    }
  }

  // A retry loop: the query runs again only when it failed.
  async firstLevel(ctx: object, retries = 3) {
    for (let attempt = 0; attempt < retries; attempt++) {
      try {
        return await this.connection.getRepository(ctx, StockLevel).find({ take: 1 });
      } catch (e) {
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
  }

  // Builders prepared per item but never run here.
  builders(ctx: object, locationIds: string[]) {
    return locationIds.map((loc) =>
      this.connection.getRepository(ctx, StockLevel).createQueryBuilder("level").where("level.locationId = :loc", { loc }),
    );
  }

  // One table per item: the loop visits entity classes, not rows.
  async related(ctx: object, fields: { entity: Function; name: string }[], ids: Record<string, string>) {
    const out: Record<string, unknown> = {};
    for (const field of fields) {
      out[field.name] = await this.connection.getRepository(ctx, field.entity).findOne({ where: { id: ids[field.name] } });
    }
    return out;
  }

  // The same through a helper whose entity is its parameter.
  async countAll(entities: Function[]) {
    const counts: number[] = [];
    for (const entity of entities) {
      counts.push(await this.countOf(entity));
    }
    return counts;
  }

  private async countOf(entity: Function) {
    return this.connection.rawConnection.getRepository(entity).count();
  }

  // A git host's repositories by name or string: not TypeORM.
  async mirrorAll(names: string[]) {
    for (const name of names) {
      await this.host.getRepository(name).delete();
      await this.host.getRepository("mirrors/" + name).save();
    }
  }
}

export class OptionGroupWriter {
  constructor(private connection: AppConnection) {}

  // One relation change per group, for all its products at once.
  async detach(ctx: object, groups: { id: string; productIds: string[] }[]) {
    for (const g of groups) {
      await this.connection.getRepository(ctx, StockLevel).createQueryBuilder().relation("optionGroups").of(g.productIds).remove(g.id);
      await this.connection.getRepository(ctx, StockLevel).createQueryBuilder().relation("optionGroups").of(g.id).add(g.productIds);
    }
  }

  // An UpdateQueryBuilder's set() only adds a clause; nothing runs here.
  builders(ctx: object, rows: { id: string; qty: number }[]) {
    return rows.map((r) => this.connection.getRepository(ctx, StockLevel).createQueryBuilder().update().set({ onHand: r.qty }));
  }
}
