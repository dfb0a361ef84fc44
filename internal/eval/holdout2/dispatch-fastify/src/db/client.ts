import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import * as schema from './schema';

export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.PG_POOL_MAX ?? 20),
  idleTimeoutMillis: 30_000,
  statement_timeout: 5_000,
});

pool.on('error', (err) => {
  // An idle client errored; the pool discards it. Log and keep serving.
  console.error('pg pool error', err);
});

export const db = drizzle(pool, { schema });
export type Db = typeof db;
