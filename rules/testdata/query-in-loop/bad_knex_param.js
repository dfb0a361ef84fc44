const { wrapMigration } = require("../../utils");

// The migration runner passes a Knex instance in; nothing is imported, but
// knex("table") is Knex's own shape.
module.exports = wrapMigration(
  async function up(knex) {
    const rows = await knex("plans").select("id", "price").whereNull("currency");
    for (const row of rows) {
      await knex("plans").update({ currency: "usd" }).where("id", row.id); // want "query-in-loop: knex\\(\\).update\\(\\).where runs once per iteration of the loop on line 8 \\(one write per item\\)"
    }
  },
  async function down({ transacting: knex }) {
    const plans = await knex.select("id").from("plans");
    for (const plan of plans) {
      const [first] = await knex("plan_events").where("plan_id", plan.id).limit(1); // want "query-in-loop: knex\\(\\).where\\(\\).limit runs once per iteration of the loop on line 14 \\(N\\+1 queries\\)"
      console.log(first);
    }
  },
);
