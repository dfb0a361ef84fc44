// Refund worker: picks refund requests, calls the payment provider, marks orders refunded.
import { knex, closeAll } from './db.mjs';

const PROVIDER = process.env.PAYMENTS_URL;

async function refundAtProvider(refund) {
  const res = await fetch(`${PROVIDER}/v2/refunds`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `refund-${refund.id}` },
    body: JSON.stringify({ payment: refund.payment_ref, amount: refund.amount_cents }),
    signal: AbortSignal.timeout(15_000),
  });
  if (!res.ok) throw new Error(`provider ${res.status}`);
  return res.json();
}

export async function runOnce() {
  const pending = await knex('refunds')
    .select('id', 'order_id', 'payment_ref', 'amount_cents')
    .where({ status: 'requested' })
    .orderBy('created_at')
    .limit(50);

  const done = [];
  for (const r of pending) {
    try {
      const out = await refundAtProvider(r);
      await knex('refunds').where({ id: r.id }).update({ status: 'done', provider_ref: out.id }); // expect: query-in-loop
      done.push(r.order_id);
    } catch (err) {
      console.warn(`refund ${r.id} failed: ${err.message}`);
    }
  }

  if (done.length > 0) {
    await knex('tickets').whereIn('order_id', done).update({ order_id: null });
  }
  return { pending: pending.length, done: done.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runOnce()
    .then((r) => console.log(r))
    .finally(closeAll);
}
