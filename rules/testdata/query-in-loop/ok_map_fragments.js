const knex = require("knex")({ client: "pg" });

// Raw fragments and sub-builders made per column or per value and put
// into one statement: the map only builds; the statement runs once.
async function copyRows(table, columns, nullColumns) {
  await knex
    .into(knex.raw(`?? (${columns.map(() => "??").join(", ")})`, [table, ...columns]))
    .insert((qb) => {
      qb.select(
        ...columns.map((col) => {
          if (nullColumns.includes(col)) {
            return knex.raw("NULL as ??", col);
          }
          return col;
        }),
      ).from(table);
    });
  const unioned = knex.union(columns.map((c) => knex(table).select(c)), true);
  const exprs = columns.map((c) => knex.raw("lower(??) as ??", [c, c]));
  return knex(table).select(exprs).union(unioned);
}

module.exports = { copyRows };
