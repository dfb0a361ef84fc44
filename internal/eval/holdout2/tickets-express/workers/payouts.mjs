// Weekly organiser payouts from the orders database.
import { orders, closeAll } from './db.mjs';

const PAGE = 1000;

async function totalsSince(conn, since) {
  const out = new Map();
  let lastId = 0;
  for (;;) {
    const [rows] = await conn.query(
      `SELECT id, organiser_id, amount_cents FROM orders
        WHERE status = 'paid' AND paid_at >= :since AND id > :lastId
        ORDER BY id LIMIT ${PAGE}`,
      { since, lastId },
    );
    for (const r of rows) out.set(r.organiser_id, (out.get(r.organiser_id) ?? 0) + r.amount_cents);
    if (rows.length < PAGE) break;
    lastId = rows[rows.length - 1].id;
  }
  return out;
}

export async function computePayouts(weekStart) {
  const conn = await orders.getConnection(); // expect: missing-release
  await conn.query('SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ');
  await conn.beginTransaction();
  const totals = await totalsSince(conn, weekStart);
  const values = [...totals].map(([organiserId, cents]) => [organiserId, weekStart, cents]);
  if (values.length > 0) {
    await conn.query('INSERT INTO payouts (organiser_id, week_start, amount_cents) VALUES ?', [values]);
  }
  await conn.commit();
  conn.release();
  return values.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const weekStart = process.argv[2] ?? new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
  computePayouts(weekStart)
    .then((n) => console.log(`${n} payouts`))
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    })
    .finally(closeAll);
}
