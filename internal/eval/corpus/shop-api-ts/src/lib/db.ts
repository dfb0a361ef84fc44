import fs from 'node:fs';
import { Pool, PoolClient, QueryResultRow } from 'pg';
import { logger } from './logger';

const caPath = process.env.PG_CA_PATH;

// Read once at start-up: the CA bundle is needed before the first connection.
const ssl = caPath ? { ca: fs.readFileSync(caPath, 'utf8'), rejectUnauthorized: true } : undefined;

export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.PG_POOL_MAX ?? 20),
  idleTimeoutMillis: 30_000,
  connectionTimeoutMillis: 5_000,
  ssl,
});

pool.on('error', (err) => {
  logger.error({ err }, 'idle postgres client errored');
});

export async function queryRows<T extends QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const started = Date.now();
  const result = await pool.query<T>(text, params);
  const ms = Date.now() - started;
  if (ms > 250) {
    logger.warn({ ms, text: text.slice(0, 120) }, 'slow query');
  }
  return result.rows;
}

export async function withTransaction<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const value = await fn(client);
    await client.query('COMMIT');
    return value;
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackErr) => {
      logger.error({ err: rollbackErr }, 'rollback failed');
    });
    throw err;
  } finally {
    client.release();
  }
}
