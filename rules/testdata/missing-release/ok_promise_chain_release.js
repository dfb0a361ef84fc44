const { Pool } = require("pg");
const mysql = require("mysql2/promise");

const pool = new Pool({ max: 20 });
const my = mysql.createPool(process.env.MYSQL_URL);

// Released on both sides of then().
function listRegions() {
  return pool.connect().then((client) =>
    client.query("SELECT id, name FROM regions").then(
      (res) => {
        client.release();
        return res.rows;
      },
      (err) => {
        client.release();
        throw err;
      },
    ),
  );
}

// Released in then() and again in catch().
async function regionName(id) {
  const client = await pool.connect();
  return client
    .query("SELECT name FROM regions WHERE id = $1", [id])
    .then(({ rows }) => {
      client.release();
      return rows[0];
    })
    .catch((err) => {
      client.release(err);
      throw err;
    });
}

// Released in finally().
function touch(req, res, next) {
  my.getConnection()
    .then((conn) =>
      conn
        .execute("UPDATE sessions SET seen_at = NOW() WHERE id = ?", [req.sessionId])
        .then(() => res.sendStatus(204))
        .finally(() => conn.release()),
    )
    .catch(next);
}

// The whole chain is awaited inside try/finally.
async function count() {
  const client = await pool.connect();
  try {
    return await client.query("SELECT count(*) FROM regions").then((r) => Number(r.rows[0].count));
  } finally {
    client.release();
  }
}

// Handed to a helper that owns it.
function stream(res) {
  return pool.connect().then((client) => pipeRegions(client, res));
}

function pipeRegions(client, res) {
  const q = client.query("SELECT * FROM regions");
  q.on("end", () => client.release());
  return q;
}

// A catch() that only logs comes before the release: the chain goes on
// to the then() whether the query failed or not.
async function renameRegion(id, name) {
  const client = await pool.connect();
  return client
    .query("UPDATE regions SET name = $1 WHERE id = $2", [name, id])
    .catch((err) => console.error(err))
    .then(() => client.release());
}

// Awaited in a try whose catch releases.
async function dropRegion(id) {
  const client = await pool.connect();
  try {
    await client.query("DELETE FROM regions WHERE id = $1", [id]).then(() => client.release());
  } catch (err) {
    client.release();
    throw err;
  }
  return id;
}

// A chain that does not start on the client: where its rejection goes is
// not this rule's to follow.
async function refresh(ids) {
  const client = await pool.connect();
  return Promise.all(ids.map((id) => fetchRegion(id))).then((rows) => {
    client.release();
    return rows;
  });
}

// A LISTEN client kept for the life of the process: an expression body
// that never releases is left alone.
function listen() {
  return pool.connect().then((client) => client.query("LISTEN regions_changed"));
}

async function fetchRegion(id) {
  return { id };
}

module.exports = { listRegions, regionName, touch, count, stream, renameRegion, dropRegion, refresh, listen };
