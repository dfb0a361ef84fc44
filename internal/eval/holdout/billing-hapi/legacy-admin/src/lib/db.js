'use strict';

const { Pool } = require('pg');
const Redis = require('ioredis');

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 15,
  idleTimeoutMillis: 20000,
  connectionTimeoutMillis: 3000,
});

const redis = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379/2', {
  maxRetriesPerRequest: 2,
  connectTimeout: 2000,
});

/** Single statements go through the pool directly; pg checks the client out and back in. */
function query(text, params) {
  return pool.query(text, params);
}

async function one(text, params) {
  const { rows } = await pool.query(text, params);
  return rows[0] || null;
}

module.exports = { pool, redis, query, one };
