import { query, execute } from "../platform/postgres";
import { one } from "../lib/db";
import { redisClient } from "../platform/cache";

// Query functions exported by the project's database module, called with
// SQL text once per item.
export async function balances(accountIds: string[]) {
  const out: Record<string, number> = {};
  for (const id of accountIds) {
    const { rows } = await query<{ cents: number }>("SELECT cents FROM balances WHERE account_id = $1", [id]); // want "query-in-loop: query runs once per iteration of the loop on line 9 \\(N\\+1 queries\\)"
    out[id] = rows[0]?.cents ?? 0;
    await execute("UPDATE accounts SET checked_at = now() WHERE id = $1", [id]); // want "execute runs once per iteration of the loop on line 9 \\(one write per item\\)"
    const flag = await one("SELECT frozen FROM flags WHERE account_id = $1", [id]); // want "one runs once per iteration of the loop on line 9"
    await redisClient.hSet(`acct:${id}`, { cents: String(out[id]), frozen: String(flag.frozen) }); // want "redisClient.hSet runs once per iteration of the loop on line 9 \\(one cache round trip per item\\)"
  }
  return out;
}
