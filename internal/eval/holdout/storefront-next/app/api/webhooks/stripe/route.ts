import Stripe from 'stripe';
import { sql } from '@/lib/sql';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY as string);
const endpointSecret = process.env.STRIPE_WEBHOOK_SECRET as string;

export async function POST(req: Request) {
  const body = await req.text();
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(body, req.headers.get('stripe-signature') ?? '', endpointSecret);
  } catch {
    return new Response('invalid signature', { status: 400 });
  }

  if (event.type !== 'checkout.session.completed') {
    return Response.json({ ignored: event.type });
  }
  const session = event.data.object as Stripe.Checkout.Session;
  const orderId = session.metadata?.orderId;
  if (!orderId) {
    return new Response('missing order id', { status: 422 });
  }

  // A session-level advisory lock keeps two deliveries of the same event from
  // fulfilling one order twice; it needs a dedicated connection.
  const conn = await sql.reserve(); // expect: missing-release
  const [{ locked }] = await conn`select pg_try_advisory_lock(hashtext(${orderId})) as locked`;
  if (!locked) {
    return new Response('busy', { status: 409 });
  }
  try {
    const [order] = await conn`select id, status from orders where id = ${orderId}`;
    if (order && order.status === 'pending') {
      await conn`update orders set status = 'paid', paid_at = now(), stripe_session_id = ${session.id} where id = ${orderId}`;
      await conn`insert into fulfilment_queue (order_id) values (${orderId}) on conflict do nothing`;
    }
  } finally {
    await conn`select pg_advisory_unlock(hashtext(${orderId}))`;
    conn.release();
  }
  return Response.json({ received: true });
}
