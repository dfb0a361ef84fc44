import { Pool } from "pg";
import type { Request, Response } from "express";

export function ordersRouter(pool: Pool) {
  return async (req: Request, res: Response) => {
    const client = await pool.connect(); // want "missing-release: client from pool.connect\\(\\) is not released on the return at line 12: release it in a finally block"
    try {
      const { rows } = await client.query("SELECT * FROM orders WHERE user_id = $1", [req.params.userId]);
      if (rows.length === 0) {
        // early exit forgets the client
        res.status(404).json({ error: "no orders" });
        return;
      }
      res.json(rows);
    } catch (err) {
      res.status(500).json({ error: String(err) });
      return;
    }
    client.release();
  };
}
