import { Pool } from "pg";

const pool = new Pool();
const BY_IDS = "SELECT id, email FROM users WHERE id = ANY($1::int[])";

export async function emails(ids: number[]) {
  const out = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const batch = ids.slice(i, i + 1000);
    const { rows } = await pool.query(BY_IDS, [batch]);
    for (const r of rows) out.set(r.id, r.email);
  }
  return out;
}

export async function upsertAll(rows: { id: number; name: string }[]) {
  for (const chunk of chunked(rows, 500)) {
    await pool.query(
      "INSERT INTO names (id, name) SELECT * FROM unnest($1::int[], $2::text[]) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name",
      [chunk.map((r) => r.id), chunk.map((r) => r.name)],
    );
  }
}

function* chunked<T>(xs: T[], n: number) {
  for (let i = 0; i < xs.length; i += n) yield xs.slice(i, i + n);
}
