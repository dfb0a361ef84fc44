const mysql = require("mysql2/promise");
const { Pool } = require("pg");
const express = require("express");

const pool = mysql.createPool({ uri: process.env.DATABASE_URL, connectionLimit: 10 });
const pg = new Pool();
const router = express.Router();

router.post("/tags/:id", (req, res, next) => {
  pool
    .getConnection()
    .then(async (conn) => {
      try {
        await conn.query("UPDATE tags SET label = ? WHERE id = ?", [req.body.label, req.params.id]);
        res.status(204).end();
      } finally {
        conn.release();
      }
    })
    .catch(next);
});

// node-postgres' documented promise form: released in both continuations.
router.get("/stats", (req, res, next) => {
  pg.connect().then((client) => {
    return client
      .query("SELECT count(*) FROM tags")
      .then((r) => {
        client.release();
        res.json(r.rows[0]);
      })
      .catch((err) => {
        client.release();
        next(err);
      });
  });
});

// The connection is handed to a helper that owns it.
router.get("/export", (req, res, next) => {
  pool.getConnection().then((conn) => {
    streamTags(conn, res);
  }, next);
});

function streamTags(conn, res) {
  const s = conn.connection.query("SELECT * FROM tags").stream();
  s.on("end", () => conn.release());
  s.pipe(res);
}

module.exports = router;
