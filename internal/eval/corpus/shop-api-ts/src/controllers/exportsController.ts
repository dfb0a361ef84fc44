import { Router } from 'express';
import { execSync } from 'node:child_process';
import zlib from 'node:zlib';
import { stringify } from 'csv-stringify/sync';
import { queryRows } from '../lib/db';
import { requireAdmin } from '../middleware/auth';
import { logger } from '../lib/logger';

export const exportsRouter = Router();

exportsRouter.use(requireAdmin);

exportsRouter.get('/orders.csv.gz', async (req, res, next) => {
  try {
    const from = String(req.query.from ?? '1970-01-01');
    const rows = await queryRows<Record<string, unknown>>(
      `SELECT o.id, o.created_at, o.status, o.total_cents, o.currency, c.email
         FROM orders o JOIN customers c ON c.id = o.customer_id
        WHERE o.created_at >= $1::date
        ORDER BY o.created_at`,
      [from],
    );
    const csv = stringify(rows, { header: true });
    const gz = zlib.gzipSync(csv, { level: 6 }); // expect: sync-api-in-async
    res.set({
      'content-type': 'text/csv',
      'content-encoding': 'gzip',
      'content-disposition': `attachment; filename="orders-${from}.csv"`,
    });
    res.send(gz);
  } catch (err) {
    next(err);
  }
});

exportsRouter.post('/snapshot', (req, res) => {
  const target = `/var/backups/shop-${Date.now()}.dump`;
  try {
    execSync(`pg_dump --format=custom --file=${target} "${process.env.DATABASE_URL}"`, { stdio: 'inherit' }); // expect: sync-api-in-async
    logger.info({ target }, 'snapshot written');
    res.status(201).json({ file: target });
  } catch (err) {
    logger.error({ err }, 'pg_dump failed');
    res.status(500).json({ error: 'snapshot_failed' });
  }
});
