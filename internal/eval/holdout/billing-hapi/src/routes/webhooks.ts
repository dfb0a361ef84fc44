import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import Boom from '@hapi/boom';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { db, redis } from '../db';

const SIGNING_SECRET = process.env.PAYHUB_SIGNING_SECRET ?? '';
const TOLERANCE_SECONDS = 300;

interface Refund {
  id: string;
  charge_id: string;
  amount: number;
  reason: string | null;
}

function verifySignature(raw: Buffer, header: string | undefined): boolean {
  if (!header) return false;
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=') as [string, string]));
  const timestamp = Number(parts.t);
  if (!Number.isFinite(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > TOLERANCE_SECONDS) {
    return false;
  }
  const expected = crypto.createHmac('sha256', SIGNING_SECRET).update(`${parts.t}.`).update(raw).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

async function markPaid(invoiceId: string, amountCents: number): Promise<void> {
  await db
    .updateTable('invoices')
    .set({ status: 'paid', paid_at: new Date(), amount_paid_cents: amountCents })
    .where('id', '=', invoiceId)
    .execute();
}

async function applyRefund(refund: Refund): Promise<void> {
  await db
    .insertInto('refunds')
    .values({ id: refund.id, charge_id: refund.charge_id, amount_cents: refund.amount, reason: refund.reason })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export const webhookRoutes: ServerRoute[] = [
  {
    method: 'POST',
    path: '/webhooks/payhub',
    options: { payload: { parse: false, output: 'data', maxBytes: 512 * 1024 } },
    handler: async (request: Request, h: ResponseToolkit) => {
      const raw = request.payload as Buffer;
      if (!verifySignature(raw, request.headers['payhub-signature'])) {
        throw Boom.unauthorized('bad signature');
      }
      const event = JSON.parse(raw.toString('utf8'));

      const first = await redis.set(`webhook:seen:${event.id}`, '1', 'EX', 60 * 60 * 24, 'NX');
      if (first !== 'OK') {
        return h.response({ duplicate: true }).code(200);
      }

      if (process.env.WEBHOOK_AUDIT_FILE) {
        fs.appendFileSync(process.env.WEBHOOK_AUDIT_FILE, `${JSON.stringify({ id: event.id, type: event.type })}\n`); // expect: sync-api-in-async
      }

      switch (event.type) {
        case 'charge.succeeded':
          await markPaid(event.data.invoice_id, event.data.amount);
          break;
        case 'charge.refunded':
          for (const refund of event.data.refunds as Refund[]) {
            await applyRefund(refund); // expect: query-in-loop
          }
          break;
        default:
          request.log(['webhook'], `ignored event type ${event.type}`);
      }
      return h.response({ received: true }).code(200);
    },
  },
];
