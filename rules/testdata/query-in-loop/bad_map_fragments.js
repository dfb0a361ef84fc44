const knex = require("knex")({ client: "pg" });
const { promiseAll, runConcurrently } = require("./utils");

// The mapped builders are run: handed to Promise.all (directly, spread into
// an array, or through a variable), or the callback awaits them.
async function loadAll(ids) {
  const pending = ids.map((id) => knex("users").where("id", id).first()); // want "query-in-loop: knex\\(\\).where\\(\\).first runs once per element of ids.map on line 7"
  const users = await Promise.all(pending);
  const posts = await Promise.all([...ids.map((id) => knex("posts").where("author_id", id))]); // want "query-in-loop: knex\\(\\).where runs once per element of ids.map on line 9"
  const counts = await Promise.all(
    ids.map((id) => {
      return knex("comments").where("author_id", id).count(); // want "query-in-loop: knex\\(\\).where\\(\\).count runs once per element of ids.map on line 11"
    }),
  );
  await promiseAll(ids.map((id) => knex("sessions").where("user_id", id).del())); // want "query-in-loop: knex\\(\\).where\\(\\).del runs once per element of ids.map on line 15"
  await runConcurrently(ids.map((id) => knex("tokens").where("user_id", id).del())); // want "query-in-loop: knex\\(\\).where\\(\\).del runs once per element of ids.map on line 16"
  return { users, posts, counts };
}

module.exports = { loadAll };
