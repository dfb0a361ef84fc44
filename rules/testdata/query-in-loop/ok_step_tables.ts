import { Pool, PoolClient } from "pg";

const pool = new Pool();

type Step = (client: PoolClient) => Promise<void>;

// Each step is code; the loop runs each once and records it.
export async function migrate(steps: Step[], from: number) {
  const client = await pool.connect();
  try {
    for (let v = from; v < steps.length; v++) {
      await client.query("BEGIN");
      await steps[v](client);
      await client.query("UPDATE schema_info SET version = $1", [v + 1]);
      await client.query("COMMIT");
    }
    for (const step of steps) {
      await step(client);
      await client.query("INSERT INTO step_log (at) VALUES (now())");
    }
  } finally {
    client.release();
  }
}
