import { dataSource } from '../lib/dataSource';
import { pool } from '../lib/pg';
import { lockAccountsForClose } from './journalRepository';
import { log } from '../lib/log';

export interface CloseResult {
  period: string;
  entries: number;
  netIncomeMinor: string;
}

export async function closePeriod(period: string): Promise<CloseResult> {
  const client = await lockAccountsForClose(period);
  try {
    const { rows } = await client.query<{ entries: string; net: string }>(
      `SELECT count(DISTINCT e.id)::text AS entries, COALESCE(SUM(p.amount_minor), 0)::text AS net
         FROM journal_entries e JOIN postings p ON p.entry_id = e.id JOIN accounts a ON a.id = p.account_id
        WHERE to_char(e.created_at, 'YYYY-MM') = $1 AND a.type IN ('revenue', 'expense')`,
      [period],
    );
    await client.query('INSERT INTO closed_periods (period, closed_at) VALUES ($1, now())', [period]);
    await client.query('COMMIT');
    return { period, entries: Number(rows[0].entries), netIncomeMinor: rows[0].net };
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

export async function reopenPeriod(period: string, actor: string): Promise<void> {
  const runner = dataSource.createQueryRunner(); // expect: missing-release
  await runner.connect();
  const [{ closed }] = await runner.query('SELECT EXISTS (SELECT 1 FROM closed_periods WHERE period = $1) AS closed', [period]);
  if (!closed) {
    log.warn('period is not closed', { period });
    return;
  }
  await runner.query('DELETE FROM closed_periods WHERE period = $1', [period]);
  await runner.query('INSERT INTO audit_log (actor, action, subject) VALUES ($1, $2, $3)', [actor, 'reopen-period', period]);
  await runner.release();
}

export async function periodIsClosed(period: string): Promise<boolean> {
  const { rows } = await pool.query('SELECT 1 FROM closed_periods WHERE period = $1', [period]);
  return rows.length > 0;
}

export async function closingChecklist(period: string): Promise<Record<string, boolean>> {
  const client = await pool.connect(); // expect: missing-release
  const checks: Record<string, boolean> = {};
  const { rows: unbalanced } = await client.query(
    `SELECT e.id FROM journal_entries e JOIN postings p ON p.entry_id = e.id
      WHERE to_char(e.created_at, 'YYYY-MM') = $1 GROUP BY e.id HAVING SUM(p.amount_minor) <> 0 LIMIT 1`,
    [period],
  );
  checks.balanced = unbalanced.length === 0;
  const { rows: pending } = await client.query("SELECT 1 FROM bank_matches WHERE status = 'pending' LIMIT 1");
  checks.bankMatched = pending.length === 0;
  client.release();
  return checks;
}
