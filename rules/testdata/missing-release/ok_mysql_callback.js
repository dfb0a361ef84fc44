const mysql = require("mysql");
const { Pool } = require("pg");

const pool = mysql.createPool({ connectionLimit: 10, host: "db", user: "app", database: "shop" });
const pg = new Pool();

function getProduct(id, cb) {
  pool.getConnection((err, conn) => {
    if (err) return cb(err);
    conn.query("SELECT * FROM products WHERE id = ?", [id], (qerr, rows) => {
      conn.release();
      if (qerr) return cb(qerr);
      cb(null, rows[0]);
    });
  });
}

// Transaction with nested callbacks, released on every path.
function transfer(from, to, amount, cb) {
  pool.getConnection((err, conn) => {
    if (err) return cb(err);
    conn.beginTransaction((terr) => {
      if (terr) {
        conn.release();
        return cb(terr);
      }
      conn.query("UPDATE accounts SET balance = balance - ? WHERE id = ?", [amount, from], (qerr) => {
        if (qerr) {
          return conn.rollback(() => {
            conn.release();
            cb(qerr);
          });
        }
        conn.commit((cerr) => {
          conn.release();
          cb(cerr);
        });
      });
    });
  });
}

// pg's callback form with the done function.
function count(cb) {
  pg.connect((err, client, done) => {
    if (err) return cb(err);
    client.query("SELECT count(*) FROM users", (qerr, res) => {
      done();
      if (qerr) return cb(qerr);
      cb(null, Number(res.rows[0].count));
    });
  });
}

// Handed to the caller through a promise.
function connection() {
  return new Promise((resolve, reject) => {
    pool.getConnection((err, conn) => (err ? reject(err) : resolve(conn)));
  });
}

module.exports = { getProduct, transfer, count, connection };
