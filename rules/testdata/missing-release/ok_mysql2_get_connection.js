const mysql = require("mysql2/promise");

const pool = mysql.createPool({ host: "db", user: "app", database: "shop" });

async function checkout(cartId) {
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    const [items] = await conn.query("SELECT sku, qty FROM cart_items WHERE cart_id = ?", [cartId]);
    for (const item of items) {
      await conn.execute("UPDATE stock SET qty = qty - ? WHERE sku = ?", [item.qty, item.sku]);
    }
    await conn.commit();
    return items.length;
  } catch (err) {
    await conn.rollback();
    throw err;
  } finally {
    conn.release();
  }
}

// pool.execute and pool.query manage the connection.
async function price(sku) {
  const [rows] = await pool.execute("SELECT price FROM products WHERE sku = ?", [sku]);
  return rows[0] && rows[0].price;
}

// Callback style hands the connection to the callback, which releases it.
function legacy(cb) {
  pool.pool.getConnection((err, conn) => {
    if (err) return cb(err);
    conn.query("SELECT 1", (qerr) => {
      conn.release();
      cb(qerr);
    });
  });
}

module.exports = { checkout, price, legacy };
