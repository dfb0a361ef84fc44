import { Pool } from "pg";

const pool = new Pool();

// pg runs the query when query() is called: pushing the promise still
// sends one query per item.
export async function applyPrices(changes: { sku: string; price: number }[]) {
  const pending = [];
  for (const c of changes) {
    pending.push(pool.query("UPDATE products SET price = $2 WHERE sku = $1", [c.sku, c.price])); // want "pool.query runs once per iteration of the loop on line 9 \\(one write per item\\)"
  }
  await Promise.all(pending);
}
