const pgp = require("pg-promise")();

const db = pgp(process.env.DATABASE_URL);

async function auditTrail(userId) {
  const sco = await db.connect();
  try {
    await sco.none("SET app.user_id = $1", [userId]);
    return await sco.manyOrNone("SELECT * FROM audit WHERE user_id = $1", [userId]);
  } finally {
    sco.done();
  }
}

// Tasks and transactions release their connection themselves.
function totals(userId) {
  return db.task((t) => t.one("SELECT count(*) FROM audit WHERE user_id = $1", [userId], (r) => +r.count));
}

function rename(userId, name) {
  return db.tx(async (t) => {
    await t.none("UPDATE users SET name = $1 WHERE id = $2", [name, userId]);
    await t.none("INSERT INTO audit (user_id, action) VALUES ($1, 'rename')", [userId]);
  });
}

// connect() on a socket-like client with a done() that is not a release:
// nothing says it is a pooled database connection.
async function handshake(peer) {
  const link = await peer.connect();
  link.done();
  return link.id;
}

module.exports = { auditTrail, totals, rename, handshake };
