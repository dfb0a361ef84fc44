// JavaScript's built-in namespaces and constructors are capitalised like
// ORM models, but Math.max, Number.parseInt or Date.now never touch a
// database, even in a file that imports an ORM.
import { Repository } from "typeorm";
import { Model } from "sequelize";

export class Shift extends Model {}

export function busiest(repo: Repository<Shift>, weeks: number[][], raw: string[]) {
  const peaks: number[] = [];
  for (const week of weeks) {
    peaks.push(Math.max(...week));
    peaks.push(Math.min(...week));
  }
  for (const r of raw) {
    const n = Number.parseInt(r, 10);
    const copy = Object.assign({}, { n, at: Date.now() });
    peaks.push(JSON.stringify(copy).length, Array.from(r).length, String.raw`${r}`.length);
  }
  return weeks.map((w) => Math.round(w.reduce((a, b) => a + b, 0) / Math.max(1, w.length)));
}

