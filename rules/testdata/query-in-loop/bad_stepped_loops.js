const mysql = require("mysql2/promise");

const pool = mysql.createPool(process.env.MYSQL_URL);

// Stepping by a small constant still visits (nearly) every item.
async function pairs(points) {
  for (let i = 0; i + 1 < points.length; i += 2) {
    await pool.query("INSERT INTO segments (a, b) VALUES (?, ?)", [points[i].id, points[i + 1].id]); // want "query-in-loop: pool.query runs once per iteration of the loop on line 7 \\(one write per item\\)"
  }
}

async function each(rows) {
  for (let i = 0; i < rows.length; i++) {
    await pool.execute("UPDATE rows SET seen = 1 WHERE id = ?", [rows[i].id]); // want "pool.execute runs once per iteration of the loop on line 13"
  }
}

// Taking one item at a time off a queue is per item.
async function drain(queue) {
  while (queue.length) {
    const job = queue.shift();
    await pool.query("UPDATE jobs SET done = 1 WHERE id = ?", [job.id]); // want "pool.query runs once per iteration of the loop on line 20"
  }
}

module.exports = { pairs, each, drain };
