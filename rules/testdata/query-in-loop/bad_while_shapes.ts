import { Pool } from "pg";

const pool = new Pool();

type Row = { id: number; parent_id: number | null };

// Condition loops that visit items one by one.
export async function visit(rows: Row[], roots: Row[]) {
  const count = rows.length;
  let k = 0;
  while (k < count) {
    await pool.query("UPDATE rows SET visited = true WHERE id = $1", [rows[k].id]); // want "query-in-loop: pool.query runs once per iteration of the loop on line 11 \\(one write per item\\)"
    k++;
  }
  let back = rows.length - 1;
  do {
    await pool.query("DELETE FROM marks WHERE row_id = $1", [rows[back].id]); // want "pool.query runs once per iteration of the loop on line 16"
    back--;
  } while (back >= 0);
  const pending = [...roots];
  let cur: Row | undefined;
  while ((cur = pending.shift())) {
    const { rows: kids } = await pool.query<Row>("SELECT * FROM rows WHERE parent_id = $1", [cur.id]); // want "pool.query runs once per iteration of the loop on line 22"
    pending.push(...kids);
  }
}
