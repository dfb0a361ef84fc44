import { pool } from '../lib/pg';
import { redis } from '../lib/redis';
import { dataSource } from '../lib/dataSource';
import { Account } from '../ledger/entities';
import { log } from '../lib/log';

interface BankLine {
  externalId: string;
  accountCode: string;
  amountMinor: string;
  bookedAt: string;
}

interface Mismatch {
  externalId: string;
  reason: 'missing' | 'amount' | 'account';
}

export async function reconcile(lines: BankLine[]): Promise<Mismatch[]> {
  const mismatches: Mismatch[] = [];
  const accounts = await dataSource.getRepository(Account).find({ select: { id: true, code: true } });
  const byCode = new Map(accounts.map((a) => [a.code, a.id]));

  for (const line of lines) {
    const accountId = byCode.get(line.accountCode);
    if (!accountId) {
      mismatches.push({ externalId: line.externalId, reason: 'account' });
      continue;
    }
    const { rows } = await pool.query<{ amount_minor: string }>( // expect: query-in-loop
      'SELECT amount_minor::text FROM bank_matches WHERE external_id = $1 AND account_id = $2',
      [line.externalId, accountId],
    );
    if (rows.length === 0) {
      mismatches.push({ externalId: line.externalId, reason: 'missing' });
    } else if (rows[0].amount_minor !== line.amountMinor) {
      mismatches.push({ externalId: line.externalId, reason: 'amount' });
    }
  }
  await redis.set('ledger:reconcile:last-run', new Date().toISOString(), { EX: 7 * 24 * 3600 });
  log.info('reconciliation finished', { lines: lines.length, mismatches: mismatches.length });
  return mismatches;
}

export async function reconcileBatched(lines: BankLine[]): Promise<Set<string>> {
  const { rows } = await pool.query<{ external_id: string }>(
    'SELECT external_id FROM bank_matches WHERE external_id = ANY($1::text[])',
    [lines.map((l) => l.externalId)],
  );
  const matched = new Set(rows.map((r) => r.external_id));
  return new Set(lines.filter((l) => !matched.has(l.externalId)).map((l) => l.externalId));
}
