import { Pool } from "pg";

const pool = new Pool();

interface Node {
  id: number;
  children?: Node[];
}

// A recursive walk that queries at every node: the recursion is guarded
// and the call in the loop is reported once.
async function loadTree(id: number): Promise<Node> {
  const { rows } = await pool.query("SELECT id FROM categories WHERE parent_id = $1", [id]);
  const children: Node[] = [];
  for (const row of rows) {
    children.push(await loadTree(row.id)); // want "loadTree → pool.query runs once per iteration of the loop on line 15"
  }
  return { id, children };
}

// Mutual recursion without any query: no finding.
function even(n: number): boolean {
  return n === 0 ? true : odd(n - 1);
}
function odd(n: number): boolean {
  return n === 0 ? false : even(n - 1);
}

export async function main(ids: number[]) {
  const flags = ids.map((i) => even(i));
  const trees = [];
  for (const id of ids) {
    trees.push(await loadTree(id)); // want "loadTree → pool.query runs once per iteration of the loop on line 32"
  }
  return { flags, trees };
}
