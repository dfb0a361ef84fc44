import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import Boom from '@hapi/boom';
import Joi from 'joi';
import { db, pool } from '../db';
import { renderInvoicePdf } from '../services/pdf';

interface LineItem {
  id: string;
  description: string;
  quantity: number;
  unit_amount_cents: number;
}

interface InvoiceSummary {
  id: string;
  number: string;
  total_cents: number;
  currency: string;
  status: string;
  lines: LineItem[];
}

export const invoiceRoutes: ServerRoute[] = [
  {
    method: 'GET',
    path: '/customers/{customerId}/invoices',
    options: {
      validate: { params: Joi.object({ customerId: Joi.string().uuid().required() }) },
    },
    handler: async (request: Request) => {
      const { customerId } = request.params;
      const invoices = await db
        .selectFrom('invoices')
        .select(['id', 'number', 'total_cents', 'currency', 'status', 'issued_at'])
        .where('customer_id', '=', customerId)
        .orderBy('issued_at', 'desc')
        .limit(50)
        .execute();

      const result: InvoiceSummary[] = [];
      for (const inv of invoices) {
        const lines = await db.selectFrom('invoice_lines').selectAll().where('invoice_id', '=', inv.id).execute(); // expect: query-in-loop
        result.push({ ...inv, lines });
      }
      return result;
    },
  },
  {
    method: 'POST',
    path: '/invoices/{id}/void',
    options: {
      validate: { params: Joi.object({ id: Joi.string().uuid().required() }) },
    },
    handler: async (request: Request, h: ResponseToolkit) => {
      const { id } = request.params;
      const client = await pool.connect(); // expect: missing-release
      await client.query('BEGIN');
      const { rows } = await client.query('SELECT status FROM invoices WHERE id = $1 FOR UPDATE', [id]);
      if (rows.length === 0) {
        await client.query('ROLLBACK');
        throw Boom.notFound(`invoice ${id} not found`);
      }
      if (rows[0].status === 'paid') {
        await client.query('ROLLBACK');
        client.release();
        throw Boom.conflict('paid invoices cannot be voided; issue a credit note');
      }
      await client.query("UPDATE invoices SET status = 'void', voided_at = now() WHERE id = $1", [id]);
      await client.query('INSERT INTO invoice_events (invoice_id, kind, actor) VALUES ($1, $2, $3)', [
        id,
        'voided',
        request.auth.credentials.user,
      ]);
      await client.query('COMMIT');
      client.release();
      return h.response().code(204);
    },
  },
  {
    method: 'GET',
    path: '/invoices/{id}/pdf',
    handler: async (request: Request, h: ResponseToolkit) => {
      const invoice = await db
        .selectFrom('invoices')
        .selectAll()
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!invoice) {
        throw Boom.notFound();
      }
      const pdf = await renderInvoicePdf(invoice);
      return h.response(pdf).type('application/pdf').header('Cache-Control', 'private, max-age=60');
    },
  },
];
