import mongoose from "mongoose";
import { sequelize } from "../db/sequelize";

// Reaching models through the registry without querying, or with one
// batched call.
export async function describe(names: string[]) {
  const out = [];
  for (const name of names) {
    const model = mongoose.model(name);
    out.push({ name, paths: Object.keys(model.schema.paths), table: sequelize.models[name]?.getTableName() });
  }
  await mongoose.model("Audit").insertMany(names.map((n) => ({ n })));
  await sequelize.models.Audit.bulkCreate(names.map((n) => ({ n })));
  return out;
}
