import { Pool } from "pg";

const pool = new Pool();

type Row = { id: number; name: string };

// Items are data: calling a function on each does not make them code.
export async function rename(rows: Row[], fix: (r: Row) => string) {
  for (const row of rows) {
    const name = fix(row);
    await pool.query("UPDATE rows SET name = $1 WHERE id = $2", [name, row.id]); // want "query-in-loop: pool.query runs once per iteration of the loop on line 9"
  }
  for (let i = 0; i < rows.length; i++) {
    const name = [fix][0](rows[i]);
    await pool.query("UPDATE rows SET name = $1 WHERE id = $2", [name, rows[i].id]); // want "query-in-loop: pool.query runs once per iteration of the loop on line 13"
  }
}

// Closures made one per item are work items, not code steps.
export async function runAll(rows: Row[]) {
  const tasks = rows.map((r) => () => Promise.resolve(r.id));
  for (const task of tasks) {
    await task();
    await pool.query("INSERT INTO task_log (at) VALUES (now())"); // want "query-in-loop: pool.query runs once per iteration of the loop on line 22"
  }
  for (let i = 0; i < tasks.length; i++) {
    await tasks[i]();
    await pool.query("INSERT INTO task_log (at) VALUES (now())"); // want "query-in-loop: pool.query runs once per iteration of the loop on line 26"
  }
}
