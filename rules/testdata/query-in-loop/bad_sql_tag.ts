import postgres from "postgres";

const sql = postgres(process.env.DATABASE_URL!);

export async function emailsFor(userIds: number[]) {
  const out: string[] = [];
  for (const id of userIds) {
    const [u] = await sql`SELECT email FROM users WHERE id = ${id}`; // want "query-in-loop: sql`…` runs once per iteration of the loop on line 7 \\(N\\+1 queries\\); fetch all rows in one query with WHERE id = ANY\\(\\$1\\)"
    out.push(u.email);
  }
  return out;
}

export async function emailsBatched(userIds: number[]) {
  return sql`SELECT email FROM users WHERE id = ANY(${userIds})`;
}

export async function emailsChunked(chunks: number[][]) {
  for (const ids of chunks) {
    await sql`UPDATE users SET notified = true WHERE id IN ${sql(ids)}`;
  }
}
