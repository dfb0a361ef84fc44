import { QueryRunner } from 'typeorm';
import { dataSource } from '../lib/dataSource';
import { Account, JournalEntry, Posting } from './entities';
import { log } from '../lib/log';

export interface PostingInput {
  accountId: string;
  amountMinor: bigint;
}

export class UnbalancedEntryError extends Error {}
export class DuplicateEntryError extends Error {}

function assertBalanced(postings: PostingInput[]): void {
  const sum = postings.reduce((acc, p) => acc + p.amountMinor, 0n);
  if (sum !== 0n) {
    throw new UnbalancedEntryError(`postings sum to ${sum}, expected 0`);
  }
}

async function applyPostings(runner: QueryRunner, postings: PostingInput[]): Promise<void> {
  // One UPDATE for all touched accounts.
  await runner.query(
    `UPDATE accounts a SET balance_minor = a.balance_minor + x.delta, version = a.version + 1
       FROM unnest($1::uuid[], $2::bigint[]) AS x(id, delta)
      WHERE a.id = x.id`,
    [postings.map((p) => p.accountId), postings.map((p) => p.amountMinor.toString())],
  );
}

export async function postEntry(idempotencyKey: string, description: string, postings: PostingInput[]): Promise<string> {
  assertBalanced(postings);
  const runner = dataSource.createQueryRunner('master');
  await runner.connect();
  await runner.startTransaction('SERIALIZABLE');
  try {
    const existing = await runner.manager.findOneBy(JournalEntry, { idempotencyKey });
    if (existing) {
      await runner.rollbackTransaction();
      return existing.id;
    }
    const entry = runner.manager.create(JournalEntry, {
      idempotencyKey,
      description,
      postings: postings.map((p) => runner.manager.create(Posting, { accountId: p.accountId, amountMinor: p.amountMinor.toString() })),
    });
    await runner.manager.save(entry);
    await applyPostings(runner, postings);
    await runner.commitTransaction();
    return entry.id;
  } catch (err) {
    if (runner.isTransactionActive) {
      await runner.rollbackTransaction();
    }
    throw err;
  } finally {
    await runner.release();
  }
}

export async function reverseEntry(entryId: string, reason: string): Promise<string> {
  const runner = dataSource.createQueryRunner('master'); // expect: missing-release
  await runner.connect();
  await runner.startTransaction();
  const original = await runner.manager.findOne(JournalEntry, { where: { id: entryId }, relations: { postings: true } });
  if (!original) {
    await runner.rollbackTransaction();
    throw new Error(`journal entry ${entryId} not found`);
  }
  const reversal = runner.manager.create(JournalEntry, {
    idempotencyKey: `reversal:${entryId}`,
    description: `Reversal of ${original.description}: ${reason}`,
    postings: original.postings.map((p) =>
      runner.manager.create(Posting, { accountId: p.accountId, amountMinor: (-BigInt(p.amountMinor)).toString() }),
    ),
  });
  await runner.manager.save(reversal);
  await applyPostings(
    runner,
    original.postings.map((p) => ({ accountId: p.accountId, amountMinor: -BigInt(p.amountMinor) })),
  );
  await runner.commitTransaction();
  await runner.release();
  log.info('entry reversed', { entryId, reversalId: reversal.id });
  return reversal.id;
}

export async function closeAccount(accountId: string): Promise<void> {
  await dataSource.transaction('SERIALIZABLE', async (manager) => {
    const account = await manager.findOneByOrFail(Account, { id: accountId });
    if (BigInt(account.balanceMinor) !== 0n) {
      throw new Error(`account ${account.code} has a non-zero balance`);
    }
    await manager.update(Account, { id: accountId }, { name: `${account.name} (closed)` });
  });
}

export async function freezeAccounts(accountIds: string[]): Promise<void> {
  const runner = dataSource.createQueryRunner(); // expect: missing-release
  await runner.connect();
  try {
    await runner.startTransaction();
    await runner.query('UPDATE accounts SET frozen_at = now() WHERE id = ANY($1::uuid[])', [accountIds]);
    await runner.commitTransaction();
  } catch (err) {
    await runner.rollbackTransaction();
    log.error('freezing accounts failed', { err, accountIds });
    await runner.release();
    throw err;
  }
}
