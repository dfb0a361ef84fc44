import { Worker, type Job } from 'bullmq';
import { db, redis } from '../db';

interface RollupJob {
  day: string; // YYYY-MM-DD
}

interface AccountUsage {
  accountId: string;
  apiCalls: number;
  storageBytes: number;
}

async function collectCounters(day: string): Promise<AccountUsage[]> {
  const usage: AccountUsage[] = [];
  const stream = redis.scanStream({ match: `billing:usage:${day}:*`, count: 500 });
  // One MGET and one upsert per page of keys that SCAN hands back.
  for await (const keys of stream as AsyncIterable<string[]>) {
    if (keys.length === 0) continue;
    const unprefixed = keys.map((k) => k.replace(/^billing:/, ''));
    const values = await redis.mget(...unprefixed);
    const rows = unprefixed.map((key, i) => {
      const [, , , accountId, metric] = key.split(':');
      return { account_id: accountId, day, metric, value: Number(values[i] ?? 0) };
    });
    await db
      .insertInto('usage_daily')
      .values(rows)
      .onConflict((oc) => oc.columns(['account_id', 'day', 'metric']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
      .execute();
    for (const row of rows) {
      let entry = usage.find((u) => u.accountId === row.account_id);
      if (!entry) {
        entry = { accountId: row.account_id, apiCalls: 0, storageBytes: 0 };
        usage.push(entry);
      }
      if (row.metric === 'api_calls') entry.apiCalls += row.value;
      if (row.metric === 'storage_bytes') entry.storageBytes = Math.max(entry.storageBytes, row.value);
    }
  }
  return usage;
}

async function rollup(job: Job<RollupJob>): Promise<number> {
  const usage = await collectCounters(job.data.day);
  for (const u of usage) {
    // Snapshot read by the dashboard's "current usage" widget.
    await redis.set(`usage:snapshot:${u.accountId}`, JSON.stringify({ ...u, day: job.data.day })); // expect: query-in-loop, cache-without-ttl
  }
  await job.updateProgress(100);
  return usage.length;
}

export const usageWorker = new Worker<RollupJob>('usage-rollup', rollup, { connection: redis, concurrency: 1 });
