import { redis } from '../lib/redis';
import { pool } from '../lib/pg';
import { log } from '../lib/log';

const BALANCE_TTL_MS = 15_000;

export interface CachedBalance {
  accountId: string;
  balanceMinor: string;
  version: number;
}

const balanceKey = (accountId: string) => `ledger:balance:${accountId}`;
const holdersKey = (accountId: string) => `ledger:holders:${accountId}`;
const limitsKey = (accountId: string) => `ledger:limits:${accountId}`;

export async function getBalance(accountId: string): Promise<CachedBalance> {
  const hit = await redis.get(balanceKey(accountId));
  if (hit) {
    return JSON.parse(hit) as CachedBalance;
  }
  const { rows } = await pool.query<{ balance_minor: string; version: number }>(
    'SELECT balance_minor::text, version FROM accounts WHERE id = $1',
    [accountId],
  );
  if (rows.length === 0) {
    throw new Error(`account ${accountId} not found`);
  }
  const value: CachedBalance = { accountId, balanceMinor: rows[0].balance_minor, version: rows[0].version };
  await redis.set(balanceKey(accountId), JSON.stringify(value), { PX: BALANCE_TTL_MS });
  return value;
}

export async function cacheHolders(accountId: string, holders: Record<string, string>): Promise<void> {
  await redis
    .multi()
    .hSet(holdersKey(accountId), holders)
    .expire(holdersKey(accountId), 3600)
    .exec();
}

export async function cacheLimits(accountId: string, dailyLimitMinor: string, perTxLimitMinor: string): Promise<void> {
  await redis.set(limitsKey(accountId), JSON.stringify({ dailyLimitMinor, perTxLimitMinor })); // expect: cache-without-ttl
}

export async function cacheAccountCodeLookup(code: string, accountId: string): Promise<void> {
  await redis.set(`ledger:code:${code}`, accountId); // expect: cache-without-ttl
  log.debug('cached account code', { code, accountId });
}

export async function cacheStatementUrl(accountId: string, period: string, url: string): Promise<void> {
  const key = `ledger:statement-url:${accountId}:${period}`;
  await redis.set(key, url);
  await redis.expire(key, 24 * 3600);
}

export async function markBalanceDirty(accountIds: string[]): Promise<void> {
  if (accountIds.length === 0) return;
  await redis.del(accountIds.map(balanceKey));
}

export async function rememberLastPosting(accountId: string, entryId: string): Promise<void> {
  await redis.setEx(`ledger:last-posting:${accountId}`, 7 * 24 * 3600, entryId);
}

export async function rememberDailyTotal(accountId: string, day: string, totalMinor: string): Promise<void> {
  await redis.set(`ledger:daily-total:${accountId}:${day}`, totalMinor, { EX: 36 * 3600, NX: false });
}

export async function primeCodeLookups(codes: Array<{ code: string; id: string }>): Promise<void> {
  const multi = redis.multi();
  for (const { code, id } of codes) {
    multi.set(`ledger:code:${code}`, id); // expect: cache-without-ttl
  }
  await multi.exec();
}
