import { Pool, PoolClient } from 'pg';
import { log } from './log';

export const pool = new Pool({
  connectionString: process.env.LEDGER_DATABASE_URL,
  max: 25,
  idleTimeoutMillis: 10_000,
  query_timeout: 15_000,
});

pool.on('error', (err) => log.error('pg pool error', { err }));

export type Client = PoolClient;
