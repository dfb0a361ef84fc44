import Redis from "ioredis";

const redis = new Redis();

export async function hit(ip: string): Promise<boolean> {
  const key = `rl:${ip}`;
  const n = await redis.incr(key);
  if (n === 1) {
    await redis.expire(key, 60);
  }
  return n <= 100;
}

export async function lock(name: string, token: string): Promise<boolean> {
  const ok = await redis.set(`lock:${name}`, token, "PX", 30_000, "NX");
  return ok === "OK";
}
