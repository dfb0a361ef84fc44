'use strict';

const { pool } = require('../db/pool');
const { redis } = require('../cache/redis');
const log = require('../lib/log');
const { withRetry, isTransientMysqlError, sleep } = require('../lib/retry');

const ROLLUP_LOCK = 'lock:usage-rollup';

async function activeAccounts() {
  const [rows] = await pool.query("SELECT id FROM accounts WHERE status = 'active'");
  return rows.map((r) => r.id);
}

async function rollupDay(day) {
  const locked = await redis.set(ROLLUP_LOCK, process.pid, 'PX', 10 * 60 * 1000, 'NX');
  if (!locked) {
    log.info('usage rollup already running elsewhere');
    return;
  }
  const conn = await pool.getConnection();
  try {
    const accounts = await activeAccounts();
    for (const accountId of accounts) {
      const raw = await redis.hgetall(`usage:${accountId}:${day}`); // expect: query-in-loop
      const entries = Object.entries(raw);
      if (entries.length === 0) continue;
      await conn.query( // expect: query-in-loop
        'INSERT INTO usage_daily (account_id, day, route, requests) VALUES ? ON DUPLICATE KEY UPDATE requests = VALUES(requests)',
        [entries.map(([route, n]) => [accountId, day, route, Number(n)])],
      );
    }
  } finally {
    conn.release();
    await redis.del(ROLLUP_LOCK);
  }
}

async function waitForReplica(maxLagSeconds = 5) {
  for (let attempt = 0; attempt < 10; attempt++) {
    const [[status]] = await pool.query('SELECT TIMESTAMPDIFF(SECOND, MAX(applied_at), NOW()) AS lag FROM replica_heartbeat');
    if (status && status.lag !== null && status.lag <= maxLagSeconds) {
      return;
    }
    await sleep(500 * (attempt + 1));
  }
  throw new Error('replica lag did not recover');
}

async function run() {
  const day = new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
  await waitForReplica();
  await withRetry(() => rollupDay(day), { attempts: 3, baseMs: 2000, isRetryable: isTransientMysqlError, label: 'usage rollup' });
  log.info({ day }, 'usage rollup complete');
}

module.exports = { run, rollupDay };
