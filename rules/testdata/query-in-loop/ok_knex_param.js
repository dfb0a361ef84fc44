const { wrapMigration } = require("../../utils");
const _ = require("lodash");

module.exports = wrapMigration(
  async function up(knex) {
    const rows = await knex("plans").select("id").whereNull("currency");
    // Chunks of IDs, one UPDATE per chunk.
    for (const ids of _.chunk(rows.map((r) => r.id), 500)) {
      await knex("plans").update({ currency: "usd" }).whereIn("id", ids);
    }
    for (const table of ["plans", "plan_events"]) {
      await knex(table).update({ migrated: true });
    }
  },
);

// A function merely named like a query builder, in a file with no table
// call: not a database.
function knexLike(items, knexish) {
  for (const item of items) {
    knexish.format(item);
  }
}

module.exports.knexLike = knexLike;
