import { Pool } from "pg";

const pool = new Pool();

// Breadth-first walk of a category tree: one query per node.
export async function descendants(rootId: number): Promise<number[]> {
  const out: number[] = [];
  const queue = [rootId];
  while (queue.length > 0) {
    const id = queue.shift()!;
    const { rows } = await pool.query("SELECT id FROM categories WHERE parent_id = $1", [id]); // want "pool.query runs once per iteration of the loop on line 9 \\(N\\+1 queries\\)"
    for (const r of rows) {
      out.push(r.id);
      queue.push(r.id);
    }
  }
  return out;
}

// Better: one recursive CTE.
export async function descendantsCTE(rootId: number): Promise<number[]> {
  const { rows } = await pool.query(
    `WITH RECURSIVE t(id) AS (SELECT id FROM categories WHERE parent_id = $1
       UNION ALL SELECT c.id FROM categories c JOIN t ON c.parent_id = t.id) SELECT id FROM t`,
    [rootId],
  );
  return rows.map((r) => r.id);
}
