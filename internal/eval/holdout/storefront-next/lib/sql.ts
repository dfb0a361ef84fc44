import postgres from 'postgres';

declare global {
  // eslint-disable-next-line no-var
  var __storefrontSql: postgres.Sql | undefined;
}

// Reuse one pool across hot reloads in development.
export const sql =
  globalThis.__storefrontSql ??
  postgres(process.env.DATABASE_URL as string, {
    max: Number(process.env.PG_MAX ?? 10),
    idle_timeout: 20,
    connect_timeout: 10,
    transform: postgres.camel,
  });

if (process.env.NODE_ENV !== 'production') {
  globalThis.__storefrontSql = sql;
}

/**
 * Runs fn on one reserved connection (needed for session-level settings such
 * as SET LOCAL outside a transaction, or advisory locks).
 */
export async function withReserved<T>(fn: (conn: postgres.ReservedSql) => Promise<T>): Promise<T> {
  const conn = await sql.reserve();
  try {
    return await fn(conn);
  } finally {
    conn.release();
  }
}
