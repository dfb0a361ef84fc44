import { Pool } from "pg";
import axios from "axios";
import { LRUCache } from "lru-cache";
import { ConfigService } from "@nestjs/config";

const pg = new Pool();
const memo = new LRUCache<string, number>({ max: 500, ttl: 60_000 });

// Generic calls that are not queries, or that batch.
export async function enrich(ids: number[], config: ConfigService) {
  const { rows } = await pg.query<{ id: number; name: string }>("SELECT id, name FROM users WHERE id = ANY($1::int[])", [ids]);
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const out = [];
  for (const id of ids) {
    const avatar = await axios.get<{ url: string }>(`https://avatars.example.com/${id}`);
    const weight = memo.get(String(id)) ?? 1;
    const region = config.get<string>("region");
    out.push({ id, name: names.get(id), avatar: avatar.data.url, weight, region });
  }
  return out;
}

// A generic query that runs once: the loop leaves right after it.
export async function firstKnown(candidates: string[]) {
  for (const email of candidates) {
    if (!email.includes("@")) continue;
    const { rows } = await pg.query<{ id: number }>("SELECT id FROM users WHERE email = $1", [email]);
    return rows[0]?.id ?? null;
  }
  return null;
}

// Chunks of IDs, one batched generic query per chunk.
export async function namesInChunks(ids: number[]) {
  const out: string[] = [];
  for (let i = 0; i < ids.length; i += 1000) {
    const { rows } = await pg.query<{ name: string }>("SELECT name FROM users WHERE id = ANY($1)", [ids.slice(i, i + 1000)]);
    out.push(...rows.map((r) => r.name));
  }
  return out;
}
