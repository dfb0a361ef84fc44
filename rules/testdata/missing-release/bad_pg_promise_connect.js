const pgp = require("pg-promise")();

const db = pgp(process.env.DATABASE_URL);

// A shared connection is released with done(); a query that rejects first
// leaves it checked out.
async function auditTrail(userId) {
  const sco = await db.connect(); // want "missing-release: sco from db.connect\\(\\) is not released when the query on line 9 throws: release it in a finally block"
  await sco.none("SET LOCAL app.user_id = $1", [userId]);
  const events = await sco.manyOrNone("SELECT * FROM audit WHERE user_id = $1", [userId]);
  sco.done();
  return events;
}

// A direct (unpooled) connection for LISTEN, dropped on the early return.
async function waitForRefresh(channel) {
  const conn = await db.connect({ direct: true }); // want "missing-release: conn from db.connect\\(\\) is not released on the return at line 19"
  if (!channel) {
    return null;
  }
  try {
    return await conn.one("SELECT now() AS at");
  } finally {
    conn.done();
  }
}

module.exports = { auditTrail, waitForRefresh };
