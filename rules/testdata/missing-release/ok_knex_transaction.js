const knex = require("knex")({ client: "pg", connection: process.env.DATABASE_URL });

async function createOrder(userId, lines) {
  const trx = await knex.transaction();
  try {
    const [order] = await trx("orders").insert({ user_id: userId }).returning("*");
    await trx("order_lines").insert(lines.map((l) => ({ ...l, order_id: order.id })));
    await trx.commit();
    return order;
  } catch (err) {
    await trx.rollback();
    throw err;
  }
}

// The callback form commits and rolls back by itself.
async function archive(id) {
  return knex.transaction(async (trx) => {
    await trx("orders").where({ id }).update({ archived: true });
    await trx("audit").insert({ action: "archive", order_id: id });
  });
}

module.exports = { createOrder, archive };
