import { Pool } from "pg";
import type { Request, Response, NextFunction } from "express";

const pool = new Pool();

// Request-scoped client, released when the response is finished.
export async function attachClient(req: Request, res: Response, next: NextFunction) {
  const client = await pool.connect();
  res.on("finish", () => client.release());
  (req as any).db = client;
  next();
}

// Released through a stream's end event.
export async function streamRows(res: Response) {
  const client = await pool.connect();
  const stream = client.query(new (require("pg-query-stream"))("SELECT * FROM events"));
  stream.on("end", client.release);
  stream.pipe(res);
}

// Released by a promise chain's finally.
export async function countEvents(): Promise<number> {
  const client = await pool.connect();
  return client
    .query("SELECT count(*) AS n FROM events")
    .then((r) => Number(r.rows[0].n))
    .finally(() => client.release());
}
