import type { Knex } from "knex";

const TABLE = "milestone_strategy_segments";

interface KeyValueDb {
  (bucket: string): { get(key: string): Promise<string> };
}

export class MilestoneStore {
  constructor(private db: Knex, private database: KeyValueDb) {}

  // A fixed pair of statements, not a loop over data.
  async reset() {
    await Promise.all([this.db(TABLE).del(), this.db("milestones").del()]);
  }

  // Builders made per item and handed back unrun.
  queries(ids: string[]) {
    return ids.map((id) => this.db(TABLE).where({ id }).toQuery());
  }

  // A key-value store called with a bucket: get() is not a Knex method.
  async settings(keys: string[]) {
    const out: string[] = [];
    for (const k of keys) {
      out.push(await this.database("settings").get(k));
    }
    return out;
  }
}

export class Repairs {
  constructor(private db: { connection: Knex; schemas: { tables: { joinTable: string }[] }[] }) {}

  // One query per join table: the loop walks tables, not rows.
  async morphTypes(pivot: string) {
    const out: string[][] = [];
    for (const schema of this.db.schemas) {
      for (const t of schema.tables) {
        const joinTableName = t.joinTable;
        out.push(await this.db.connection(joinTableName).distinct(pivot).pluck(pivot));
      }
    }
    return out;
  }
}
