import mysql from "mysql2/promise";

const pool = mysql.createPool({ uri: process.env.DATABASE_URL });

export async function stockLevels(skus) {
  const levels = {};
  for (const sku of skus) {
    const [rows] = await pool.execute("SELECT qty FROM stock WHERE sku = ?", [sku]); // want "query-in-loop: pool.execute runs once per iteration of the loop on line 7 \\(N\\+1 queries\\); fetch all rows in one query with WHERE id IN \\(\\?\\) and an array parameter"
    levels[sku] = rows[0]?.qty ?? 0;
  }
  return levels;
}

export async function stockLevelsBatched(skus) {
  const [rows] = await pool.query("SELECT sku, qty FROM stock WHERE sku IN (?)", [skus]);
  return Object.fromEntries(rows.map((r) => [r.sku, r.qty]));
}

export async function reserve(items) {
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    for (const it of items) {
      await conn.query("UPDATE stock SET qty = qty - ? WHERE sku = ?", [it.qty, it.sku]); // want "conn.query runs once per iteration .*one write per item.*INSERT … VALUES \\?"
    }
    await conn.commit();
  } finally {
    conn.release();
  }
}
