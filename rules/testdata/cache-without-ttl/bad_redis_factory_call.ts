import { createHash } from "node:crypto";
import { redis } from "@/lib/redis";
import { getClient } from "../redis";
import { getRedisClient } from "./clients";

// The client comes from a project helper that connects lazily and returns
// it: `const client = await redis()`.

export async function GET(req: Request) {
  const client = await redis();
  const cached = await client.get("feed:v2");
  if (cached) return new Response(cached);
  const xml = await buildFeed();
  await client.set("feed:v2", xml); // want "cache-without-ttl: .*client.set.* no expiry"
  await client.set("feed:v2:etag", createHash("sha1").update(xml).digest("hex"), { EX: 3600 });
  return new Response(xml);
}

export async function rememberCountry(ip: string, country: string) {
  const c = await getClient();
  await c.hSet("cache:geoip", ip, country); // want "cache-without-ttl: .*c.hSet.*nothing in this function gives it an expiry"
}

export async function saveDraft(id: string, body: string) {
  const r = getRedisClient();
  await r.set(`draft:${id}`, body); // want "cache-without-ttl: .*r.set"
}

async function buildFeed() {
  return "<rss/>";
}
