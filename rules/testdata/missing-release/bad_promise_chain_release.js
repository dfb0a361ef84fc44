const { Pool } = require("pg");
const mysql = require("mysql2/promise");

const pool = new Pool({ max: 20 });
const my = mysql.createPool(process.env.MYSQL_URL);

// Released in the query's success continuation only: when the query
// rejects, the client never goes back to the pool.
function listRegions() {
  return pool.connect().then((client) => // want "missing-release: client from pool.connect\\(\\) is not released when the query on line 11 rejects: release it in a .finally\\(\\) on the query's promise chain"
    client
      .query("SELECT id, name FROM regions ORDER BY name")
      .then((res) => {
        client.release();
        return res.rows;
      }),
  );
}

async function regionName(id) {
  const client = await pool.connect(); // want "missing-release: client from pool.connect\\(\\) is not released when the query on line 22 rejects"
  return client.query("SELECT name FROM regions WHERE id = $1", [id]).then(({ rows }) => {
    client.release();
    return rows[0] && rows[0].name;
  });
}

// The outer catch reports the error but does not release the connection.
function touch(req, res, next) {
  my.getConnection() // want "missing-release: conn from my.getConnection\\(\\) is not released when the query on line 32 rejects"
    .then((conn) =>
      conn.execute("UPDATE sessions SET seen_at = NOW() WHERE id = ?", [req.sessionId]).then(() => {
        conn.release();
        res.sendStatus(204);
      }),
    )
    .catch(next);
}

// The catch() logs the error and swallows it: the client stays out.
async function renameRegion(id, name) {
  const client = await pool.connect(); // want "missing-release: client from pool.connect\\(\\) is not released when the query on line 43 rejects: release it in a .finally\\(\\) on the query's promise chain"
  client
    .query("UPDATE regions SET name = $1 WHERE id = $2", [name, id])
    .then(() => client.release())
    .catch((err) => console.error(err));
}

// Two queries in a row, released at the end of the second: a rejection of
// either one skips the release.
function copyRegion(id) {
  return pool.connect().then((client) => // want "missing-release: client from pool.connect\\(\\) is not released when the query on line 53 rejects"
    client
      .query("SELECT * FROM regions WHERE id = $1", [id])
      .then(({ rows }) =>
        client.query("INSERT INTO regions_archive SELECT $1::int, $2", [id, rows[0].name]).then(() => client.release()),
      ),
  );
}

// Awaited: the rejection is an exception that leaves the function.
async function dropRegion(id) {
  const client = await pool.connect(); // want "missing-release: client from pool.connect\\(\\) is not released when the query on line 64 rejects"
  await client.query("DELETE FROM regions WHERE id = $1", [id]).then(() => client.release());
  return id;
}

module.exports = { listRegions, regionName, touch, renameRegion, copyRegion, dropRegion };
