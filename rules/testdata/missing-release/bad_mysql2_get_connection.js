const mysql = require("mysql2/promise");
const express = require("express");

const pool = mysql.createPool({ host: "db", user: "app", database: "shop", connectionLimit: 10 });
const router = express.Router();

// The connection goes back only when everything succeeds.
router.post("/carts/:id/checkout", async (req, res, next) => {
  const conn = await pool.getConnection(); // want "missing-release: conn from pool.getConnection\\(\\) is not released when the call to conn.beginTransaction\\(\\) on line 10 throws: release it in a finally block"
  await conn.beginTransaction();
  const [items] = await conn.query("SELECT sku, qty FROM cart_items WHERE cart_id = ?", [req.params.id]);
  for (const item of items) {
    await conn.execute("UPDATE stock SET qty = qty - ? WHERE sku = ?", [item.qty, item.sku]);
  }
  await conn.commit();
  conn.release();
  res.json({ ok: true });
});

// Never released at all.
async function stockLevel(sku) {
  const conn = await pool.getConnection(); // want "conn from pool.getConnection\\(\\) is never released: call conn.release\\(\\) in a finally block"
  const [rows] = await conn.query("SELECT qty FROM stock WHERE sku = ?", [sku]);
  return rows[0] ? rows[0].qty : 0;
}

module.exports = { router, stockLevel };
