const genericPool = require("generic-pool");
const { Mutex } = require("async-mutex");
const { createConnection } = require("./driver");

const pool = genericPool.createPool({ create: () => createConnection(), destroy: (c) => c.close() }, { max: 5 });
const mutex = new Mutex();

async function send(message) {
  const conn = await pool.acquire();
  try {
    await conn.send(message);
  } catch (err) {
    await pool.destroy(conn);
    throw err;
  }
  await pool.release(conn);
}

// A mutex's acquire returns its release function.
async function exclusive(fn) {
  const release = await mutex.acquire();
  try {
    return await fn();
  } finally {
    release();
  }
}

module.exports = { send, exclusive };
