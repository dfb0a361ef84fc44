const mysql = require("mysql2/promise");

const pool = mysql.createPool(process.env.MYSQL_URL);
const ROWS_PER_INSERT = 250;

// Writing one chunk of rows per statement is the fix for N+1, not an
// instance of it: the loop runs rows.length / ROWS_PER_INSERT times.
async function storeReadings(readings) {
  let stored = 0;
  for (let start = 0; start < readings.length; start += ROWS_PER_INSERT) {
    const part = readings.slice(start, start + ROWS_PER_INSERT);
    const [res] = await pool.query("INSERT INTO readings (sensor, value, at) VALUES ?", [
      part.map((r) => [r.sensor, r.value, r.at]),
    ]);
    stored += res.affectedRows;
  }
  return stored;
}

async function archive(ids, size = 100) {
  for (let k = 0; k < ids.length; k += size) {
    await pool.execute(`UPDATE tickets SET archived = 1 WHERE id IN (${ids.slice(k, k + size).join(",")})`);
  }
}

// Draining a queue a batch at a time.
async function flush(queue) {
  while (queue.length > 0) {
    const group = queue.splice(0, 200);
    await pool.query("INSERT INTO outbox (topic, body) VALUES ?", [group.map((m) => [m.topic, m.body])]);
  }
}

module.exports = { storeReadings, archive, flush };
