const genericPool = require("generic-pool");
const { createConnection } = require("./driver");

const pool = genericPool.createPool(
  { create: () => createConnection(), destroy: (c) => c.close() },
  { max: 5 },
);

// A failed send keeps the resource: five failures and the pool is dry.
async function send(message) {
  const conn = await pool.acquire(); // want "missing-release: conn from pool.acquire\\(\\) is not released when the call to conn.send\\(\\) on line 12 throws: release it in a finally block"
  await conn.send(message);
  await pool.release(conn);
}

module.exports = { send };
