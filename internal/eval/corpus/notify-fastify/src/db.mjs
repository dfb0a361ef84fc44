import pg from 'pg';
import { logger } from './lib/logger.mjs';

export const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.PG_MAX ?? 15),
  statement_timeout: 10_000,
  application_name: 'notify',
});

pool.on('error', (err) => logger.error({ err }, 'pg pool error'));

/** Runs fn with a dedicated client and always gives it back. */
export async function withClient(fn) {
  const client = await pool.connect();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}

/**
 * Checks out a client with the tenant's search_path set. The caller owns the
 * client and must release it.
 */
export async function tenantClient(tenantSchema) {
  const client = await pool.connect();
  try {
    await client.query(`SET search_path TO ${pg.escapeIdentifier(tenantSchema)}, public`);
  } catch (err) {
    client.release(err);
    throw err;
  }
  return client;
}

export async function tx(fn) {
  return withClient(async (client) => {
    await client.query('BEGIN');
    try {
      const out = await fn(client);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    }
  });
}
