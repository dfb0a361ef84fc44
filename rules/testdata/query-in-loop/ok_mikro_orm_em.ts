import { EntityManager } from "@mikro-orm/postgresql";
import { Category } from "../models/category";

export class CategoryRepository {
  constructor(private readonly em: EntityManager) {}

  // One SELECT … WHERE id IN (…): MikroORM reads an array value as $in.
  async softDelete(ids: string[]) {
    const found = await this.em.find(Category, { id: { $in: ids } });
    for (const c of found) {
      // assign/persist only mark entities in the unit of work; flush writes once.
      this.em.assign(c, { deletedAt: new Date() });
    }
    await this.em.flush();
    return found;
  }

  // One query per parent group, batched by an array of ids.
  async byParents(groups: { parentIds: string[] }[]) {
    const out: Category[][] = [];
    for (const g of groups) {
      out.push(await this.em.find(Category, { parentId: g.parentIds }));
    }
    return out;
  }

  // Building entities is in memory; one flush at the end.
  async create(rows: { name: string }[]) {
    for (const row of rows) {
      this.em.persist(this.em.create(Category, row));
    }
    await this.em.flush();
  }
}
