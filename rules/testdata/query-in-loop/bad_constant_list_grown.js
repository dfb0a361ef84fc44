const knex = require("knex")({ client: "pg", connection: process.env.DATABASE_URL });

// Lists that start as literals but grow with data are not constant.
const watched = [{ table: "audit_log" }];

function watchAll(tables) {
  for (const t of tables) {
    watched.push({ table: t });
  }
}

async function purgeWatched() {
  for (const w of watched) {
    await knex(w.table).where("stale", true).delete(); // want "query-in-loop: knex\\(\\).where\\(\\).delete runs once per iteration of the loop on line 13"
  }
}

const queue = [{ id: 1 }];

function enqueue(item) {
  queue.push(item);
}

async function drainQueue() {
  for (const item of queue) {
    await knex("items").where({ id: item.id }).update({ done: true }); // want "query-in-loop: knex\\(\\).where\\(\\).update runs once per iteration of the loop on line 25"
  }
}

const fromRows = [{ id: 0 }];

async function addRows(rows) {
  rows.forEach((r) => fromRows.push({ id: r.id }));
  for (const r of fromRows) {
    await knex("rows").where({ id: r.id }).first(); // want "query-in-loop: knex\\(\\).where\\(\\).first runs once per iteration of the loop on line 34"
  }
}

const registered = [{ table: "audit_log" }];

function register(table) {
  registered.push({ table });
}

async function purgeRegistered() {
  for (const r of registered) {
    await knex(r.table).where("stale", true).delete(); // want "query-in-loop: knex\\(\\).where\\(\\).delete runs once per iteration of the loop on line 46"
  }
}

module.exports = { watchAll, purgeWatched, enqueue, drainQueue, addRows, register, purgeRegistered };
