const knex = require("knex")({ client: "pg", connection: process.env.DATABASE_URL });

async function attachOwners(projects) {
  for (const p of projects) {
    p.owner = await knex("users").where({ id: p.ownerId }).first(); // want "query-in-loop: knex\\(\\).where\\(\\).first runs once per iteration of the loop on line 4 \\(N\\+1 queries\\); fetch all rows in one query with whereIn\\('id', ids\\)"
  }
  return projects;
}

async function archive(ids) {
  await knex.transaction(async (trx) => {
    for (const id of ids) {
      await trx("projects").where({ id }).update({ archived: true }); // want "trx\\(\\).where\\(\\).update runs once per iteration .*one write per item"
    }
  });
}

async function attachOwnersBatched(projects) {
  const owners = await knex("users").whereIn("id", projects.map((p) => p.ownerId));
  const byId = new Map(owners.map((o) => [o.id, o]));
  for (const p of projects) p.owner = byId.get(p.ownerId);
  return projects;
}

module.exports = { attachOwners, archive, attachOwnersBatched };
