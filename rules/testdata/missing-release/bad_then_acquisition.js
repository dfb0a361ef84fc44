const mysql = require("mysql2/promise");
const express = require("express");

const pool = mysql.createPool({ uri: process.env.DATABASE_URL, connectionLimit: 10 });
const router = express.Router();

router.post("/tags/:id", (req, res, next) => {
  pool.getConnection().then(async (conn) => { // want "missing-release: conn from pool.getConnection\\(\\) is not released when the query on line 9 throws"
    await conn.query("UPDATE tags SET label = ? WHERE id = ?", [req.body.label, req.params.id]);
    conn.release();
    res.status(204).end();
  }, next);
});

router.get("/tags", (req, res, next) => {
  pool.getConnection() // want "missing-release: conn from pool.getConnection\\(\\) is never released"
    .then(function (conn) {
      return conn.query("SELECT id, label FROM tags").then(([rows]) => res.json(rows));
    })
    .catch(next);
});

module.exports = router;
