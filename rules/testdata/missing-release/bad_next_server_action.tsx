import { Pool } from "pg";
import { revalidatePath } from "next/cache";

const pool = new Pool({ max: 5 });

// A server action: if the insert fails, the client is never returned and
// the five-client pool is exhausted after five failures.
export async function addComment(formData: FormData) {
  "use server";
  const client = await pool.connect(); // want "missing-release: client from pool.connect\\(\\) is not released when the query on line 11 throws: release it in a finally block"
  await client.query("INSERT INTO comments (body) VALUES ($1)", [formData.get("body")]);
  client.release();
  revalidatePath("/comments");
}

export default async function Comments() {
  const client = await pool.connect(); // want "client from pool.connect\\(\\) is not released when the query on line 18 throws"
  const { rows } = await client.query("SELECT id, body FROM comments ORDER BY id DESC LIMIT 20");
  client.release();
  return (
    <ul>
      {rows.map((r: { id: number; body: string }) => (
        <li key={r.id}>{r.body}</li>
      ))}
    </ul>
  );
}
