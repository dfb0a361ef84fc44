import pgPromise from 'pg-promise';
import fs from 'node:fs';

// RDS CA bundle ships with the deployment package; read once per container.
const ca = fs.readFileSync(new URL('../certs/rds-global-bundle.pem', import.meta.url), 'utf8');

export const pgp = pgPromise({
  capSQL: true,
  error(err, e) {
    if (e.cn) console.error('connection error', err.message);
  },
});

export const db = pgp({
  connectionString: process.env.DATABASE_URL,
  ssl: { ca },
  max: 2, // Lambda: one concurrent request per container
  idleTimeoutMillis: 10_000,
});

export const assetColumns = new pgp.helpers.ColumnSet(
  ['id', 'owner_id', 'bucket', 'key', 'content_type', 'bytes', { name: 'meta', mod: ':json' }],
  { table: 'assets' },
);

/** Runs fn on one connection; pg-promise releases it when the task settles. */
export function withTask(tag, fn) {
  return db.task(tag, fn);
}
