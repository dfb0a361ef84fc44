const knex = require("knex")({ client: "pg" });

// Helpers that only build: a plain (non-async) function returns a Knex
// builder or raw fragment, and the caller composes it into one larger
// query. Nothing runs until the final query is awaited, once.
function anyOf(db, parts) {
  if (parts.length === 1) return parts[0];
  return db.raw(`(${parts.map(() => "?").join(" union ")})`, parts);
}

function notIn(db, from, remove) {
  return db.raw("(? except ?)", [from, remove]);
}

function tagged(db, tag) {
  return db("tags").select("item_id").where("name", tag);
}

function compile(db, filter) {
  if (filter.any) {
    const parts = filter.any.map((f) => compile(db, f));
    return { negated: false, sql: anyOf(db, parts.map((p) => p.sql)) };
  }
  if (filter.not) {
    const inner = compile(db, filter.not);
    return { negated: !inner.negated, sql: inner.sql };
  }
  return { negated: false, sql: tagged(db, filter.tag) };
}

async function search(filters) {
  const sets = [];
  for (const f of filters) {
    sets.push(compile(knex, f).sql);
  }
  const subquery = filters.map((f) => tagged(knex, f.tag));
  const excluded = [];
  for (const f of filters) {
    excluded.push(notIn(knex, tagged(knex, f.tag), tagged(knex, "hidden")));
  }
  return knex("items").whereIn("id", anyOf(knex, sets)).whereNotIn("id", anyOf(knex, excluded)).limit(subquery.length * 10);
}

module.exports = { search };
