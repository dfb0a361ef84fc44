const { Pool } = require("pg");

const pool = new Pool();

// Statements built per row are one statement per data item.
async function archive(rows) {
  const queries = [];
  for (const row of rows) {
    queries.push(`UPDATE orders SET archived = true WHERE id = ${Number(row.id)}`);
  }
  for (const query of queries) {
    await pool.query(query); // want "query-in-loop: pool.query runs once per iteration of the loop on line 11"
  }
  for (const row of rows) {
    await pool.query(`DELETE FROM carts WHERE order_id = ${Number(row.id)}`); // want "query-in-loop: pool.query runs once per iteration of the loop on line 14"
  }
  const updates = rows.map((row) => `UPDATE orders SET seen = true WHERE id = ${Number(row.id)}`);
  for (const query of updates) {
    await pool.query(query); // want "query-in-loop: pool.query runs once per iteration of the loop on line 18"
  }
}

module.exports = { archive };
