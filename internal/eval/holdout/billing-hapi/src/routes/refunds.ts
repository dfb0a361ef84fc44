import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import Boom from '@hapi/boom';
import Joi from 'joi';
import { pool } from '../db';

interface RefundPayload {
  reason: 'duplicate' | 'fraudulent' | 'requested_by_customer';
  lines: { lineId: string; amountCents: number }[];
}

export const refundRoutes: ServerRoute[] = [
  {
    method: 'POST',
    path: '/invoices/{id}/refunds',
    options: {
      validate: {
        payload: Joi.object({
          reason: Joi.string().valid('duplicate', 'fraudulent', 'requested_by_customer').required(),
          lines: Joi.array()
            .items(Joi.object({ lineId: Joi.string().uuid().required(), amountCents: Joi.number().integer().min(1) }))
            .min(1)
            .max(100)
            .required(),
        }),
      },
    },
    handler: async (request: Request, h: ResponseToolkit) => {
      const invoiceId = request.params.id;
      const { reason, lines } = request.payload as RefundPayload;
      const total = lines.reduce((sum, l) => sum + l.amountCents, 0);

      const client = await pool.connect(); // expect: missing-release
      let refundId: string;
      try {
        await client.query('BEGIN');
        const { rows } = await client.query(
          `SELECT total_cents - coalesce((SELECT sum(amount_cents) FROM refunds WHERE invoice_id = $1), 0) AS refundable
             FROM invoices WHERE id = $1 AND status = 'paid' FOR UPDATE`,
          [invoiceId],
        );
        if (rows.length === 0) throw Boom.notFound('no paid invoice with that id');
        if (total > Number(rows[0].refundable)) throw Boom.badRequest('refund exceeds the refundable amount');

        const inserted = await client.query(
          'INSERT INTO refunds (invoice_id, amount_cents, reason) VALUES ($1, $2, $3) RETURNING id',
          [invoiceId, total, reason],
        );
        refundId = inserted.rows[0].id;
        await client.query(
          `INSERT INTO refund_lines (refund_id, invoice_line_id, amount_cents)
           SELECT $1, t.line_id, t.amount FROM unnest($2::uuid[], $3::int[]) AS t(line_id, amount)`,
          [refundId, lines.map((l) => l.lineId), lines.map((l) => l.amountCents)],
        );
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
      client.release();
      return h.response({ id: refundId, amountCents: total }).code(201);
    },
  },
];
