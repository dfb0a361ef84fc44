import { EntityManager } from "@mikro-orm/postgresql";
import { Category } from "../models/category";

export class CategoryRepository {
  constructor(private readonly em: EntityManager) {}

  // One SELECT per id, all at once.
  async softDelete(ids: string[]) {
    const found = await Promise.all(
      ids.map(async (id) => {
        const c = await this.em.findOneOrFail(Category, { id }); // want "this.em.findOneOrFail runs once per element of ids.map on line 10 \\(N\\+1 queries\\)"
        this.em.assign(c, { deletedAt: new Date() });
        return c;
      }),
    );
    await this.em.flush();
    return found;
  }

  // One COUNT per new category.
  async create(rows: { parentId: string | null; name: string }[]) {
    for (const row of rows) {
      const siblings = await this.em.count(Category, { parentId: row.parentId }); // want "this.em.count runs once per iteration of the loop on line 22 \\(N\\+1 queries\\)"
      this.em.persist(this.em.create(Category, { ...row, rank: siblings }));
    }
    await this.em.flush();
  }
}
