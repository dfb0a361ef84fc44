const { Pool } = require("pg");

const pool = new Pool();

// The outer function is fine; the callback leaks its client.
async function refreshAll(tenants) {
  const client = await pool.connect();
  try {
    await client.query("SELECT 1");
  } finally {
    client.release();
  }
  await Promise.all(
    tenants.map(async (t) => {
      const c = await pool.connect(); // want "missing-release: c from pool.connect\\(\\) is not released when the query on line 16 throws"
      await c.query(`REFRESH MATERIALIZED VIEW ${t}.stats`);
      c.release();
    }),
  );
}

// A helper defined inside returns early; the leak is in the helper.
function makeLoader() {
  return async function load(id) {
    const client = await pool.connect(); // want "client from pool.connect\\(\\) is not released on the return at line 27"
    const { rows } = await client.query("SELECT * FROM items WHERE id = $1", [id]).catch(() => ({ rows: [] }));
    if (rows.length === 0) return null;
    client.release();
    return rows[0];
  };
}

module.exports = { refreshAll, makeLoader };
