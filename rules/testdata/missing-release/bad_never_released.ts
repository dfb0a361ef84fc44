import { Pool } from "pg";

export class HealthService {
  constructor(private readonly pool: Pool) {}

  // Every health check takes a client and keeps it.
  async check(): Promise<boolean> {
    const client = await this.pool.connect(); // want "missing-release: client from this.pool.connect\\(\\) is never released: call client.release\\(\\) in a finally block"
    try {
      await client.query("SELECT 1");
      return true;
    } catch {
      return false;
    }
  }
}
