import express from "express";
import { db } from "./db";

const app = express();

const userCache = new Map<string, { id: string; name: string }>(); // want "cache-without-ttl: .*module-level Map `userCache`.*only grows"

app.get("/users/:id", async (req, res) => {
  const id = req.params.id;
  if (userCache.has(id)) {
    return res.json(userCache.get(id));
  }
  const user = await db.users.findById(id);
  userCache.set(id, user);
  res.json(user);
});

export default app;
