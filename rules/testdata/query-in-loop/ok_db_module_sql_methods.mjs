import { db } from "../../lib/db.mjs";

// One statement for all the IDs.
export async function softDeleteAll(assets) {
  await db.none("UPDATE assets SET deleted_at = now() WHERE id IN ($1:csv)", [assets.map((a) => a.id)]);
}

// The same method names without SQL text: not a statement.
export function describe(items) {
  const out = [];
  for (const it of items) {
    out.push(db.any(it.tags));
    out.push(db.one(it));
  }
  return out;
}
