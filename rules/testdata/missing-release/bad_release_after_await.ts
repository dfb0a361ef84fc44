import { Pool } from "pg";

const pool = new Pool();

// The query can reject; then release() never runs and the pool loses a
// client for good. After max (10) failures every request hangs.
export async function findUser(id: string) {
  const client = await pool.connect(); // want "missing-release: client from pool.connect\\(\\) is not released when the query on line 9 throws: release it in a finally block"
  const { rows } = await client.query("SELECT * FROM users WHERE id = $1", [id]);
  client.release();
  return rows[0] ?? null;
}
