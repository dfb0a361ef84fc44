import express from "express";
import { EventEmitter } from "node:events";
import { Pool } from "pg";

const pool = new Pool();
const app = express();
const bus = new EventEmitter();

const resources = ["users", "teams", "projects", "invoices"];

// Handlers registered in a loop run once per request or event, not once per
// iteration.
for (const name of resources) {
  app.get(`/api/${name}/:id`, async (req, res) => {
    const { rows } = await pool.query(`SELECT * FROM ${name} WHERE id = $1`, [req.params.id]);
    res.json(rows[0] ?? null);
  });
}

export function subscribe(topics: string[]) {
  for (const topic of topics) {
    bus.on(topic, async (payload: { id: string }) => {
      await pool.query("INSERT INTO events (topic, ref) VALUES ($1, $2)", [topic, payload.id]);
    });
  }
}

export function lazyLoaders(ids: string[]) {
  // Closures built in a loop and returned: nothing runs here.
  return ids.map((id) => ({
    id,
    load: () => pool.query("SELECT * FROM items WHERE id = $1", [id]),
  }));
}
