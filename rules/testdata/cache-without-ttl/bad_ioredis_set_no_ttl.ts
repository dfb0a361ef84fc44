import Redis from "ioredis";
import type { Request, Response } from "express";

const redis = new Redis(process.env.REDIS_URL!);

export async function getUserProfile(req: Request, res: Response) {
  const userId = req.params.id;
  const hit = await redis.get(`profile:${userId}`);
  if (hit) return res.json(JSON.parse(hit));

  const profile = await fetchProfile(userId);
  await redis.set(`profile:${userId}`, JSON.stringify(profile)); // want "cache-without-ttl: .*redis.set.*'EX', seconds"
  res.json(profile);
}

export async function markSeen(userId: string) {
  await redis.set(`seen:${userId}`, Date.now(), "NX"); // want "cache-without-ttl"
}

async function fetchProfile(id: string) {
  return { id };
}
