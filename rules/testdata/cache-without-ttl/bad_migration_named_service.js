// A service that reports on migrations: named like one, but it is server
// code, not in a migrations folder.
"use strict";

const migrationStatusCache = new Map(); // want "module-level Map `migrationStatusCache` is used as a cache that only grows"

async function statusFor(db, tenantId) {
  const hit = migrationStatusCache.get(tenantId);
  if (hit) return hit;
  const rows = await db("knex_migrations").withSchema(tenantId).select("name");
  migrationStatusCache.set(tenantId, rows);
  return rows;
}

module.exports = { statusFor };
