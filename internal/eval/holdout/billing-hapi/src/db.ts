import { Kysely, PostgresDialect } from 'kysely';
import { Pool, type PoolClient } from 'pg';
import IORedis from 'ioredis';
import type { DB } from './schema';

export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.PG_POOL_MAX ?? 10),
  idleTimeoutMillis: 30_000,
  statement_timeout: 15_000,
});

pool.on('error', (err) => {
  // An idle client errored (server restart, network blip); pg removes it from the pool.
  console.error({ err }, 'idle postgres client error');
});

export const db = new Kysely<DB>({
  dialect: new PostgresDialect({ pool }),
  log: process.env.LOG_SQL === '1' ? ['query', 'error'] : ['error'],
});

export const redis = new IORedis(process.env.REDIS_URL ?? 'redis://localhost:6379/0', {
  maxRetriesPerRequest: null,
  enableReadyCheck: true,
  keyPrefix: 'billing:',
});

/**
 * Runs fn inside a transaction on a dedicated client. The client always goes
 * back to the pool, whatever fn does.
 */
export async function withTransaction<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

export async function shutdown(): Promise<void> {
  await db.destroy();
  redis.disconnect();
}
