// Next to built-ins, a real model's query in a loop is still found.
import { Model } from "sequelize";

export class Shift extends Model {}

export async function stillFound(ids: number[]) {
  const out = [];
  for (const id of ids) {
    out.push(await Shift.findByPk(id)); // want "query-in-loop: Shift.findByPk runs once per iteration"
  }
  return out;
}
