import { Pool } from "pg";
import { setTimeout as sleep } from "node:timers/promises";

const pool = new Pool();

// A bounded retry of one query with backoff is not N+1.
export async function withRetry<T>(sql: string, params: unknown[]): Promise<T[]> {
  let retries = 3;
  while (retries-- > 0) {
    try {
      const res = await pool.query(sql, params);
      return res.rows as T[];
    } catch (err) {
      if (retries === 0) throw err;
      await sleep(200 * (3 - retries));
    }
  }
  return [];
}

export async function waitForMigration(version: number) {
  for (let attempt = 1; attempt <= 5; attempt++) {
    const { rows } = await pool.query("SELECT max(version) AS v FROM schema_migrations");
    if (rows[0].v >= version) return true;
    await new Promise((resolve) => setTimeout(resolve, attempt * 500));
  }
  return false;
}

export async function ping(maxAttempts: number) {
  for (let i = 0; i < maxAttempts; i++) {
    try {
      await pool.query("SELECT 1");
      break;
    } catch {
      await sleep(1000);
    }
  }
}
