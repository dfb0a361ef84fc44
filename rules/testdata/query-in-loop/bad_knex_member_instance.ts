import type { Knex } from "knex";

const TABLE = "milestone_strategy_segments";
const T = { events: "events", tokens: "api_tokens" };

export class MilestoneStore {
  constructor(private db: Knex, private knex: Knex) {}

  async link(strategyId: string, segments: string[]) {
    for (const segmentId of segments) {
      await this.db(TABLE).insert({ milestone_strategy_id: strategyId, segment_id: segmentId }); // want "this.db\\(\\).insert runs once per iteration of the loop on line 10 \\(one write per item\\)"
    }
  }

  async linkAll(strategyId: string, segments: string[]) {
    segments.forEach(async (segmentId) => {
      await this.db("milestone_strategy_segments").insert({ milestone_strategy_id: strategyId, segment_id: segmentId }); // want "this.db\\(\\).insert runs once per element of segments.forEach on line 16 \\(one write per item\\)"
    });
  }

  async rename(rows: { id: number; name: string }[]) {
    await Promise.all(rows.map(async (row) => this.db(T.events).update({ name: row.name }).where({ id: row.id }))); // want "this.db\\(\\).update\\(\\).where runs once per element of rows.map on line 22 \\(one write per item\\)"
  }

  async owners(tokenIds: string[]) {
    const out: string[] = [];
    for (const id of tokenIds) {
      const row = await this.knex(T.tokens).where({ id }).first(); // want "this.knex\\(\\).where\\(\\).first runs once per iteration of the loop on line 27 \\(N\\+1 queries\\)"
      out.push(row.owner);
    }
    return out;
  }
}
