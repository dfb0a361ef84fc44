import { Router } from 'express';
import { dataSource } from '../lib/dataSource';
import { log } from '../lib/log';

export const reportsRouter = Router();

reportsRouter.get('/revenue', async (req, res, next) => {
  const runner = dataSource.createQueryRunner('slave');
  try {
    const rows = await runner.query(
      `SELECT date_trunc('month', e.created_at) AS month, SUM(-p.amount_minor)::text AS revenue_minor
         FROM postings p JOIN accounts a ON a.id = p.account_id JOIN journal_entries e ON e.id = p.entry_id
        WHERE a.type = 'revenue' AND e.created_at >= $1
        GROUP BY 1 ORDER BY 1`,
      [req.query.from ?? '2020-01-01'],
    );
    res.json({ rows });
  } catch (err) {
    next(err);
  } finally {
    await runner.release();
  }
});

reportsRouter.get('/exposure', async (req, res, next) => {
  const runner = dataSource.createQueryRunner('slave'); // expect: missing-release
  try {
    const currency = String(req.query.currency ?? '');
    if (!/^[A-Z]{3}$/.test(currency)) {
      res.status(400).json({ error: 'currency must be an ISO 4217 code' });
      return;
    }
    const rows = await runner.query(
      `SELECT a.code, a.balance_minor::text FROM accounts a WHERE a.currency = $1 AND a.type IN ('asset', 'liability')`,
      [currency],
    );
    await runner.release();
    res.json({ rows });
  } catch (err) {
    log.error('exposure report failed', { err });
    await runner.release();
    next(err);
  }
});
