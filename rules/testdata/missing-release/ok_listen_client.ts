import { Pool } from "pg";
import { EventEmitter } from "events";

const pool = new Pool();
export const bus = new EventEmitter();

// A dedicated LISTEN client is kept for the life of the process.
export async function listen(channel: string) {
  const client = await pool.connect();
  client.on("notification", (msg) => bus.emit(channel, msg.payload));
  client.on("error", (err) => bus.emit("error", err));
  await client.query(`LISTEN ${channel}`);
}
