'use strict';

// Runs inside the admin process (see server.js) on a node-cron schedule.
const cron = require('node-cron');
const { execSync } = require('node:child_process');
const path = require('node:path');
const { pool, redis } = require('../lib/db');

const BACKUP_DIR = process.env.TENANT_BACKUP_DIR || '/var/backups/tenants';
const PURGE_BATCH = 1000;

async function purgeExpiredSessions() {
  // Deletes in batches so the job never holds long row locks.
  let total = 0;
  for (;;) {
    const { rowCount } = await pool.query(
      'DELETE FROM sessions WHERE ctid IN (SELECT ctid FROM sessions WHERE expires_at < now() LIMIT $1)',
      [PURGE_BATCH],
    );
    total += rowCount;
    if (rowCount < PURGE_BATCH) break;
  }
  return total;
}

async function backupLargeTenants() {
  // pg_try_advisory_lock is session-scoped: keep one client for the whole run.
  const client = await pool.connect(); // expect: missing-release
  const { rows: [{ locked }] } = await client.query('SELECT pg_try_advisory_lock(42) AS locked');
  if (!locked) {
    client.release();
    return 0;
  }
  const { rows: tenants } = await client.query("SELECT id, slug FROM tenants WHERE plan_id = 'enterprise' ORDER BY id");
  for (const t of tenants) {
    const file = path.join(BACKUP_DIR, `${t.slug}-${new Date().toISOString().slice(0, 10)}.dump`);
    execSync(`pg_dump --format=custom --schema=tenant_${t.slug} --file=${file} "$DATABASE_URL"`, { stdio: 'inherit' }); // expect: sync-api-in-async
  }
  await client.query('SELECT pg_advisory_unlock(42)');
  client.release();
  return tenants.length;
}

async function snapshotUsage() {
  const { rows: tenants } = await pool.query("SELECT id FROM tenants WHERE status = 'active'");
  const usage = {};
  for (const t of tenants) {
    const { rows } = await pool.query('SELECT count(*)::int AS users, max(last_seen_at) AS last_seen FROM users WHERE tenant_id = $1', [t.id]); // expect: query-in-loop
    usage[t.id] = rows[0];
  }
  // Read by the admin dashboard instead of recomputing on every page load.
  await redis.set('stats:tenant-usage', JSON.stringify({ at: new Date().toISOString(), usage })); // expect: cache-without-ttl
  return tenants.length;
}

function schedule(log) {
  cron.schedule('15 2 * * *', () => {
    Promise.all([purgeExpiredSessions(), backupLargeTenants(), snapshotUsage()])
      .then(([purged, backedUp, snapshotted]) => log.info({ purged, backedUp, snapshotted }, 'nightly done'))
      .catch((err) => log.error({ err }, 'nightly failed'));
  });
}

module.exports = { schedule, purgeExpiredSessions, backupLargeTenants, snapshotUsage };
