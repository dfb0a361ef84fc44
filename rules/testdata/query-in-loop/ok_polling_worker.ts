import { Pool } from "pg";
import { setTimeout as sleep } from "node:timers/promises";

const pool = new Pool();

// A job worker polls: one claim query per poll, not per item of a list.
export async function runWorker(signal: AbortSignal) {
  while (!signal.aborted) {
    const { rows } = await pool.query(
      `UPDATE jobs SET state = 'running' WHERE id = (
         SELECT id FROM jobs WHERE state = 'queued' ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1
       ) RETURNING *`,
    );
    if (rows.length === 0) {
      await sleep(1000);
      continue;
    }
    await pool.query("UPDATE jobs SET state = 'done' WHERE id = $1", [rows[0].id]);
  }
}

// Draining a table in chunks: each statement handles a whole chunk.
export async function purgeOld() {
  for (;;) {
    const res = await pool.query("DELETE FROM logs WHERE id IN (SELECT id FROM logs WHERE at < now() - interval '30 days' LIMIT 5000)");
    if (res.rowCount === 0) break;
  }
}
