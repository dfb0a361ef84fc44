const knex = require("knex")({ client: "pg" });

// The same building helpers, but the built query is run per item: awaited,
// chained with then, handed to Promise.all, or returned from an async
// helper (whose promise runs the builder it resolves to).
function tagged(db, tag) {
  return db("tags").select("item_id").where("name", tag);
}

function byTag(db, tag) {
  return tagged(db, tag).limit(100);
}

async function countTagged(db, tag) {
  return tagged(db, tag).count();
}

async function load(tags) {
  const out = [];
  for (const tag of tags) {
    out.push(await tagged(knex, tag)); // want "query-in-loop: tagged → db\\(\\).select\\(\\).where runs once per iteration of the loop on line 20"
  }
  for (const tag of tags) {
    byTag(knex, tag).then((rows) => out.push(rows)); // want "query-in-loop: byTag → tagged → db\\(\\).select\\(\\).where runs once per iteration of the loop on line 23"
  }
  for (const tag of tags) {
    countTagged(knex, tag); // want "query-in-loop: countTagged → tagged → db\\(\\).select\\(\\).where runs once per iteration of the loop on line 26"
  }
  const all = await Promise.all(tags.map((tag) => byTag(knex, tag))); // want "query-in-loop: byTag → tagged → db\\(\\).select\\(\\).where runs once per element of tags.map on line 29"
  return [out, all];
}

module.exports = { load };
