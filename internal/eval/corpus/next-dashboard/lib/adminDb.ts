import { Pool } from 'pg';
import { createClient } from 'redis';

// Direct pool for admin maintenance tasks that Prisma cannot express.
const adminPool = new Pool({ connectionString: process.env.ADMIN_DATABASE_URL, max: 3 });

const redis = createClient({ url: process.env.REDIS_URL });
const ready = redis.connect();

// Table sizes shown on the admin page.
const tableSizeCache = new Map<string, { bytes: number; rows: number }>(); // expect: cache-without-ttl

export async function tableSize(table: string): Promise<{ bytes: number; rows: number }> {
  const hit = tableSizeCache.get(table);
  if (hit) return hit;
  const { rows } = await adminPool.query<{ bytes: string; rows: string }>(
    `SELECT pg_total_relation_size($1::regclass)::text AS bytes, reltuples::bigint::text AS rows
       FROM pg_class WHERE oid = $1::regclass`,
    [table],
  );
  const value = { bytes: Number(rows[0].bytes), rows: Number(rows[0].rows) };
  tableSizeCache.set(table, value);
  return value;
}

export async function terminateIdleSessions(maxIdleMinutes: number): Promise<number> {
  const client = await adminPool.connect(); // expect: missing-release
  const { rowCount } = await client.query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE state = 'idle in transaction' AND state_change < now() - make_interval(mins => $1)`,
    [maxIdleMinutes],
  );
  client.release();
  return rowCount ?? 0;
}

export async function refreshMaterializedViews(views: string[]): Promise<void> {
  const client = await adminPool.connect(); // expect: missing-release
  for (const view of views) {
    if (!/^[a-z_]+$/.test(view)) {
      throw new Error(`invalid view name ${view}`);
    }
  }
  try {
    // One round trip: the simple query protocol accepts several statements.
    await client.query(views.map((view) => `REFRESH MATERIALIZED VIEW CONCURRENTLY ${view};`).join('\n'));
  } finally {
    client.release();
  }
}

export async function publishAdminNotice(text: string): Promise<void> {
  await ready;
  await redis.set('dash:admin-notice', text); // expect: cache-without-ttl
}
