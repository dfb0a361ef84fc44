import { NextResponse } from 'next/server';
import Stripe from 'stripe';
import { prisma } from '@/lib/prisma';
import { redis } from '@/lib/redis';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: '2024-04-10', timeout: 10_000 });
const WEBHOOK_SECRET = process.env.STRIPE_WEBHOOK_SECRET!;

export async function POST(req: Request) {
  const signature = req.headers.get('stripe-signature');
  if (!signature) {
    return NextResponse.json({ error: 'missing signature' }, { status: 400 });
  }
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(await req.text(), signature, WEBHOOK_SECRET);
  } catch (err) {
    return NextResponse.json({ error: `invalid signature: ${(err as Error).message}` }, { status: 400 });
  }

  // Stripe retries deliveries; remember processed ids for a day.
  const fresh = await redis.set(`stripe:evt:${event.id}`, '1', 'EX', 86_400, 'NX');
  if (fresh !== 'OK') {
    return NextResponse.json({ received: true, duplicate: true });
  }

  if (event.type === 'invoice.paid') {
    const invoice = event.data.object as Stripe.Invoice;
    const teamId = invoice.metadata?.teamId;
    if (!teamId) {
      return NextResponse.json({ received: true, ignored: 'no team' });
    }
    for (const line of invoice.lines.data) {
      await prisma.subscriptionItem.upsert({ // expect: query-in-loop
        where: { stripeItemId: line.id },
        create: { stripeItemId: line.id, teamId, priceId: line.price?.id ?? '', quantity: line.quantity ?? 1 },
        update: { quantity: line.quantity ?? 1, priceId: line.price?.id ?? '' },
      });
    }
    await prisma.team.update({ where: { id: teamId }, data: { paidThrough: new Date(invoice.period_end * 1000) } });
  }

  return NextResponse.json({ received: true });
}
