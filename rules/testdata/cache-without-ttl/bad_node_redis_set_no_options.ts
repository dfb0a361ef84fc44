import express from "express";
import { createClient } from "redis";

const client = createClient({ url: process.env.REDIS_URL });
await client.connect();

const app = express();

app.get("/products/:id", async (req, res) => {
  const key = `product:${req.params.id}`;
  const cached = await client.get(key);
  if (cached) {
    return res.json(JSON.parse(cached));
  }
  const product = await loadProduct(req.params.id);
  await client.set(key, JSON.stringify(product)); // want "cache-without-ttl: .*client.set.*no expiry.*EX: seconds"
  res.json(product);
});

export async function acquireLock(name: string): Promise<boolean> {
  // NX alone: a crashed holder keeps the lock forever.
  const ok = await client.set(`lock:${name}`, "1", { NX: true }); // want "cache-without-ttl: .*no expiry"
  return ok === "OK";
}

async function loadProduct(id: string) {
  return { id };
}
