const { Pool } = require("pg");

// The helper gets the pool as an untyped parameter; the file imports pg,
// so db.query is a database call.
async function loadAddress(db, userId) {
  const { rows } = await db.query("SELECT * FROM addresses WHERE user_id = $1", [userId]);
  return rows[0];
}

async function shippingLabels(db, orders) {
  const labels = [];
  for (const order of orders) {
    const address = await loadAddress(db, order.userId); // want "loadAddress → db.query runs once per iteration of the loop on line 12"
    labels.push({ order: order.id, address });
  }
  for (const order of orders) {
    await db.query("UPDATE orders SET labelled = true WHERE id = $1", [order.id]); // want "db.query runs once per iteration of the loop on line 16 \\(one write per item\\)"
  }
  return labels;
}

module.exports = { shippingLabels, pool: new Pool() };
