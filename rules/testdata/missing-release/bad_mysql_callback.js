const mysql = require("mysql");
const express = require("express");

const pool = mysql.createPool({ connectionLimit: 10, host: "db", user: "app", database: "shop" });
const router = express.Router();

// The classic: the query's error path returns without releasing, and after
// ten failed queries every request waits for a connection forever.
router.get("/products/:id", (req, res, next) => {
  pool.getConnection((err, conn) => { // want "missing-release: conn from pool.getConnection\\(\\) is not released on the return at line 13: release it on every path of the callback"
    if (err) return next(err);
    conn.query("SELECT * FROM products WHERE id = ?", [req.params.id], (qerr, rows) => {
      if (qerr) return next(qerr);
      conn.release();
      res.json(rows[0] || null);
    });
  });
});

// Never released at all.
router.get("/categories", (req, res, next) => {
  pool.getConnection(function (err, connection) { // want "connection from pool.getConnection\\(\\) is never released: call connection.release\\(\\) when the callback is done with it"
    if (err) {
      return next(err);
    }
    connection.query("SELECT * FROM categories", function (qerr, rows) {
      if (qerr) return next(qerr);
      res.json(rows);
    });
  });
});

module.exports = router;
