const { Pool } = require("pg");

const pool = new Pool();

// Returns inside nested functions are not exits of the outer function.
async function importAll(rows) {
  const client = await pool.connect();
  try {
    const valid = rows.filter((r) => {
      if (!r.email) return false;
      return true;
    });
    function toParams(r) {
      return [r.email, r.name];
    }
    for (const r of valid) {
      await client.query("INSERT INTO users (email, name) VALUES ($1, $2)", toParams(r));
    }
    return valid.length;
  } finally {
    client.release();
  }
}

// Each callback owns its own client.
async function warmAll(tenants) {
  await Promise.all(
    tenants.map(async (t) => {
      const client = await pool.connect();
      try {
        await client.query(`SELECT 1 FROM ${t}.settings LIMIT 1`);
      } finally {
        client.release();
      }
    }),
  );
}

module.exports = { importAll, warmAll };
