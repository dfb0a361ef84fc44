import postgres from "postgres";

const sql = postgres(process.env.DATABASE_URL!, { max: 10 });

// A reserved connection is taken out of the pool until release(): a failed
// query between the two keeps it out for good.
export async function claimJob(queue: string) {
  const db = await sql.reserve(); // want "missing-release: db from sql.reserve\\(\\) is not released when the query on line 9 throws: release it in a finally block"
  await db`set statement_timeout = '5s'`;
  const [job] = await db`select id, payload from jobs where queue = ${queue} and claimed_at is null limit 1 for update skip locked`;
  db.release();
  return job ?? null;
}

// The early return skips the release.
export async function lockedRebuild(tenant: string, rebuild: (q: typeof sql) => Promise<void>) {
  const conn = await sql.reserve(); // want "missing-release: conn from sql.reserve\\(\\) is not released on the return at line 20"
  const [row] = await conn`select pg_try_advisory_lock(hashtext(${tenant})) as ok`;
  if (!row.ok) {
    return false;
  }
  try {
    await rebuild(conn);
  } finally {
    await conn`select pg_advisory_unlock(hashtext(${tenant}))`;
    conn.release();
  }
  return true;
}
