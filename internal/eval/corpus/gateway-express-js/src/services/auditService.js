'use strict';

const { pool } = require('../db/pool');
const log = require('../lib/log');

const MAX_BATCH = 500;

async function recordEvents(events) {
  if (events.length === 0) return 0;
  let written = 0;
  for (let i = 0; i < events.length; i += MAX_BATCH) {
    const chunk = events.slice(i, i + MAX_BATCH);
    const [result] = await pool.query(
      'INSERT INTO audit_events (account_id, actor_id, action, target, metadata, created_at) VALUES ?',
      [chunk.map((e) => [e.accountId, e.actorId, e.action, e.target, JSON.stringify(e.metadata || {}), new Date()])],
    );
    written += result.affectedRows;
  }
  return written;
}

async function purgeAccount(accountId, { dryRun = false } = {}) {
  const conn = await pool.getConnection(); // expect: missing-release
  await conn.beginTransaction();
  const [[{ n }]] = await conn.query('SELECT COUNT(*) AS n FROM audit_events WHERE account_id = ?', [accountId]);
  if (dryRun) {
    await conn.rollback();
    return { wouldDelete: n };
  }
  try {
    await conn.query('DELETE FROM audit_events WHERE account_id = ?', [accountId]);
    await conn.query('INSERT INTO purge_log (account_id, deleted, purged_at) VALUES (?, ?, NOW())', [accountId, n]);
    await conn.commit();
  } catch (err) {
    await conn.rollback();
    throw err;
  } finally {
    conn.release();
  }
  log.info({ accountId, deleted: n }, 'audit events purged');
  return { deleted: n };
}

async function exportAccount(accountId, onRow) {
  const conn = await pool.getConnection();
  try {
    const stream = conn.connection
      .query('SELECT * FROM audit_events WHERE account_id = ? ORDER BY id', [accountId])
      .stream({ highWaterMark: 200 });
    for await (const row of stream) {
      await onRow(row);
    }
  } finally {
    conn.release();
  }
}

module.exports = { recordEvents, purgeAccount, exportAccount };
