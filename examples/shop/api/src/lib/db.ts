import { Pool } from "pg";
import { createClient } from "redis";

export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 20,
});

export const redis = createClient({ url: process.env.REDIS_URL });
redis.on("error", (err) => console.error("redis error", err));
