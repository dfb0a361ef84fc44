'use server';

import { sql } from '@/lib/sql';
import { redis } from '@/lib/redis';
import { requireAdmin } from '@/lib/session';

interface StockLevel {
  sku: string;
  onHand: number;
}

/** Pulls warehouse counts into Postgres and the stock hash. Named after the WMS "sync" endpoint. */
export async function syncInventory(levels: StockLevel[]) {
  await requireAdmin();
  if (levels.length === 0) return { updated: 0 };
  const rows = levels.map((l) => ({ sku: l.sku, onHand: l.onHand }));
  const result = await sql`
    update products p set on_hand = v.on_hand::int, stock_synced_at = now()
      from (values ${sql(rows.map((r) => [r.sku, r.onHand]))}) as v(sku, on_hand)
     where p.sku = v.sku`;
  const client = await redis();
  const fields = Object.fromEntries(levels.map((l) => [l.sku, String(l.onHand)]));
  await client.multi().hSet('stock:levels', fields).expire('stock:levels', 10 * 60).exec();
  return { updated: result.count };
}

export async function reserveStock(orderId: string, lines: { sku: string; quantity: number }[]) {
  // A short lock_timeout on a dedicated connection: fail fast instead of queueing
  // behind a long-running stock import.
  const conn = await sql.reserve(); // expect: missing-release
  await conn`set lock_timeout = '2s'`;
  const skus = lines.map((l) => l.sku);
  const stock = await conn`select sku, on_hand from products where sku = any(${skus}) for update`;
  const bySku = new Map(stock.map((s) => [s.sku as string, s.onHand as number]));
  const short = lines.filter((l) => (bySku.get(l.sku) ?? 0) < l.quantity).map((l) => l.sku);
  if (short.length > 0) {
    await conn`reset lock_timeout`;
    conn.release();
    return { ok: false, short };
  }
  await conn`
    update products p set on_hand = p.on_hand - v.qty::int
      from (values ${conn(lines.map((l) => [l.sku, l.quantity]))}) as v(sku, qty)
     where p.sku = v.sku`;
  await conn`update orders set status = 'reserved' where id = ${orderId}`;
  await conn`reset lock_timeout`;
  conn.release();
  return { ok: true, short: [] };
}
