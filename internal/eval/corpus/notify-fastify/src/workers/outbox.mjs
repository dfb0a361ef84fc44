import { pool } from '../db.mjs';
import { fanOut } from '../services/deliveryService.mjs';
import { logger } from '../lib/logger.mjs';

const BATCH = 50;
let stopping = false;

process.once('SIGTERM', () => {
  stopping = true;
});

async function claimBatch() {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(
      `SELECT id, payload, recipient_ids FROM outbox
        WHERE processed_at IS NULL
        ORDER BY id
        FOR UPDATE SKIP LOCKED
        LIMIT $1`,
      [BATCH],
    );
    if (rows.length > 0) {
      await client.query('UPDATE outbox SET claimed_at = now() WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
    }
    await client.query('COMMIT');
    return rows;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

async function markProcessed(ids) {
  const client = await pool.connect(); // expect: missing-release
  await client.query('UPDATE outbox SET processed_at = now() WHERE id = ANY($1::bigint[])', [ids]);
  client.release();
}

async function tick() {
  const rows = await claimBatch();
  if (rows.length === 0) {
    return 0;
  }
  const results = await Promise.allSettled(rows.map((row) => fanOut(row.payload, row.recipient_ids)));
  const done = [];
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') {
      done.push(rows[i].id);
    } else {
      logger.error({ err: r.reason, outboxId: rows[i].id }, 'fan-out failed; will retry');
    }
  });
  if (done.length > 0) {
    await markProcessed(done);
  }
  return rows.length;
}

export function startOutboxWorker(intervalMs = 1_000) {
  let running = false;
  const timer = setInterval(() => {
    if (running || stopping) return;
    running = true;
    tick()
      .catch((err) => logger.error({ err }, 'outbox tick failed'))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  return () => clearInterval(timer);
}
