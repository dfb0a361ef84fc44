import { query, raw } from "../platform/postgres";
import { formatQuery, logQuery } from "../platform/sqlUtils";
import { cache } from "../platform/cache";

// Batched query functions, and helpers that only handle SQL text.
export async function balances(accountIds: string[]) {
  const { rows } = await query<{ id: string; cents: number }>("SELECT id, cents FROM balances WHERE account_id = ANY($1)", [accountIds]);
  const statements: string[] = [];
  for (const r of rows) {
    statements.push(formatQuery("UPDATE balances SET seen = true WHERE id = $1", [r.id]));
    logQuery("SELECT cents FROM balances WHERE id = $1", r.id);
    cache.set(r.id, r.cents);
  }
  return statements;
}

// Fragments built in a loop and joined into one statement.
export function filters(tags: string[]) {
  const parts = [];
  for (const t of tags) {
    parts.push(raw("SELECT id FROM tagged WHERE tag = ?", [t]));
  }
  return parts;
}
