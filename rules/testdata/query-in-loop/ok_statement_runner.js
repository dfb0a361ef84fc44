const fs = require("fs");
const { Pool } = require("pg");

const pool = new Pool();

// Runs a .sql file statement by statement: each iteration runs a
// different statement, which is the item itself.
async function runSqlFile(file) {
  const text = fs.readFileSync(file, "utf8");
  const statements = text.split(";").map((s) => s.trim()).filter(Boolean);
  for (const statement of statements) {
    await pool.query(statement);
  }
  for (const part of text.split(/;\s*$/m)) {
    await pool.query(`${part};`);
  }
}

module.exports = { runSqlFile };
