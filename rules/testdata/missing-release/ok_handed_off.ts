import { Pool, PoolClient } from "pg";

export class Db {
  private current?: PoolClient;

  constructor(private readonly pool: Pool) {}

  // Returned to the caller, who releases it.
  async checkout(): Promise<PoolClient> {
    const client = await this.pool.connect();
    await client.query("SET statement_timeout = 5000");
    return client;
  }

  // Kept on the instance; close() releases it.
  async begin(): Promise<void> {
    const client = await this.pool.connect();
    this.current = client;
    await client.query("BEGIN");
  }

  close(): void {
    this.current?.release();
  }

  // Handed to a helper that takes ownership.
  async migrate(): Promise<void> {
    const client = await this.pool.connect();
    await runMigrations(client);
  }

  // Wrapped in an object for the caller.
  async session() {
    const client = await this.pool.connect();
    return { client, done: () => client.release() };
  }
}

declare function runMigrations(c: PoolClient): Promise<void>;
