import mongoose from "mongoose";
import { sequelize } from "../db/sequelize";

// Models reached through their library's registry, inline.
export async function record(events: { kind: string; userId: number }[]) {
  for (const e of events) {
    await mongoose.model("Event").create({ kind: e.kind }); // want "query-in-loop: mongoose.model\\(\\).create runs once per iteration of the loop on line 6 \\(one write per item\\)"
    await sequelize.models.User.increment("eventCount", { where: { id: e.userId } }); // want "sequelize.models.User.increment runs once per iteration of the loop on line 6"
  }
}
