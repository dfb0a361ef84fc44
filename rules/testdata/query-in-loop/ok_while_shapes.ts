import { Pool } from "pg";

const pool = new Pool();

interface Queue<T> {
  pop(): Promise<T | undefined>;
}

// Claiming work from a shared queue is a polling loop, not a list.
export async function work(queue: Queue<{ id: number }>) {
  let job: { id: number } | undefined;
  while ((job = await queue.pop())) {
    await pool.query("UPDATE jobs SET done = true WHERE id = $1", [job.id]);
  }
}

// A counter that is not an index: a bounded number of attempts.
export async function ping(limit: number) {
  let n = 0;
  while (n < limit) {
    const ok = await pool.query("SELECT 1").then(() => true, () => false);
    if (ok) return true;
    n++;
    await new Promise((r) => setTimeout(r, 200 * n));
  }
  return false;
}
