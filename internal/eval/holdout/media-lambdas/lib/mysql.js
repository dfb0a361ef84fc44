'use strict';

const mysql = require('mysql2/promise');

const pool = mysql.createPool({
  host: process.env.LEGACY_DB_HOST,
  user: process.env.LEGACY_DB_USER,
  password: process.env.LEGACY_DB_PASSWORD,
  database: 'media_legacy',
  connectionLimit: 2,
  waitForConnections: true,
  enableKeepAlive: true,
});

/**
 * Runs fn inside a transaction. The connection goes back to the pool on every
 * path, including a failed COMMIT.
 */
async function transaction(fn) {
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    const result = await fn(conn);
    await conn.commit();
    return result;
  } catch (err) {
    await conn.rollback().catch(() => {});
    throw err;
  } finally {
    conn.release();
  }
}

module.exports = { pool, transaction };
