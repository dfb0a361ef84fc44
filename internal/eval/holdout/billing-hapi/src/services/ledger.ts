import type { PoolClient } from 'pg';
import { pool } from '../db';

export interface LedgerEntry {
  account: string;
  debitCents: number;
  creditCents: number;
  memo: string;
}

/**
 * Hands out a dedicated client for callers that run several ledger statements
 * in one session (reconciliation scripts). The caller owns it and must call
 * release().
 */
export async function checkoutLedgerClient(): Promise<PoolClient> {
  const client = await pool.connect();
  return client;
}

/** Takes ownership of client: posts the entries atomically and releases it. */
async function postWithClient(client: PoolClient, journalId: string, entries: LedgerEntry[]): Promise<void> {
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO ledger_entries (journal_id, account, debit_cents, credit_cents, memo)
       SELECT $1, * FROM unnest($2::text[], $3::bigint[], $4::bigint[], $5::text[])`,
      [
        journalId,
        entries.map((e) => e.account),
        entries.map((e) => e.debitCents),
        entries.map((e) => e.creditCents),
        entries.map((e) => e.memo),
      ],
    );
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

export async function postJournal(journalId: string, entries: LedgerEntry[]): Promise<void> {
  const debits = entries.reduce((s, e) => s + e.debitCents, 0);
  const credits = entries.reduce((s, e) => s + e.creditCents, 0);
  if (debits !== credits) {
    throw new Error(`journal ${journalId} does not balance: ${debits} != ${credits}`);
  }
  const client = await pool.connect();
  await postWithClient(client, journalId, entries);
}

export async function balances(accounts: string[]): Promise<Map<string, number>> {
  const { rows } = await pool.query(
    'SELECT account, sum(debit_cents - credit_cents)::bigint AS balance FROM ledger_entries WHERE account = ANY($1) GROUP BY account',
    [accounts],
  );
  return new Map(rows.map((r) => [r.account as string, Number(r.balance)]));
}
