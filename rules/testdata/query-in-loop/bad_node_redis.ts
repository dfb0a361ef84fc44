import { createClient } from "redis";

const client = createClient({ url: process.env.REDIS_URL });
await client.connect();

export async function leaderboard(userIds: string[]) {
  const rows = [];
  for (const id of userIds) {
    const profile = await client.hGetAll(`user:${id}`); // want "client.hGetAll runs once per iteration of the loop on line 8 \\(one cache round trip per item\\); batch the keys with mGet, or queue the commands on one client.multi\\(\\)"
    const score = await client.zScore("leaderboard", id); // want "client.zScore runs once per iteration"
    rows.push({ id, profile, score });
  }
  return rows;
}
