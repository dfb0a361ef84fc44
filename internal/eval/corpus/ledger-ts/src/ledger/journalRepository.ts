import { pool, Client } from '../lib/pg';
import { log } from '../lib/log';

export interface JournalLine {
  entryId: string;
  accountCode: string;
  amountMinor: string;
  createdAt: Date;
}

/** Opens a REPEATABLE READ snapshot; the caller must release the client. */
export async function openSnapshot(): Promise<Client> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  } catch (err) {
    client.release(err as Error);
    throw err;
  }
  return client;
}

export async function closeSnapshot(client: Client): Promise<void> {
  try {
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

async function readLines(client: Client, accountCode: string, from: Date, to: Date): Promise<JournalLine[]> {
  const { rows } = await client.query<JournalLine>(
    `SELECT p.entry_id AS "entryId", a.code AS "accountCode", p.amount_minor::text AS "amountMinor", e.created_at AS "createdAt"
       FROM postings p
       JOIN accounts a ON a.id = p.account_id
       JOIN journal_entries e ON e.id = p.entry_id
      WHERE a.code = $1 AND e.created_at >= $2 AND e.created_at < $3
      ORDER BY e.created_at, p.id`,
    [accountCode, from, to],
  );
  return rows;
}

export async function accountStatement(accountCode: string, from: Date, to: Date) {
  const client = await openSnapshot();
  try {
    const { rows } = await client.query<{ opening: string }>(
      `SELECT COALESCE(SUM(p.amount_minor), 0)::text AS opening
         FROM postings p JOIN accounts a ON a.id = p.account_id JOIN journal_entries e ON e.id = p.entry_id
        WHERE a.code = $1 AND e.created_at < $2`,
      [accountCode, from],
    );
    const lines = await readLines(client, accountCode, from, to);
    return { opening: rows[0].opening, lines };
  } finally {
    await closeSnapshot(client);
  }
}

export async function trialBalance(asOf: Date): Promise<Array<{ code: string; balance: string }>> {
  const client = await pool.connect(); // expect: missing-release
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  const { rows } = await client.query<{ code: string; balance: string }>(
    `SELECT a.code, COALESCE(SUM(p.amount_minor), 0)::text AS balance
       FROM accounts a
       LEFT JOIN postings p ON p.account_id = a.id
       LEFT JOIN journal_entries e ON e.id = p.entry_id AND e.created_at <= $1
      GROUP BY a.code ORDER BY a.code`,
    [asOf],
  );
  await client.query('COMMIT');
  client.release();
  return rows;
}

export async function archiveBefore(cutoff: Date, dryRun: boolean): Promise<number> {
  const client = await pool.connect(); // expect: missing-release
  const { rows } = await client.query<{ n: string }>(
    'SELECT count(*)::text AS n FROM journal_entries WHERE created_at < $1 AND archived_at IS NULL',
    [cutoff],
  );
  const n = Number(rows[0].n);
  if (dryRun || n === 0) {
    return n;
  }
  try {
    await client.query('UPDATE journal_entries SET archived_at = now() WHERE created_at < $1 AND archived_at IS NULL', [cutoff]);
  } finally {
    client.release();
  }
  log.info('archived journal entries', { n, cutoff });
  return n;
}

export async function lockAccountsForClose(period: string): Promise<Client> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtext('period-close:' || $1))", [period]);
    return client;
  } catch (err) {
    client.release();
    throw err;
  }
}
