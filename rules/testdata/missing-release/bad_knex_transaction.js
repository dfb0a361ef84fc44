const knex = require("knex")({ client: "pg", connection: process.env.DATABASE_URL });

// A manually acquired transaction that is committed but never rolled back:
// if the insert fails the transaction (and its connection) stays open.
async function createOrder(userId, lines) {
  const trx = await knex.transaction(); // want "missing-release: trx from knex.transaction\\(\\) is not committed or rolled back when the insert on line 7 throws: commit it at the end of a try block and call trx.rollback\\(\\) in its catch"
  const [order] = await trx("orders").insert({ user_id: userId }).returning("*");
  await trx("order_lines").insert(lines.map((l) => ({ ...l, order_id: order.id })));
  await trx.commit();
  return order;
}

module.exports = { createOrder };
